//! Target adjustments (调整目标): a department asks to change a project's performance targets
//! during the year, finance approves or rejects, and an approval makes a new version of the
//! project's indicator set that later rounds monitor.

pub mod dto;
pub mod routes;
pub mod service;
pub mod store;
pub mod versions;
