//! The principals this instance has read, by user, so that a request whose caller is known
//! needs no round trip of its own to learn its role and scope: it checks the user row on the
//! connection of its work instead (`store::caller_still_valid`, made before the work), which keeps the
//! rule that deactivation, a password change or a role or scope change acts on the next request.
//!
//! An entry is used only for a token of the same token version; the check still decides.
//! Departments' and regions' paths, which the principal also holds, never change once created.

use std::collections::HashMap;
use std::sync::Mutex;

use uuid::Uuid;

use crate::auth::store::Principal;

/// More users than an instance serves between restarts in any deployment we know of; when it
/// fills up it starts again empty rather than tracking use.
const CAPACITY: usize = 20_000;

#[derive(Debug, Default)]
pub struct Principals {
    by_user: Mutex<HashMap<Uuid, Principal>>,
}

impl Principals {
    /// The principal read for `user` at `token_version`, if this instance has one.
    pub fn get(&self, user: Uuid, token_version: i32) -> Option<Principal> {
        let map = self.by_user.lock().unwrap_or_else(|e| e.into_inner());
        map.get(&user)
            .filter(|p| p.token_version == token_version && p.active)
            .cloned()
    }

    pub fn put(&self, principal: Principal) {
        let mut map = self.by_user.lock().unwrap_or_else(|e| e.into_inner());
        if map.len() >= CAPACITY && !map.contains_key(&principal.id) {
            map.clear();
        }
        map.insert(principal.id, principal);
    }
}
