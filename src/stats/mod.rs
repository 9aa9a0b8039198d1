//! Statistics for finance leaders and dashboards: overview, regional drill-down, departments,
//! problems and trend, scoped to the caller and computed in SQL.

pub mod assessment;
pub mod dto;
pub mod routes;
pub mod store;
pub mod verify;
