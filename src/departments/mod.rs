//! Departments (预算部门) of a region, with units below them.

pub mod dto;
pub mod routes;
pub mod store;
