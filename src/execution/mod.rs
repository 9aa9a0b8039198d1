//! Spending records (budget execution) sent by treasury and city systems; they make the
//! executed amounts of monitoring reports automatic.

pub mod batch;
pub mod routes;
pub mod store;
