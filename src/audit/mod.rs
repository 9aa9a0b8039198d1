//! The audit trail: who did what to which object, when, under which request.

pub mod store;

pub use store::{AuditEntry, record};
