//! What the batch endpoints (spending records, project import) share about the fate of an item.
//!
//! An item is `rejected` only for a reason of its own that resending cannot cure (a bad field,
//! an unknown project, a reference reused with other data). When the service or the database
//! fails instead, the item is `not_processed`: the client should resend it, and the item's
//! identity (an external reference, a project code) makes the resend safe. After the database
//! connection is lost, the batch stops, and every item not yet handled is `not_processed` too.

use crate::error::{AppError, FieldErrors};

/// Why an item was not written.
#[derive(Debug)]
pub enum ItemError {
    /// The item itself is wrong: field → messages.
    Refused(FieldErrors),
    /// The service could not handle it now; resend it.
    NotProcessed(FieldErrors),
}

impl From<FieldErrors> for ItemError {
    fn from(errors: FieldErrors) -> ItemError {
        ItemError::Refused(errors)
    }
}

/// True for failures that are the service's, not the item's: the database unreachable or
/// lost, and internal errors.
pub fn is_transient(err: &AppError) -> bool {
    matches!(err, AppError::Unavailable { .. } | AppError::Internal(_))
}

/// The reason given with a `not_processed` item, under the key `item`.
pub fn not_processed(cause: &AppError) -> FieldErrors {
    let detail = match cause {
        AppError::Unavailable { .. } => {
            "the database became unreachable before this item was \
                                         written"
        }
        _ => "the server failed while writing this item",
    };
    let mut errors = FieldErrors::new();
    errors.insert(
        "item".to_owned(),
        vec![format!(
            "not processed: {detail}; resend it (resending is safe: the item is recognised and \
             not written twice)"
        )],
    );
    errors
}

/// Sorts an error raised while handling an item.
pub fn classify(err: AppError, refused: impl FnOnce(AppError) -> FieldErrors) -> ItemError {
    if is_transient(&err) {
        ItemError::NotProcessed(not_processed(&err))
    } else {
        ItemError::Refused(refused(err))
    }
}

/// The reason for items after a lost connection, which were not tried at all.
pub fn skipped() -> FieldErrors {
    not_processed(&AppError::database_unavailable())
}

/// Whether the batch must stop: the connection it runs on is gone.
pub fn must_stop() -> bool {
    crate::db::connection_lost()
}
