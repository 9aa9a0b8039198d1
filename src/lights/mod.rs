//! Early-warning lights and scores of reports: effective rules per region (defaults plus the
//! overrides of the region and the regions above it), evaluation, recompute and rankings.

pub mod rankings;
pub mod routes;
pub mod service;
pub mod store;
