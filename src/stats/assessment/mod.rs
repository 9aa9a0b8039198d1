//! The annual department assessment (`/stats/department-assessment`, DOMAIN.md "What monitoring
//! leads to"): each department of a region's own level over a fiscal year, in one row, ranked by
//! an overall score whose formula and weights live in `domain::assessment`.
//!
//! Read-time aggregation over the year's raw rows (it is an annual report): a fixed handful of
//! statements for the whole region (`store`), plus each round's rankings, reused as
//! `/stats/departments` computes them, so the round scores are the same figures.

pub mod dto;
pub mod routes;
pub mod store;
