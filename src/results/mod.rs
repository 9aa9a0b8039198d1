//! Results application (结果应用): what a project's monitoring led to, recorded by finance
//! beside what the region's rules suggested, and carried to next year's project of the same
//! code.

pub mod dto;
pub mod routes;
pub mod service;
pub mod stats;
pub mod store;
