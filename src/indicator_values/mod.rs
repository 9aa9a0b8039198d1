//! Measured indicator values from business systems (指标数据对接): `POST /indicator-values`
//! takes batches like the spending feed; the latest value measured up to a round's cut-off
//! pre-fills a report's actual value (`reports::proposals`).

pub mod batch;
pub mod routes;
pub mod store;
