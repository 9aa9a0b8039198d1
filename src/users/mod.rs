//! Users, their roles and scopes.

pub mod bootstrap;
pub mod dto;
pub mod routes;
pub mod store;
