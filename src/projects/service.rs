//! The write paths of projects, shared by the single-project endpoints and the batch import:
//! validation, scope, the budget ledger and the audit event, all in the caller's transaction.

use std::collections::HashMap;

use bigdecimal::BigDecimal;
use diesel::pg::PgConnection;
use uuid::Uuid;

use crate::audit::{self, AuditEntry};
use crate::auth::scope::not_found;
use crate::auth::{Action, Caller};
use crate::departments::store::{self as departments, DepartmentRow};
use crate::domain::indicators::{Level1, readiness};
use crate::domain::projects::{
    FundSources, check_budget_and_dates, is_function_class, is_project_code,
};
use crate::error::{AppError, FieldErrors};
use crate::http::etag::stale;
use crate::indicators::dto::Indicator;
use crate::indicators::store::{self as indicators, IndicatorFields};
use crate::projects::dto::{NewProject, Project, ProjectChanges};
use crate::projects::store::{self, LedgerEntryNew, ProjectFields, ProjectKey, ProjectView};

fn push(errors: &mut FieldErrors, field: impl Into<String>, message: impl Into<String>) {
    errors.entry(field.into()).or_default().push(message.into());
}

fn check_name(errors: &mut FieldErrors, name: &str) {
    let n = name.trim().chars().count();
    if n == 0 || n > 200 {
        push(errors, "name", "must be 1 to 200 characters");
    }
}

fn check_function_class(errors: &mut FieldErrors, class: &str) {
    if !is_function_class(class) {
        push(
            errors,
            "function_class",
            "must be a function class code of 3, 5 or 7 digits (class, section or item)",
        );
    }
}

fn check_fields(errors: &mut FieldErrors, fields: &ProjectFields) {
    check_name(errors, &fields.name);
    check_function_class(errors, &fields.function_class);
    for (field, msg) in check_budget_and_dates(
        &fields.fund_sources(),
        &fields.initial_budget,
        fields.start_date,
        fields.end_date,
    ) {
        push(errors, field, msg);
    }
}

fn into_result(errors: FieldErrors) -> Result<(), AppError> {
    if errors.is_empty() {
        Ok(())
    } else {
        Err(AppError::validation(
            "The project has invalid fields.",
            errors,
        ))
    }
}

/// Which of these projects the caller may see, decided by `Caller::sees` on their current flags
/// (for redacting references to other projects: a reallocation's counterpart, a ledger entry's
/// source).
pub fn visible_ids(
    conn: &mut PgConnection,
    caller: &Caller,
    ids: &[Uuid],
) -> Result<std::collections::HashSet<Uuid>, AppError> {
    if ids.is_empty() {
        return Ok(Default::default());
    }
    Ok(store::find_many(conn, ids)?
        .into_iter()
        .filter(|view| caller.sees(&view.place()))
        .map(|view| view.row.id)
        .collect())
}

/// A project code the region already uses in that year, by a project the caller may or may not
/// see: the answer names no holder.
pub fn code_unavailable(code: &str, fiscal_year: i16) -> AppError {
    AppError::Conflict(format!(
        "The project code {code} is not available in this region for {fiscal_year}; choose another."
    ))
}

/// The project as the API shows it, with its readiness.
pub fn project_dto(conn: &mut PgConnection, view: ProjectView) -> Result<Project, AppError> {
    let weights = store::indicator_weights(conn, &[view.row.id])?;
    let list = weights.get(&view.row.id).map(Vec::as_slice).unwrap_or(&[]);
    let ready = readiness(list.iter().map(|(l, w)| (*l, w)));
    Ok(Project::from_view(view, ready))
}

/// A project read with its weights (`store::find_with_weights`).
pub fn project_dto_with(view: ProjectView, weights: &[(Level1, BigDecimal)]) -> Project {
    let ready = readiness(weights.iter().map(|(l, w)| (*l, w)));
    Project::from_view(view, ready)
}

/// Many projects at once with one indicator query (no query per row).
pub fn project_dtos(
    conn: &mut PgConnection,
    views: Vec<ProjectView>,
) -> Result<Vec<Project>, AppError> {
    let ids: Vec<Uuid> = views.iter().map(|v| v.row.id).collect();
    let weights = store::indicator_weights(conn, &ids)?;
    Ok(views
        .into_iter()
        .map(|view| {
            let list = weights.get(&view.row.id).map(Vec::as_slice).unwrap_or(&[]);
            let ready = readiness(list.iter().map(|(l, w)| (*l, w)));
            Project::from_view(view, ready)
        })
        .collect())
}

fn fields_of_new(new: &NewProject) -> ProjectFields {
    let mut fields = ProjectFields {
        name: new.name.trim().to_owned(),
        function_class: new.function_class.trim().to_owned(),
        category: new.category.trim().to_owned(),
        start_date: new.start_date,
        end_date: new.end_date,
        annual_goal: new.annual_goal.trim().to_owned(),
        fund_central: BigDecimal::from(0),
        fund_provincial: BigDecimal::from(0),
        fund_municipal: BigDecimal::from(0),
        fund_county: BigDecimal::from(0),
        fund_self_raised: BigDecimal::from(0),
        fund_other: BigDecimal::from(0),
        initial_budget: new.initial_budget.clone(),
        status: new.status.as_str().to_owned(),
        key_monitoring: new.key_monitoring,
        classified: new.classified,
    };
    fields.set_fund_sources(FundSources::from(new.fund_sources.clone()));
    fields
}

/// The checks of a new project's own fields, made before anything is looked up: the caller's
/// rights, the code, the year and the fields. Returns the columns to write.
pub fn check_new(caller: &Caller, new: &NewProject) -> Result<ProjectFields, AppError> {
    caller.require(Action::ManageProjects)?;
    if new.classified {
        caller.require(Action::ClassifyProjects)?;
    }
    let fields = fields_of_new(new);
    let mut errors = FieldErrors::new();
    if !is_project_code(&new.code) {
        push(
            &mut errors,
            "code",
            "must be 1 to 64 letters, digits, _ . or -, starting with a letter or digit",
        );
    }
    if !crate::validation::FISCAL_YEARS.contains(&new.fiscal_year) {
        push(&mut errors, "fiscal_year", "must be from 2000 to 2100");
    }
    check_fields(&mut errors, &fields);
    into_result(errors)?;
    Ok(fields)
}

/// Whether new projects may be created in this department (the caller may see it).
pub fn check_department_open(department: &DepartmentRow) -> Result<(), AppError> {
    if department.active {
        Ok(())
    } else {
        Err(AppError::invalid_field(
            "department_id",
            "the department is inactive",
        ))
    }
}

/// A new project that passed `check_new` and `check_department_open`, with a code found free.
pub struct CheckedNew<'a> {
    pub department: &'a DepartmentRow,
    pub code: &'a str,
    pub fiscal_year: i16,
    pub fields: &'a ProjectFields,
    pub indicators: &'a [IndicatorFields],
}

/// Creates a project with its initial ledger entry and the given indicators.
pub fn create(
    conn: &mut PgConnection,
    caller: &Caller,
    new: &NewProject,
    new_indicators: &[IndicatorFields],
    reference: &str,
) -> Result<Project, AppError> {
    let fields = check_new(caller, new)?;
    let department = departments::find(conn, new.department_id)?
        .filter(|d| caller.sees(&d.place()))
        .ok_or_else(|| {
            AppError::invalid_field("department_id", "no department in your scope has this id")
        })?;
    check_department_open(&department)?;
    if store::find_by_code(conn, department.region_id, new.fiscal_year, &new.code)?.is_some() {
        // The same words whoever holds the code, so a hidden project is not revealed.
        return Err(code_unavailable(&new.code, new.fiscal_year));
    }
    let checked = CheckedNew {
        department: &department,
        code: &new.code,
        fiscal_year: new.fiscal_year,
        fields: &fields,
        indicators: new_indicators,
    };
    let mut created = create_many(conn, caller, &[checked], reference)?;
    created.pop().ok_or_else(not_found)
}

/// Writes checked new projects in the caller's transaction with the same few statements
/// however many there are: the projects, their initial ledger entries, their indicators, two
/// reads for what the API shows, and the audit events (per project: one per indicator, then
/// the project's). The single-project endpoint and the import both write through here, so
/// their rows and events are the same. Returns the projects as the API shows them, in order.
pub fn create_many(
    conn: &mut PgConnection,
    caller: &Caller,
    new: &[CheckedNew<'_>],
    reference: &str,
) -> Result<Vec<Project>, AppError> {
    if new.is_empty() {
        return Ok(Vec::new());
    }
    let rows: Vec<(ProjectKey<'_>, &ProjectFields)> = new
        .iter()
        .map(|n| {
            (
                ProjectKey {
                    department_id: n.department.id,
                    region_id: n.department.region_id,
                    region_path: &n.department.region_path,
                    department_path: &n.department.path,
                    fiscal_year: n.fiscal_year,
                    code: n.code,
                },
                n.fields,
            )
        })
        .collect();
    let ids = store::insert_many(conn, &rows)?;
    let entries: Vec<LedgerEntryNew<'_>> = new
        .iter()
        .zip(&ids)
        .map(|(n, id)| LedgerEntryNew {
            project_id: *id,
            kind: "initial",
            amount: &n.fields.initial_budget,
            reason: "budget at the start of the year",
            reference,
            adjustment_id: None,
            counterpart_project_id: None,
            actor_id: Some(caller.user_id),
            actor_name: Some(&caller.username),
        })
        .collect();
    store::append_ledger_many(conn, &entries)?;
    let sets: Vec<(Uuid, &[IndicatorFields])> = ids
        .iter()
        .zip(new)
        .map(|(id, n)| (*id, n.indicators))
        .collect();
    let mut indicators_of: HashMap<Uuid, Vec<indicators::IndicatorRow>> = HashMap::new();
    for row in indicators::insert_for_projects(conn, &sets)? {
        indicators_of.entry(row.project_id).or_default().push(row);
    }
    // Read back after the ledger's trigger has set the adjusted budgets.
    let mut views: HashMap<Uuid, ProjectView> = store::find_many(conn, &ids)?
        .into_iter()
        .map(|v| (v.row.id, v))
        .collect();
    let views: Vec<ProjectView> = ids
        .iter()
        .map(|id| views.remove(id).ok_or_else(not_found))
        .collect::<Result<_, _>>()?;
    let dtos = project_dtos(conn, views.clone())?;
    let mut events = Vec::with_capacity(sets.iter().map(|(_, f)| f.len() + 1).sum());
    for (view, dto) in views.iter().zip(&dtos) {
        let id = view.row.id;
        for row in indicators_of.remove(&id).unwrap_or_default() {
            events.push(
                AuditEntry::by(caller, "indicator.created", "indicator")
                    .object(row.id, Some(&view.row.region_path))
                    .project(id)
                    .department(Some(view.row.department_id))
                    .classified(view.classified())
                    .details(serde_json::json!({"project_id": id, "project_code": view.row.code}))
                    .change(None::<&Indicator>, Some(&Indicator::from(row))),
            );
        }
        events.push(
            AuditEntry::by(caller, "project.created", "project")
                .object(id, Some(&view.row.region_path))
                .project(id)
                .department(Some(view.row.department_id))
                .classified(view.classified())
                .change(None::<&Project>, Some(dto)),
        );
    }
    audit::record_many(conn, events)?;
    Ok(dtos)
}

/// The project's fields with `changes` applied (what `update` would write).
pub fn apply_changes(
    row: &crate::projects::store::ProjectRow,
    changes: &ProjectChanges,
) -> ProjectFields {
    let mut fields = ProjectFields::of(row);
    if let Some(v) = &changes.name {
        fields.name = v.trim().to_owned();
    }
    if let Some(v) = &changes.function_class {
        fields.function_class = v.trim().to_owned();
    }
    if let Some(v) = &changes.category {
        fields.category = v.trim().to_owned();
    }
    if let Some(v) = changes.start_date {
        fields.start_date = Some(v);
    }
    if let Some(v) = changes.end_date {
        fields.end_date = Some(v);
    }
    if let Some(v) = &changes.annual_goal {
        fields.annual_goal = v.trim().to_owned();
    }
    if let Some(v) = &changes.fund_sources {
        fields.set_fund_sources(FundSources::from(v.clone()));
    }
    if let Some(v) = &changes.initial_budget {
        fields.initial_budget = v.clone();
    }
    if let Some(v) = changes.status {
        fields.status = v.as_str().to_owned();
    }
    if let Some(v) = changes.key_monitoring {
        fields.key_monitoring = v;
    }
    if let Some(v) = changes.classified {
        fields.classified = v;
    }
    fields
}

/// Who may change which fields: 403 naming them when the caller's role may not.
fn check_field_rights(caller: &Caller, changes: &ProjectChanges) -> Result<(), AppError> {
    caller.require(Action::EditProjects)?;
    let managed = changes.managed_fields();
    if !managed.is_empty() && caller.require(Action::ManageProjects).is_err() {
        return Err(AppError::Forbidden(format!(
            "The {} role may not change {}.",
            caller.role.as_str(),
            managed.join(", ")
        )));
    }
    if changes.classified.is_some() {
        caller.require(Action::ClassifyProjects)?;
    }
    Ok(())
}

/// Applies changes to a project still at `expected_version` (None: whatever is current, for
/// imports), booking a changed initial budget in the ledger. Returns the project before and after.
pub fn update(
    conn: &mut PgConnection,
    caller: &Caller,
    id: Uuid,
    expected_version: Option<i32>,
    changes: &ProjectChanges,
    reference: &str,
) -> Result<(Project, Project), AppError> {
    check_field_rights(caller, changes)?;
    let current = store::find_for_update(conn, id)?.ok_or_else(not_found)?;
    caller.authorize(Action::EditProjects, &current.place())?;
    // Invalid changes are reported as such before a stale version: the client has to fix them
    // whatever version it re-reads.
    let fields = apply_changes(&current.row, changes);
    let mut errors = FieldErrors::new();
    check_fields(&mut errors, &fields);
    into_result(errors)?;
    if expected_version.is_some_and(|v| v != current.row.version) {
        return Err(stale());
    }
    let before = project_dto(conn, current.clone())?;

    let correction = &fields.initial_budget - &current.row.initial_budget;
    if !store::update(conn, id, current.row.version, &fields)? {
        return Err(stale());
    }
    if correction != 0 {
        store::append_ledger(
            conn,
            LedgerEntryNew {
                project_id: id,
                kind: "correction",
                amount: &correction,
                reason: "initial budget corrected",
                reference,
                adjustment_id: None,
                counterpart_project_id: None,
                actor_id: Some(caller.user_id),
                actor_name: Some(&caller.username),
            },
        )?;
    }
    let view = store::find(conn, id)?.ok_or_else(not_found)?;
    let after = project_dto(conn, view.clone())?;
    audit::record(
        conn,
        AuditEntry::by(caller, "project.updated", "project")
            .object(id, Some(&view.row.region_path))
            .project(id)
            .department(Some(view.row.department_id))
            .classified(view.classified() || current.classified())
            .change(Some(&before), Some(&after)),
    )?;
    crate::reports::service::refresh_for_projects(conn, &[id])?;
    Ok((before, after))
}

/// Deletes a project nothing outside it refers to (its ledger and indicators go with it).
pub fn delete(conn: &mut PgConnection, caller: &Caller, id: Uuid) -> Result<(), AppError> {
    caller.require(Action::ManageProjects)?;
    let current = store::find_for_update(conn, id)?.ok_or_else(not_found)?;
    caller.authorize(Action::ManageProjects, &current.place())?;
    let before = project_dto(conn, current.clone())?;
    store::delete(conn, id).map_err(|e| match e {
        AppError::Conflict(_) => AppError::Conflict(format!(
            "Project {} is referred to by monitoring records and cannot be deleted.",
            current.row.code
        )),
        other => other,
    })?;
    audit::record(
        conn,
        AuditEntry::by(caller, "project.deleted", "project")
            .object(id, Some(&current.row.region_path))
            .project(id)
            .department(Some(current.row.department_id))
            .classified(current.classified())
            .change(Some(&before), None::<&Project>),
    )
}
