//! The change feed (`GET /changes`): every write's audit event, in the order of the
//! transactions that wrote them, for systems that sync incrementally.

pub mod routes;
pub mod store;
