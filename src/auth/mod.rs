//! Authentication (passwords, tokens, sessions) and authorization, decided in one place:
//! `scope` holds every rule about who may do what where; handlers only ask it.

pub mod caller;
pub mod dto;
pub mod password;
pub mod principals;
pub mod routes;
pub mod scope;
pub mod store;
pub mod tokens;

pub use scope::{Action, Caller, ListScope, Place, Role, Scope};
