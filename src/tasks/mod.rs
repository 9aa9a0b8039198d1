//! To-do lists (`GET /me/tasks`): what waits for the caller, by the states of the objects.

pub mod routes;
pub mod store;
