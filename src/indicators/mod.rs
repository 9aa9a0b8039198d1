//! Performance indicators (绩效指标) of a project: level 1 → level 2 → the indicator itself.

pub mod dto;
pub mod routes;
pub mod store;
