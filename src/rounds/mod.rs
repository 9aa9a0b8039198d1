//! Monitoring rounds (监控批次): one monitoring exercise of a region for a fiscal year.

pub mod dto;
pub mod routes;
pub mod store;
