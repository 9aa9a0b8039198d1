//! `POST /api/v1/execution-records`: a batch of spending records, written `CHUNK` to a
//! transaction because each COMMIT pays a round trip and each refresh of the open reports
//! reads the same projects again.
//!
//! The projects a batch names are looked up once, with one `= ANY` query per kind. Every
//! record is checked in Rust; a chunk's records are inserted together, their audit events
//! recorded together and the reports they move refreshed once, inside a savepoint. When the
//! database refuses that (a value it will not store, a project deleted meanwhile), the
//! savepoint is rolled back and the chunk is written again record by record, each in a
//! savepoint of its own, as a lone record always was: the record at fault is reported with its
//! reason and the others land. When the chunk's transaction fails, COMMIT included, nothing of
//! it is known to be stored: its records are `not_processed`.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use diesel::pg::PgConnection;
use serde_json::Value;
use uuid::Uuid;

use super::routes::{
    ExecutionRecord, ExecutionReport, NewExecutionRecord, RecordResult, RecordStatus, RecordSummary,
};
use super::store::{self, NewRecord, RecordRow};
use crate::audit::{self, AuditEntry};
use crate::auth::Caller;
use crate::batch::{self, ItemError};
use crate::error::{AppError, FieldErrors};
use crate::projects::lookup::{ProjectKey, Projects};
use crate::projects::store::ProjectView;

/// Records per transaction: past a few hundred, COMMITs and report refreshes no longer
/// dominate, and a chunk holds its report locks briefly and redoes little after a refusal.
/// The endpoint's OpenAPI description names this number.
pub const CHUNK: usize = 500;

type Written = (RecordStatus, Uuid, Uuid, Option<String>);
type Outcome = Result<Written, ItemError>;

fn one_field(field: &str, message: impl Into<String>) -> FieldErrors {
    let mut errors = FieldErrors::new();
    errors.insert(field.to_owned(), vec![message.into()]);
    errors
}

fn key(item: &NewExecutionRecord) -> ProjectKey<'_> {
    ProjectKey {
        project_id: item.project_id,
        region_code: item.region_code.as_deref(),
        fiscal_year: item.fiscal_year,
        project_code: item.project_code.as_deref(),
    }
}

/// A record that passed every check made before writing.
struct Accepted<'a> {
    /// Its place in the chunk.
    slot: usize,
    item: &'a NewExecutionRecord,
    project: &'a ProjectView,
    reference: &'a str,
    warning: Option<String>,
}

fn accept<'a>(
    caller: &Caller,
    projects: &'a Projects,
    slot: usize,
    item: &'a NewExecutionRecord,
) -> Result<Accepted<'a>, ItemError> {
    let project = projects
        .resolve(&key(item))?
        .filter(|p| caller.sees(&p.place()))
        .ok_or_else(|| {
            ItemError::from(one_field("project_id", "no project in your scope matches"))
        })?;
    if project.row.status == "stopped" {
        return Err(one_field(
            "project_id",
            format!(
                "project {} is stopped: it takes no more spending",
                project.row.code
            ),
        )
        .into());
    }
    let warning = (project.row.status == "suspended").then(|| {
        format!(
            "project {} is suspended: its disbursement is on hold",
            project.row.code
        )
    });
    if item.payment_date.year() != i32::from(project.row.fiscal_year) {
        return Err(one_field(
            "payment_date",
            format!(
                "must fall in the project's fiscal year {}",
                project.row.fiscal_year
            ),
        )
        .into());
    }
    if item.amount == 0 {
        return Err(one_field("amount", "must not be zero").into());
    }
    let reference = item.external_ref.trim();
    if reference.is_empty() || reference.len() > 200 {
        return Err(one_field("external_ref", "must be 1 to 200 characters").into());
    }
    Ok(Accepted {
        slot,
        item,
        project,
        reference,
        warning,
    })
}

fn new_record<'a>(caller: &Caller, a: &'a Accepted<'_>) -> NewRecord<'a> {
    NewRecord {
        project_id: a.project.row.id,
        region_id: a.project.row.region_id,
        region_path: &a.project.row.region_path,
        department_path: &a.project.row.department_path,
        payment_date: a.item.payment_date,
        amount: &a.item.amount,
        external_ref: a.reference,
        description: a.item.description.trim(),
        created_by: caller.user_id,
    }
}

fn created_event(caller: &Caller, row: &RecordRow) -> AuditEntry {
    AuditEntry::by(caller, "execution_record.created", "execution_record")
        .object(row.id, Some(&row.region_path))
        .project(row.project_id)
        .change(
            None::<&ExecutionRecord>,
            Some(&ExecutionRecord::from(row.clone())),
        )
}

/// What a record's write came to: created, the same record again, or its reference reused
/// with other data.
fn settle(a: &Accepted<'_>, written: Result<RecordRow, RecordRow>) -> Outcome {
    let project_id = a.project.row.id;
    match written {
        Ok(row) => Ok((RecordStatus::Created, row.id, project_id, a.warning.clone())),
        Err(existing)
            if existing.amount == a.item.amount && existing.payment_date == a.item.payment_date =>
        {
            Ok((
                RecordStatus::Duplicate,
                existing.id,
                project_id,
                a.warning.clone(),
            ))
        }
        Err(_) => Err(one_field(
            "external_ref",
            "was already received for this project with a different date or amount",
        )
        .into()),
    }
}

/// One record with the refresh of the reports it moves, in the caller's savepoint: a stored
/// record is always in its reports' figures, and a failure of either leaves neither.
fn write_one(
    conn: &mut PgConnection,
    caller: &Caller,
    a: &Accepted<'_>,
) -> Result<Result<RecordRow, RecordRow>, AppError> {
    let result = store::insert_or_existing(conn, new_record(caller, a))?;
    if let Ok(row) = &result {
        audit::record(conn, created_event(caller, row))?;
        crate::reports::service::refresh_for_spending(conn, row.project_id, row.payment_date)?;
    }
    Ok(result)
}

/// A chunk's records together: one INSERT, one read of the references already taken, one
/// INSERT of audit events and one refresh of the reports they move (each project's reports
/// from its earliest new payment on, which covers every one of its new records). A record
/// repeating an earlier one of the chunk is compared with that one, as it would be had the
/// earlier one been stored on its own.
fn write_together(
    conn: &mut PgConnection,
    caller: &Caller,
    accepted: &[Accepted<'_>],
) -> Result<Vec<Result<RecordRow, RecordRow>>, AppError> {
    let mut first_of: HashMap<(Uuid, &str), usize> = HashMap::new();
    let mut firsts = Vec::new();
    for (i, a) in accepted.iter().enumerate() {
        first_of
            .entry((a.project.row.id, a.reference))
            .or_insert_with(|| {
                firsts.push(i);
                i
            });
    }
    let new: Vec<NewRecord<'_>> = firsts
        .iter()
        .map(|i| new_record(caller, &accepted[*i]))
        .collect();
    let inserted: HashMap<(Uuid, String), RecordRow> = store::insert_new_many(conn, &new)?
        .into_iter()
        .map(|r| ((r.project_id, r.external_ref.clone()), r))
        .collect();
    let taken: Vec<(Uuid, &str)> = new
        .iter()
        .map(|r| (r.project_id, r.external_ref))
        .filter(|(p, r)| !inserted.contains_key(&(*p, (*r).to_owned())))
        .collect();
    let existing: HashMap<(Uuid, String), RecordRow> = store::find_by_refs(conn, &taken)?
        .into_iter()
        .map(|r| ((r.project_id, r.external_ref.clone()), r))
        .collect();

    let mut events = Vec::with_capacity(inserted.len());
    let mut earliest: HashMap<Uuid, NaiveDate> = HashMap::new();
    for i in &firsts {
        let a = &accepted[*i];
        if let Some(row) = inserted.get(&(a.project.row.id, a.reference.to_owned())) {
            events.push(created_event(caller, row));
            earliest
                .entry(row.project_id)
                .and_modify(|d| *d = (*d).min(row.payment_date))
                .or_insert(row.payment_date);
        }
    }
    audit::record_many(conn, events)?;
    crate::reports::service::refresh_for_spending_many(conn, &earliest)?;

    accepted
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let key = (a.project.row.id, a.reference.to_owned());
            let first = first_of[&(a.project.row.id, a.reference)] == i;
            match (inserted.get(&key), existing.get(&key)) {
                (Some(row), _) if first => Ok(Ok(row.clone())),
                (Some(row), _) | (None, Some(row)) => Ok(Err(row.clone())),
                (None, None) => Err(AppError::Internal(format!(
                    "spending record {} of project {} neither inserted nor found",
                    a.reference, a.project.row.id
                ))),
            }
        })
        .collect()
}

/// One chunk in one transaction (`batch::write_chunk`); fills `out` for the accepted records.
fn write_chunk(
    conn: &mut PgConnection,
    caller: &Caller,
    accepted: &[Accepted<'_>],
    out: &mut [Option<Outcome>],
) {
    batch::write_chunk(
        conn,
        accepted,
        |a| a.slot,
        |conn, accepted| {
            let rows = write_together(conn, caller, accepted)?;
            Ok(accepted
                .iter()
                .zip(rows)
                .map(|(a, row)| settle(a, row))
                .collect())
        },
        |conn, a| Ok(settle(a, write_one(conn, caller, a)?)),
        out,
    );
}

fn parse(raw: Value) -> Result<NewExecutionRecord, FieldErrors> {
    serde_json::from_value::<NewExecutionRecord>(raw).map_err(|e| {
        let text = e.to_string();
        one_field("item", text.split(" at line ").next().unwrap_or(&text))
    })
}

pub(super) fn run_batch(
    conn: &mut PgConnection,
    caller: &Caller,
    items: Vec<Value>,
) -> Result<ExecutionReport, AppError> {
    let mut summary = RecordSummary {
        received: items.len(),
        ..RecordSummary::default()
    };
    let parsed: Vec<Result<NewExecutionRecord, FieldErrors>> =
        items.into_iter().map(parse).collect();
    let typed: Vec<&NewExecutionRecord> = parsed.iter().filter_map(|p| p.as_ref().ok()).collect();
    let found = if batch::must_stop() {
        Err(AppError::database_unavailable())
    } else {
        let keys: Vec<ProjectKey<'_>> = typed.iter().map(|i| key(i)).collect();
        Projects::load(conn, &keys)
    };
    let mut outcomes: Vec<Outcome> = Vec::with_capacity(parsed.len());
    for chunk in parsed.chunks(CHUNK) {
        if batch::must_stop() {
            outcomes.extend(
                chunk
                    .iter()
                    .map(|_| Err(ItemError::NotProcessed(batch::skipped()))),
            );
            continue;
        }
        let mut out: Vec<Option<Outcome>> = chunk
            .iter()
            .map(|p| p.as_ref().err().map(|e| Err(ItemError::Refused(e.clone()))))
            .collect();
        match &found {
            Err(e) => {
                let reason = batch::not_processed(e);
                for slot in out.iter_mut().filter(|o| o.is_none()) {
                    *slot = Some(Err(ItemError::NotProcessed(reason.clone())));
                }
            }
            Ok(found) => {
                let mut accepted = Vec::new();
                for (slot, item) in chunk.iter().enumerate() {
                    let Ok(item) = item else { continue };
                    match accept(caller, found, slot, item) {
                        Ok(a) => accepted.push(a),
                        Err(e) => out[slot] = Some(Err(e)),
                    }
                }
                write_chunk(conn, caller, &accepted, &mut out);
            }
        }
        outcomes.extend(
            out.into_iter()
                .map(|o| o.unwrap_or_else(|| Err(ItemError::NotProcessed(batch::skipped())))),
        );
    }
    let results = outcomes
        .into_iter()
        .enumerate()
        .map(|(index, outcome)| {
            let (status, id, project_id, errors, warning) = match outcome {
                Ok((status, id, project_id, warning)) => {
                    if status == RecordStatus::Created {
                        summary.created += 1;
                    } else {
                        summary.duplicate += 1;
                    }
                    (status, Some(id), Some(project_id), None, warning)
                }
                Err(ItemError::Refused(errors)) => {
                    summary.rejected += 1;
                    (RecordStatus::Rejected, None, None, Some(errors), None)
                }
                Err(ItemError::NotProcessed(errors)) => {
                    summary.not_processed += 1;
                    (RecordStatus::NotProcessed, None, None, Some(errors), None)
                }
            };
            RecordResult {
                index,
                status,
                id,
                project_id,
                errors,
                warning,
            }
        })
        .collect();
    if summary.not_processed == summary.received && summary.received > 0 && batch::must_stop() {
        // Nothing was handled: a plain 503 says so best, and the retry is the same request.
        return Err(AppError::database_unavailable());
    }
    Ok(ExecutionReport {
        summary,
        items: results,
    })
}
