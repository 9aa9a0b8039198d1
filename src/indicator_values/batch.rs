//! `POST /api/v1/indicator-values`: a batch of measured values, written `CHUNK` to a
//! transaction with `batch::write_chunk`, as spending records are. The projects and indicators
//! a batch names are looked up once; the reports the new values move are refreshed once per
//! chunk, in its transaction.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use diesel::pg::PgConnection;
use serde_json::Value;
use uuid::Uuid;

use super::routes::{IndicatorValue, IndicatorValueReport, NewIndicatorValue, ValueResult};
use super::store::{self, NamedIndicator, NewValue, ValueRow};
use crate::audit::{self, AuditEntry};
use crate::auth::Caller;
use crate::batch::{self, ItemError};
use crate::error::{AppError, FieldErrors};
use crate::execution::routes::{RecordStatus, RecordSummary};
use crate::projects::lookup::{ProjectKey, Projects};
use crate::projects::store::ProjectView;

/// Values per transaction, as for spending records.
pub const CHUNK: usize = 500;

type Outcome = Result<(RecordStatus, Uuid, Uuid), ItemError>;

fn one_field(field: &str, message: impl Into<String>) -> FieldErrors {
    let mut errors = FieldErrors::new();
    errors.insert(field.to_owned(), vec![message.into()]);
    errors
}

/// What a batch names, looked up once: the projects, the project of each indicator named by
/// id, and every indicator of those projects (id, name, comparator).
struct Found {
    projects: Projects,
    project_of: HashMap<Uuid, Uuid>,
    indicators: HashMap<Uuid, Vec<NamedIndicator>>,
}

fn key<'a>(item: &'a NewIndicatorValue, project_of: &HashMap<Uuid, Uuid>) -> ProjectKey<'a> {
    match item.indicator_id {
        // An unknown indicator names no project (the nil id matches none).
        Some(id) => ProjectKey {
            project_id: Some(project_of.get(&id).copied().unwrap_or(Uuid::nil())),
            region_code: None,
            fiscal_year: None,
            project_code: None,
        },
        None => ProjectKey {
            project_id: None,
            region_code: item.region_code.as_deref(),
            fiscal_year: item.fiscal_year,
            project_code: item.project_code.as_deref(),
        },
    }
}

impl Found {
    fn load(conn: &mut PgConnection, items: &[&NewIndicatorValue]) -> Result<Found, AppError> {
        let ids: Vec<Uuid> = items.iter().filter_map(|i| i.indicator_id).collect();
        let project_of = store::projects_of(conn, &ids)?;
        let keys: Vec<ProjectKey<'_>> = items.iter().map(|i| key(i, &project_of)).collect();
        let projects = Projects::load(conn, &keys)?;
        let mut project_ids: Vec<Uuid> = Vec::new();
        for k in &keys {
            if let Ok(Some(p)) = projects.resolve(k) {
                project_ids.push(p.row.id);
            }
        }
        project_ids.sort_unstable();
        project_ids.dedup();
        let indicators = store::indicators_of(conn, &project_ids)?;
        Ok(Found {
            projects,
            project_of,
            indicators,
        })
    }
}

/// A value that passed every check made before writing.
struct Accepted<'a> {
    slot: usize,
    item: &'a NewIndicatorValue,
    project: &'a ProjectView,
    indicator_id: Uuid,
    achievement: Option<&'static str>,
    source: &'a str,
    reference: &'a str,
}

fn accept<'a>(
    caller: &Caller,
    found: &'a Found,
    slot: usize,
    item: &'a NewIndicatorValue,
) -> Result<Accepted<'a>, ItemError> {
    let nobody = || {
        ItemError::from(one_field(
            "indicator_id",
            "no indicator in your scope matches",
        ))
    };
    if item.indicator_id.is_none() && item.indicator_name.is_none() {
        return Err(one_field(
            "indicator_id",
            "name the indicator by indicator_id, or by region_code, fiscal_year, project_code \
             and indicator_name",
        )
        .into());
    }
    let project = found
        .projects
        .resolve(&key(item, &found.project_of))?
        .filter(|p| caller.sees(&p.place()))
        .ok_or_else(nobody)?;
    let of_project = found
        .indicators
        .get(&project.row.id)
        .map(Vec::as_slice)
        .unwrap_or(&[]);
    let (indicator_id, comparator) = match (item.indicator_id, &item.indicator_name) {
        (Some(id), _) => of_project
            .iter()
            .find(|(i, _, _)| *i == id)
            .map(|(i, _, c)| (*i, c.as_str()))
            .ok_or_else(nobody)?,
        (None, Some(name)) => {
            let matching: Vec<&NamedIndicator> = of_project
                .iter()
                .filter(|(_, n, _)| n.trim() == name.trim())
                .collect();
            match matching.as_slice() {
                [(id, _, c)] => (*id, c.as_str()),
                [] => return Err(nobody()),
                _ => {
                    return Err(one_field(
                        "indicator_name",
                        "several indicators of the project have this name: use indicator_id",
                    )
                    .into());
                }
            }
        }
        (None, None) => return Err(nobody()),
    };
    let qualitative = comparator == "qualitative";
    match (qualitative, &item.value, item.achievement) {
        (false, Some(_), None) | (true, None, Some(_)) => {}
        (false, _, _) => {
            return Err(
                one_field("value", "a numeric indicator takes value, not achievement").into(),
            );
        }
        (true, _, _) => {
            return Err(one_field(
                "achievement",
                "a qualitative indicator takes achievement, not value",
            )
            .into());
        }
    }
    if item.measured_on.year() != i32::from(project.row.fiscal_year) {
        return Err(one_field(
            "measured_on",
            format!(
                "must fall in the project's fiscal year {}",
                project.row.fiscal_year
            ),
        )
        .into());
    }
    let source = item.source_system.trim();
    if source.is_empty() || source.chars().count() > 100 {
        return Err(one_field("source_system", "must be 1 to 100 characters").into());
    }
    let reference = item.external_ref.trim();
    if reference.is_empty() || reference.chars().count() > 200 {
        return Err(one_field("external_ref", "must be 1 to 200 characters").into());
    }
    Ok(Accepted {
        slot,
        item,
        project,
        indicator_id,
        achievement: item.achievement.map(|a| a.as_str()),
        source,
        reference,
    })
}

fn new_value<'a>(caller: &Caller, a: &'a Accepted<'_>) -> NewValue<'a> {
    NewValue {
        indicator_id: a.indicator_id,
        project_id: a.project.row.id,
        region_id: a.project.row.region_id,
        region_path: &a.project.row.region_path,
        department_path: &a.project.row.department_path,
        measured_on: a.item.measured_on,
        value: a.item.value.as_ref(),
        achievement: a.achievement,
        source_system: a.source,
        external_ref: a.reference,
        created_by: caller.user_id,
    }
}

fn created_event(caller: &Caller, row: &ValueRow) -> AuditEntry {
    AuditEntry::by(caller, "indicator_value.created", "indicator_value")
        .object(row.id, Some(&row.region_path))
        .project(row.project_id)
        .change(
            None::<&IndicatorValue>,
            Some(&IndicatorValue::from(row.clone())),
        )
}

/// Created, the same value again, or its reference reused with other data.
fn settle(a: &Accepted<'_>, written: Result<ValueRow, ValueRow>) -> Outcome {
    match written {
        Ok(row) => Ok((RecordStatus::Created, row.id, a.indicator_id)),
        Err(existing)
            if existing.measured_on == a.item.measured_on
                && existing.value == a.item.value
                && existing.achievement.as_deref() == a.achievement =>
        {
            Ok((RecordStatus::Duplicate, existing.id, a.indicator_id))
        }
        Err(_) => Err(one_field(
            "external_ref",
            "was already received for this indicator with a different date or value",
        )
        .into()),
    }
}

/// Per (indicator, external reference): the new row, or the one already stored as `Err`.
type Written = HashMap<(Uuid, String), Result<ValueRow, ValueRow>>;

/// The values given (references distinct per indicator) with their audit events and the
/// refresh of the reports they move.
fn write(
    conn: &mut PgConnection,
    caller: &Caller,
    new: &[NewValue<'_>],
) -> Result<Written, AppError> {
    let inserted = store::insert_new_many(conn, new)?;
    let mut out: Written = HashMap::new();
    let mut earliest: HashMap<Uuid, NaiveDate> = HashMap::new();
    let mut events = Vec::with_capacity(inserted.len());
    for row in inserted {
        events.push(created_event(caller, &row));
        earliest
            .entry(row.project_id)
            .and_modify(|d| *d = (*d).min(row.measured_on))
            .or_insert(row.measured_on);
        out.insert((row.indicator_id, row.external_ref.clone()), Ok(row));
    }
    let taken: Vec<(Uuid, &str)> = new
        .iter()
        .map(|v| (v.indicator_id, v.external_ref))
        .filter(|(i, r)| !out.contains_key(&(*i, (*r).to_owned())))
        .collect();
    for row in store::find_by_refs(conn, &taken)? {
        out.insert((row.indicator_id, row.external_ref.clone()), Err(row));
    }
    audit::record_many(conn, events)?;
    crate::reports::service::refresh_for_spending_many(conn, &earliest)?;
    Ok(out)
}

/// A chunk's values together. A value repeating an earlier one of the chunk is compared with
/// that one, as it would be had the earlier one been stored on its own.
fn write_together(
    conn: &mut PgConnection,
    caller: &Caller,
    accepted: &[Accepted<'_>],
) -> Result<Vec<Outcome>, AppError> {
    let mut first_of: HashMap<(Uuid, &str), usize> = HashMap::new();
    let mut firsts = Vec::new();
    for (i, a) in accepted.iter().enumerate() {
        first_of
            .entry((a.indicator_id, a.reference))
            .or_insert_with(|| {
                firsts.push(i);
                i
            });
    }
    let new: Vec<NewValue<'_>> = firsts
        .iter()
        .map(|i| new_value(caller, &accepted[*i]))
        .collect();
    let written = write(conn, caller, &new)?;
    accepted
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let row = written
                .get(&(a.indicator_id, a.reference.to_owned()))
                .cloned()
                .ok_or_else(|| {
                    AppError::Internal(format!(
                        "indicator value {} of indicator {} neither inserted nor found",
                        a.reference, a.indicator_id
                    ))
                })?;
            let first = first_of[&(a.indicator_id, a.reference)] == i;
            Ok(settle(a, if first { row } else { row.and_then(Err) }))
        })
        .collect()
}

fn write_one(
    conn: &mut PgConnection,
    caller: &Caller,
    a: &Accepted<'_>,
) -> Result<Outcome, AppError> {
    let written = write(conn, caller, &[new_value(caller, a)])?;
    let row = written
        .into_values()
        .next()
        .ok_or_else(|| AppError::Internal(format!("indicator value {} lost", a.reference)))?;
    Ok(settle(a, row))
}

fn parse(raw: Value) -> Result<NewIndicatorValue, FieldErrors> {
    serde_json::from_value::<NewIndicatorValue>(raw).map_err(|e| {
        let text = e.to_string();
        one_field("item", text.split(" at line ").next().unwrap_or(&text))
    })
}

pub(super) fn run_batch(
    conn: &mut PgConnection,
    caller: &Caller,
    items: Vec<Value>,
) -> Result<IndicatorValueReport, AppError> {
    let mut summary = RecordSummary {
        received: items.len(),
        ..RecordSummary::default()
    };
    let parsed: Vec<Result<NewIndicatorValue, FieldErrors>> =
        items.into_iter().map(parse).collect();
    let typed: Vec<&NewIndicatorValue> = parsed.iter().filter_map(|p| p.as_ref().ok()).collect();
    let found = if batch::must_stop() {
        Err(AppError::database_unavailable())
    } else {
        Found::load(conn, &typed)
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
                batch::write_chunk(
                    conn,
                    &accepted,
                    |a| a.slot,
                    |conn, accepted| write_together(conn, caller, accepted),
                    |conn, a| write_one(conn, caller, a),
                    &mut out,
                );
            }
        }
        outcomes.extend(
            out.into_iter()
                .map(|o| o.unwrap_or_else(|| Err(ItemError::NotProcessed(batch::skipped())))),
        );
    }
    let items = outcomes
        .into_iter()
        .enumerate()
        .map(|(index, outcome)| {
            let (status, id, indicator_id, errors) = match outcome {
                Ok((status, id, indicator_id)) => {
                    if status == RecordStatus::Created {
                        summary.created += 1;
                    } else {
                        summary.duplicate += 1;
                    }
                    (status, Some(id), Some(indicator_id), None)
                }
                Err(ItemError::Refused(errors)) => {
                    summary.rejected += 1;
                    (RecordStatus::Rejected, None, None, Some(errors))
                }
                Err(ItemError::NotProcessed(errors)) => {
                    summary.not_processed += 1;
                    (RecordStatus::NotProcessed, None, None, Some(errors))
                }
            };
            ValueResult {
                index,
                status,
                id,
                indicator_id,
                errors,
            }
        })
        .collect();
    if summary.not_processed == summary.received && summary.received > 0 && batch::must_stop() {
        return Err(AppError::database_unavailable());
    }
    Ok(IndicatorValueReport { summary, items })
}
