//! Projects (项目): one department's budget-funded project for one fiscal year, with its fund
//! sources, budget ledger and performance indicators.

pub mod dto;
pub mod import;
pub mod lookup;
pub mod routes;
pub mod service;
pub mod store;
