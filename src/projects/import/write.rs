//! Writing an import: `CHUNK` items per transaction, because each COMMIT pays for the rollup
//! flush and a round trip, which one transaction per item paid 10,000 times.
//!
//! In a chunk, regions, departments and taken codes are looked up with one query per kind;
//! every item is checked in Rust; the new projects are written together by
//! `service::create_many` inside a savepoint. When the database refuses that write (a code a
//! concurrent import just took, a value it will not store), the savepoint is rolled back and
//! the chunk is written again item by item, each in a savepoint of its own, so the item at
//! fault is reported with its reason and the others land. Items naming existing projects go
//! one by one anyway (updates compare each indicator). When the chunk's transaction fails,
//! COMMIT included, nothing of it is known to be stored: its items are `not_processed`.

use std::collections::{BTreeMap, HashMap, HashSet};

use diesel::Connection;
use diesel::pg::PgConnection;
use serde_json::json;
use uuid::Uuid;

use super::{ImportItemResult, ImportProject, ImportReport, ImportStatus, ImportSummary};
use crate::audit::{self, AuditEntry};
use crate::auth::{Caller, Place};
use crate::batch::{self, ItemError};
use crate::departments::store::{self as departments, DepartmentRow};
use crate::domain::indicators::MAX_INDICATORS;
use crate::error::{AppError, FieldErrors};
use crate::indicators::dto::Indicator;
use crate::indicators::store::{self as indicators, IndicatorFields};
use crate::projects::dto::{NewProject, ProjectChanges};
use crate::projects::service::{self, CheckedNew};
use crate::projects::store::{self as projects, CodeKey, ProjectView};
use crate::regions::store::{self as regions, RegionRow};

/// Items per transaction. With `scripts/bench/seed.py` (10,000 new projects, 6 indicators
/// each, release build) 100 took 17.5 s, 250 11.7 s, 500 about 10 s and 1,000 10.0 s on a
/// loaded 2-core machine; past 500 the COMMITs no longer dominate, while a chunk holds its
/// locks longer (about half a second at 500) and redoes more items after a refusal. The
/// import's OpenAPI description names this number.
pub const CHUNK: usize = 500;

type Outcome = Result<(ImportStatus, Uuid), ItemError>;

fn problems_of(err: AppError) -> FieldErrors {
    match err {
        AppError::Validation { errors, detail } if !errors.is_empty() => {
            let _ = detail;
            errors
        }
        other => {
            let mut errors = FieldErrors::new();
            errors.insert("item".into(), vec![other.problem().detail]);
            errors
        }
    }
}

/// Regions and departments by code, kept for the whole import (an import names few of them)
/// and loaded for a chunk at a time with one query per kind.
#[derive(Default)]
struct Lookups {
    regions: HashMap<String, Option<RegionRow>>,
    departments: HashMap<(Uuid, String), Option<DepartmentRow>>,
}

impl Lookups {
    /// Loads what these items name and is not known yet. Codes holding U+0000 are left out:
    /// PostgreSQL would refuse the whole query for them; `region` and `department` refuse
    /// them one by one instead.
    fn load(&mut self, conn: &mut PgConnection, items: &[&ImportProject]) -> Result<(), AppError> {
        let codes: HashSet<&str> = items
            .iter()
            .map(|i| i.region_code.as_str())
            .filter(|c| !self.regions.contains_key(*c) && !c.contains('\0'))
            .collect();
        if !codes.is_empty() {
            let codes: Vec<&str> = codes.into_iter().collect();
            let found = regions::find_by_codes(conn, &codes)?;
            for code in codes {
                self.regions.insert(code.to_owned(), None);
            }
            for region in found {
                self.regions.insert(region.code.clone(), Some(region));
            }
        }
        let wanted: HashSet<(Uuid, &str)> = items
            .iter()
            .filter_map(|i| {
                let region = self.regions.get(&i.region_code)?.as_ref()?;
                Some((region.id, i.department_code.as_str()))
            })
            .filter(|(r, c)| {
                !c.contains('\0') && !self.departments.contains_key(&(*r, (*c).to_owned()))
            })
            .collect();
        if !wanted.is_empty() {
            let region_ids: Vec<Uuid> = wanted
                .iter()
                .map(|k| k.0)
                .collect::<HashSet<_>>()
                .into_iter()
                .collect();
            let codes: Vec<&str> = wanted
                .iter()
                .map(|k| k.1)
                .collect::<HashSet<_>>()
                .into_iter()
                .collect();
            let found = departments::find_by_codes(conn, &region_ids, &codes)?;
            for (region, code) in &wanted {
                self.departments.insert((*region, (*code).to_owned()), None);
            }
            for department in found {
                let key = (department.region_id, department.code.clone());
                if self.departments.contains_key(&key) {
                    self.departments.insert(key, Some(department));
                }
            }
        }
        Ok(())
    }

    fn region(&self, code: &str) -> Result<Option<&RegionRow>, AppError> {
        AppError::refuse_nul(code)?;
        Ok(self.regions.get(code).and_then(Option::as_ref))
    }

    fn department(&self, region: Uuid, code: &str) -> Result<Option<&DepartmentRow>, AppError> {
        AppError::refuse_nul(code)?;
        Ok(self
            .departments
            .get(&(region, code.to_owned()))
            .and_then(Option::as_ref))
    }
}

fn indicator_key(f: &IndicatorFields) -> (String, String, String) {
    (f.level1.clone(), f.level2.clone(), f.name.clone())
}

/// What every item must pass, new project or not, in the order the reasons are given.
struct Checked<'a> {
    region_id: Uuid,
    department: &'a DepartmentRow,
    desired: Vec<IndicatorFields>,
}

fn check<'a>(
    caller: &Caller,
    lookups: &'a Lookups,
    item: &ImportProject,
) -> Result<Checked<'a>, AppError> {
    let region = lookups
        .region(&item.region_code)?
        .filter(|r| caller.sees(&Place::region(&r.path)))
        .ok_or_else(|| {
            AppError::invalid_field("region_code", "no region in your scope has this code")
        })?;
    let department = lookups
        .department(region.id, &item.department_code)?
        .filter(|d| caller.sees(&d.place()))
        .ok_or_else(|| {
            AppError::invalid_field(
                "department_code",
                "no department of this region in your scope has this code",
            )
        })?;
    if item.indicators.len() > MAX_INDICATORS {
        return Err(AppError::invalid_field(
            "indicators",
            format!(
                "a project has at most {MAX_INDICATORS} indicators, got {}",
                item.indicators.len()
            ),
        ));
    }
    let mut errors = FieldErrors::new();
    let mut desired = Vec::with_capacity(item.indicators.len());
    let mut seen = HashMap::new();
    for (i, indicator) in item.indicators.iter().enumerate() {
        match indicator.fields(&format!("indicators[{i}].")) {
            Ok(fields) => {
                if let Some(first) = seen.insert(indicator_key(&fields), i) {
                    errors
                        .entry(format!("indicators[{i}].name"))
                        .or_default()
                        .push(format!(
                            "repeats indicators[{first}] (same level 1, level 2 and name)"
                        ));
                }
                desired.push(fields);
            }
            Err(e) => errors.extend(e),
        }
    }
    if !errors.is_empty() {
        return Err(AppError::validation(
            "The item has invalid indicators.",
            errors,
        ));
    }
    // The project is looked up by code next, which PostgreSQL refuses for this.
    AppError::refuse_nul(&item.code)?;
    Ok(Checked {
        region_id: region.id,
        department,
        desired,
    })
}

/// The checks `service::create` makes of a project whose code is free.
fn check_new(
    caller: &Caller,
    checked: &Checked<'_>,
    item: &ImportProject,
) -> Result<crate::projects::store::ProjectFields, AppError> {
    let new = NewProject {
        code: item.code.clone(),
        name: item.name.clone(),
        department_id: checked.department.id,
        fiscal_year: item.fiscal_year,
        function_class: item.function_class.clone(),
        category: item.category.clone(),
        start_date: item.start_date,
        end_date: item.end_date,
        annual_goal: item.annual_goal.clone(),
        fund_sources: item.fund_sources.clone(),
        initial_budget: item.initial_budget.clone(),
        status: item.status,
        key_monitoring: item.key_monitoring,
        classified: false,
    };
    let fields = service::check_new(caller, &new)?;
    service::check_department_open(checked.department)?;
    Ok(fields)
}

/// One item on its own, in the caller's savepoint: the path of items naming an existing
/// project, and of every item of a chunk whose joint write was refused.
fn import_one(
    conn: &mut PgConnection,
    caller: &Caller,
    lookups: &mut Lookups,
    item: &ImportProject,
) -> Result<(ImportStatus, Uuid), AppError> {
    lookups.load(conn, &[item])?;
    let checked = check(caller, lookups, item)?;
    let Some(existing) =
        projects::find_by_code(conn, checked.region_id, item.fiscal_year, &item.code)?
    else {
        let fields = check_new(caller, &checked, item)?;
        let new = CheckedNew {
            department: checked.department,
            code: &item.code,
            fiscal_year: item.fiscal_year,
            fields: &fields,
            indicators: &checked.desired,
        };
        let created = service::create_many(conn, caller, &[new], "import")?;
        let id = created
            .first()
            .map(|p| p.id)
            .ok_or_else(crate::auth::scope::not_found)?;
        return Ok((ImportStatus::Created, id));
    };
    update_existing(conn, caller, &checked, item, existing)
}

fn update_existing(
    conn: &mut PgConnection,
    caller: &Caller,
    checked: &Checked<'_>,
    item: &ImportProject,
    existing: ProjectView,
) -> Result<(ImportStatus, Uuid), AppError> {
    if !caller.sees(&existing.place()) {
        // A project the caller cannot see blocks its code all the same; say no more than that.
        return Err(service::code_unavailable(&item.code, item.fiscal_year));
    }
    if existing.row.department_id != checked.department.id {
        return Err(AppError::invalid_field(
            "department_code",
            format!(
                "the project belongs to department {}; moving projects between departments is not supported",
                existing.department_code
            ),
        ));
    }
    let id = existing.row.id;
    let changes = ProjectChanges {
        name: Some(item.name.clone()),
        function_class: Some(item.function_class.clone()),
        category: Some(item.category.clone()),
        start_date: item.start_date,
        end_date: item.end_date,
        annual_goal: Some(item.annual_goal.clone()),
        fund_sources: Some(item.fund_sources.clone()),
        initial_budget: Some(item.initial_budget.clone()),
        status: Some(item.status),
        key_monitoring: Some(item.key_monitoring),
        classified: None,
    };
    let project_changed = service::apply_changes(&existing.row, &changes)
        != projects::ProjectFields::of(&existing.row);
    let current = indicators::for_project(conn, id)?;
    let mut by_key: BTreeMap<(String, String, String), indicators::IndicatorRow> = current
        .into_iter()
        .map(|r| (indicator_key(&IndicatorFields::of(&r)), r))
        .collect();
    let mut indicator_writes = 0;
    let audit_base = |action: &'static str, indicator_id: Uuid| {
        AuditEntry::by(caller, action, "indicator")
            .object(indicator_id, Some(&existing.row.region_path))
            .project(id)
            .department(Some(existing.row.department_id))
            .classified(existing.classified())
            .details(
                json!({"project_id": id, "project_code": existing.row.code, "source": "import"}),
            )
    };
    for fields in &checked.desired {
        match by_key.remove(&indicator_key(fields)) {
            Some(row) if IndicatorFields::of(&row) == *fields => {}
            Some(row) => {
                let updated = indicators::update(conn, row.id, None, fields)?
                    .ok_or_else(crate::http::etag::stale)?;
                audit::record(
                    conn,
                    audit_base("indicator.updated", row.id)
                        .change(Some(&Indicator::from(row)), Some(&Indicator::from(updated))),
                )?;
                indicator_writes += 1;
            }
            None => {
                let created = indicators::insert(conn, id, fields)?;
                audit::record(
                    conn,
                    audit_base("indicator.created", created.id)
                        .change(None::<&Indicator>, Some(&Indicator::from(created))),
                )?;
                indicator_writes += 1;
            }
        }
    }
    for (_, row) in by_key {
        indicators::delete(conn, row.id)?;
        audit::record(
            conn,
            audit_base("indicator.deleted", row.id)
                .change(Some(&Indicator::from(row)), None::<&Indicator>),
        )?;
        indicator_writes += 1;
    }
    if project_changed {
        service::update(conn, caller, id, None, &changes, "import")?;
    } else if indicator_writes > 0 {
        crate::reports::service::refresh_for_projects(conn, &[id])?;
    }
    if project_changed || indicator_writes > 0 {
        Ok((ImportStatus::Updated, id))
    } else {
        Ok((ImportStatus::Unchanged, id))
    }
}

/// One chunk in one transaction; an outcome per item, in order.
fn write_chunk(
    conn: &mut PgConnection,
    caller: &Caller,
    lookups: &mut Lookups,
    items: &[Result<ImportProject, FieldErrors>],
) -> Vec<Outcome> {
    let mut outcomes: Vec<Option<Outcome>> = items
        .iter()
        .map(|i| i.as_ref().err().map(|e| Err(ItemError::Refused(e.clone()))))
        .collect();
    let typed: Vec<(usize, &ImportProject)> = items
        .iter()
        .enumerate()
        .filter_map(|(slot, i)| i.as_ref().ok().map(|i| (slot, i)))
        .collect();
    let written = conn.transaction(|conn| {
        let list: Vec<&ImportProject> = typed.iter().map(|(_, i)| *i).collect();
        lookups.load(conn, &list)?;
        let keys: Vec<(Uuid, i16, &str)> = list
            .iter()
            .filter(|i| !i.code.contains('\0'))
            .filter_map(|i| {
                let region = lookups.region(&i.region_code).ok()??;
                Some((region.id, i.fiscal_year, i.code.as_str()))
            })
            .collect();
        let taken = projects::taken_codes(conn, &keys)?;
        let mut claimed: HashSet<CodeKey> = HashSet::new();
        let mut new = Vec::new();
        let mut one_by_one: Vec<(usize, &ImportProject)> = Vec::new();
        for &(slot, item) in &typed {
            let checked = match check(caller, lookups, item) {
                Ok(checked) => checked,
                Err(e) => {
                    outcomes[slot] = Some(Err(batch::classify(e, problems_of)));
                    continue;
                }
            };
            let key = (checked.region_id, item.fiscal_year, item.code.clone());
            if taken.contains(&key) || claimed.contains(&key) {
                // An update, or a code an earlier item of this chunk creates: after the
                // creations, in order.
                one_by_one.push((slot, item));
                continue;
            }
            match check_new(caller, &checked, item) {
                Ok(fields) => {
                    claimed.insert(key);
                    new.push((slot, item, checked, fields));
                }
                Err(e) => outcomes[slot] = Some(Err(batch::classify(e, problems_of))),
            }
        }
        let rows: Vec<CheckedNew<'_>> = new
            .iter()
            .map(|(_, item, checked, fields)| CheckedNew {
                department: checked.department,
                code: &item.code,
                fiscal_year: item.fiscal_year,
                fields,
                indicators: &checked.desired,
            })
            .collect();
        match conn.transaction(|conn| service::create_many(conn, caller, &rows, "import")) {
            Ok(created) => {
                for ((slot, ..), project) in new.iter().zip(created) {
                    outcomes[*slot] = Some(Ok((ImportStatus::Created, project.id)));
                }
            }
            Err(e) if batch::must_stop() => return Err(e),
            Err(e) => {
                tracing::info!(
                    cause = %e,
                    projects = rows.len(),
                    "the database refused a chunk's new projects together; writing them one by one"
                );
                one_by_one.extend(new.iter().map(|(slot, item, ..)| (*slot, *item)));
                one_by_one.sort_unstable_by_key(|(slot, _)| *slot);
            }
        }
        drop(rows);
        drop(new);
        for (slot, item) in one_by_one {
            match conn.transaction(|conn| import_one(conn, caller, lookups, item)) {
                Err(e) if batch::must_stop() => return Err(e),
                result => {
                    outcomes[slot] = Some(result.map_err(|e| batch::classify(e, problems_of)))
                }
            }
        }
        Ok::<_, AppError>(())
    });
    if let Err(e) = written {
        // Rolled back, or a COMMIT whose outcome is unknown: whatever the chunk wrote is not
        // known to be stored. Items refused for a reason of their own keep it.
        let reason = batch::not_processed(&e);
        for outcome in &mut outcomes {
            if !matches!(outcome, Some(Err(_))) {
                *outcome = Some(Err(ItemError::NotProcessed(reason.clone())));
            }
        }
    }
    outcomes
        .into_iter()
        .map(|o| o.unwrap_or_else(|| Err(ItemError::NotProcessed(batch::skipped()))))
        .collect()
}

pub(super) fn run_import(
    conn: &mut PgConnection,
    caller: &Caller,
    mut items: super::parse::RawItems,
) -> Result<ImportReport, AppError> {
    let mut summary = ImportSummary {
        received: items.len(),
        ..ImportSummary::default()
    };
    let mut lookups = Lookups::default();
    let mut all_results = Vec::with_capacity(items.len());
    loop {
        let chunk = items.next_chunk(CHUNK);
        if chunk.is_empty() {
            break;
        }
        let first = all_results.len();
        let (mut results, typed): (Vec<ImportItemResult>, Vec<_>) = chunk
            .into_iter()
            .enumerate()
            .map(|(i, raw)| super::parse::typed(first + i, raw))
            .unzip();
        let outcomes = if batch::must_stop() {
            typed
                .iter()
                .map(|_| Err(ItemError::NotProcessed(batch::skipped())))
                .collect()
        } else {
            write_chunk(conn, caller, &mut lookups, &typed)
        };
        for (result, outcome) in results.iter_mut().zip(outcomes) {
            tally(&mut summary, result, outcome);
        }
        all_results.extend(results);
    }
    if summary.not_processed == summary.received && summary.received > 0 && batch::must_stop() {
        // Nothing was handled: a plain 503 says so best, and the retry is the same request.
        return Err(AppError::database_unavailable());
    }
    Ok(ImportReport {
        summary,
        items: all_results,
    })
}

/// Puts an item's outcome on its result and counts it.
fn tally(summary: &mut ImportSummary, result: &mut ImportItemResult, outcome: Outcome) {
    match outcome {
        Ok((status, id)) => {
            result.status = status;
            result.project_id = Some(id);
            match status {
                ImportStatus::Created => summary.created += 1,
                ImportStatus::Updated => summary.updated += 1,
                ImportStatus::Unchanged => summary.unchanged += 1,
                ImportStatus::Rejected => summary.rejected += 1,
                ImportStatus::NotProcessed => summary.not_processed += 1,
            }
        }
        Err(ItemError::Refused(errors)) => {
            summary.rejected += 1;
            result.errors = Some(errors);
        }
        Err(ItemError::NotProcessed(errors)) => {
            summary.not_processed += 1;
            result.status = ImportStatus::NotProcessed;
            result.errors = Some(errors);
        }
    }
}
