//! Regions: the province → city → county tree every scope and statistic hangs on.

pub mod dto;
pub mod routes;
pub mod store;
