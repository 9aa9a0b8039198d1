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

/// An item's reason, the database's words, under the key `item`.
pub fn refused_by_database(e: AppError) -> ItemError {
    classify(e, |e| {
        let mut errors = FieldErrors::new();
        errors.insert("item".to_owned(), vec![e.problem().detail]);
        errors
    })
}

/// Writes a chunk of accepted items in one transaction, the way every batch endpoint does:
/// all together in a savepoint (`together`, one outcome per item in order); when the database
/// refuses that, the savepoint is rolled back and each item is written in a savepoint of its
/// own (`one`), so the item at fault is reported with its reason and the others land. When
/// the chunk's transaction fails, COMMIT included, nothing of it is known to be stored: its
/// items are `not_processed`, except those refused for a reason of their own. `slot` is an
/// item's place in `out`.
pub fn write_chunk<A, D>(
    conn: &mut diesel::pg::PgConnection,
    accepted: &[A],
    slot: impl Fn(&A) -> usize,
    together: impl FnOnce(
        &mut diesel::pg::PgConnection,
        &[A],
    ) -> Result<Vec<Result<D, ItemError>>, AppError>,
    one: impl Fn(&mut diesel::pg::PgConnection, &A) -> Result<Result<D, ItemError>, AppError>,
    out: &mut [Option<Result<D, ItemError>>],
) {
    use diesel::Connection;
    if accepted.is_empty() {
        return;
    }
    let written = conn.transaction(|conn| {
        match conn.transaction(|conn| together(conn, accepted)) {
            Ok(outcomes) => {
                for (a, outcome) in accepted.iter().zip(outcomes) {
                    out[slot(a)] = Some(outcome);
                }
            }
            Err(e) if must_stop() => return Err(e),
            Err(e) => {
                tracing::info!(
                    cause = %e,
                    items = accepted.len(),
                    "the database refused a chunk's items together; writing them one by one"
                );
                for a in accepted {
                    match conn.transaction(|conn| one(conn, a)) {
                        Err(e) if must_stop() => return Err(e),
                        Err(e) => out[slot(a)] = Some(Err(refused_by_database(e))),
                        Ok(outcome) => out[slot(a)] = Some(outcome),
                    }
                }
            }
        }
        Ok::<_, AppError>(())
    });
    if let Err(e) = written {
        let reason = not_processed(&e);
        for a in accepted {
            if !matches!(out[slot(a)], Some(Err(ItemError::Refused(_)))) {
                out[slot(a)] = Some(Err(ItemError::NotProcessed(reason.clone())));
            }
        }
    }
}

/// A batch request as every batch endpoint receives it: a JSON object with an `items` array of
/// at most `max` items (`noun` names them in the errors), and what `idempotency::guarded`
/// needs to recognise a retry.
pub struct Received {
    pub items: Vec<serde_json::Value>,
    pub key: Option<String>,
    pub path: String,
    pub fingerprint: String,
}

pub fn receive(
    req: &actix_web::HttpRequest,
    body: &[u8],
    max: usize,
    noun: &str,
) -> Result<Received, AppError> {
    let content_type = req
        .headers()
        .get(actix_web::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_ascii_lowercase();
    if !content_type.starts_with("application/json") {
        return Err(AppError::UnsupportedMediaType(format!(
            "Send the {noun} as application/json."
        )));
    }
    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Envelope {
        items: Vec<serde_json::Value>,
    }
    let envelope: Envelope = serde_json::from_slice(body).map_err(|e| match e.classify() {
        serde_json::error::Category::Data => {
            AppError::invalid_field("items", "the body must be an object with an `items` array")
        }
        _ => AppError::BadRequest(format!("The request body is not valid JSON: {e}")),
    })?;
    if envelope.items.len() > max {
        return Err(AppError::invalid_field(
            "items",
            format!(
                "at most {max} {noun} per request, got {}",
                envelope.items.len()
            ),
        ));
    }
    Ok(Received {
        items: envelope.items,
        key: crate::idempotency::key_of(req)?,
        path: req.path().to_owned(),
        fingerprint: crate::idempotency::fingerprint(&content_type, body),
    })
}
