//! Monitoring reports: one per project and round (项目绩效监控表), and one per department and
//! round (部门绩效监控报告), with the submit / return / approve workflow.

pub mod department;
pub mod dto;
pub mod proposals;
pub mod routes;
pub mod service;
pub mod store;
