//! The audit trail: who did what to which entity, when, under which request, with the entity
//! before and after. Every write records its event through `record` inside its own transaction.

pub mod dto;
pub mod routes;
pub mod store;

pub use store::{AuditEntry, record, record_many};
