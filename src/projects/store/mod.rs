use std::collections::HashMap;

use bigdecimal::BigDecimal;
use chrono::{DateTime, NaiveDate, Utc};
use diesel::pg::PgConnection;
use diesel::prelude::*;
use uuid::Uuid;

use crate::auth::{ListScope, Place};
use crate::domain::indicators::Level1;
use crate::domain::projects::FundSources;
use crate::error::AppError;
use crate::keyset;
use crate::pagination::{like_contains, like_prefix};
use crate::schema::{budget_ledger, departments, indicators, projects};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = projects)]
pub struct ProjectRow {
    pub id: Uuid,
    pub department_id: Uuid,
    pub region_id: Uuid,
    pub region_path: String,
    pub department_path: String,
    pub fiscal_year: i16,
    pub code: String,
    pub name: String,
    pub function_class: String,
    pub category: String,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    pub annual_goal: String,
    pub fund_central: BigDecimal,
    pub fund_provincial: BigDecimal,
    pub fund_municipal: BigDecimal,
    pub fund_county: BigDecimal,
    pub fund_self_raised: BigDecimal,
    pub fund_other: BigDecimal,
    pub initial_budget: BigDecimal,
    pub adjusted_budget: BigDecimal,
    pub status: String,
    pub key_monitoring: bool,
    pub classified: bool,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// The version of its indicator set, moved by approved target adjustments.
    pub indicator_set_version: i32,
    /// The result application (of last year's project of the same code) whose next-year
    /// measure this project's budget followed.
    pub follows_application_id: Option<Uuid>,
    pub follows_measure: Option<String>,
    /// Yuan by which the budget was to move (negative: reduced).
    pub follows_amount: Option<BigDecimal>,
}

impl ProjectRow {
    pub fn fund_sources(&self) -> FundSources {
        FundSources {
            central: self.fund_central.clone(),
            provincial: self.fund_provincial.clone(),
            municipal: self.fund_municipal.clone(),
            county: self.fund_county.clone(),
            self_raised: self.fund_self_raised.clone(),
            other: self.fund_other.clone(),
        }
    }
}

/// A project with what its department adds: its code and whether it is classified.
#[derive(Debug, Clone, Queryable)]
pub struct ProjectView {
    pub row: ProjectRow,
    pub department_code: String,
    pub department_classified: bool,
}

impl ProjectView {
    pub fn classified(&self) -> bool {
        self.row.classified || self.department_classified
    }

    pub fn place(&self) -> Place<'_> {
        Place {
            region_path: &self.row.region_path,
            department: Some((self.row.region_id, &self.row.department_path)),
            classified: self.classified(),
        }
    }
}

macro_rules! project_view_query {
    () => {
        projects::table.inner_join(departments::table).select((
            ProjectRow::as_select(),
            departments::code,
            departments::classified,
        ))
    };
}

// After the macro, which it uses.
mod bulk;
mod weights;

pub use bulk::{CodeKey, append_ledger_many, find_many_by_code, insert_many, taken_codes};

pub fn find(conn: &mut PgConnection, id: Uuid) -> Result<Option<ProjectView>, AppError> {
    project_view_query!()
        .filter(projects::id.eq(id))
        .first::<ProjectView>(conn)
        .optional()
        .map_err(AppError::from)
}

/// Indicators' level-1 categories and weights, what a project's readiness is decided from.
pub type Weights = Vec<(Level1, BigDecimal)>;

/// A project, its department's code and classification, and `weights::WeightsColumn`.
type WeightedRow = (ProjectRow, String, bool, Vec<String>);

fn weighted(
    (row, department_code, department_classified, entries): WeightedRow,
) -> (ProjectView, Weights) {
    let view = ProjectView {
        row,
        department_code,
        department_classified,
    };
    (view, weights::parse(&entries))
}

/// A project with its department and its indicators' level-1 categories and weights (what its
/// readiness needs), in one statement.
pub fn find_with_weights(
    conn: &mut PgConnection,
    id: Uuid,
) -> Result<Option<(ProjectView, Weights)>, AppError> {
    let row: Option<WeightedRow> = projects::table
        .inner_join(departments::table)
        .filter(projects::id.eq(id))
        .select((
            ProjectRow::as_select(),
            departments::code,
            departments::classified,
            weights::WeightsColumn,
        ))
        .first(conn)
        .optional()?;
    Ok(row.map(weighted))
}

/// Whether the project is secret-related now, itself or through its department (the
/// `hidden_projects` view of `auth::scope`); false for a project that does not exist.
pub fn secret_related(conn: &mut PgConnection, project_id: Uuid) -> Result<bool, AppError> {
    diesel::select(crate::auth::scope::project_is_hidden(project_id))
        .get_result(conn)
        .map_err(AppError::from)
}

/// Many projects with their departments, for deciding which of them a caller may see.
pub fn find_many(conn: &mut PgConnection, ids: &[Uuid]) -> Result<Vec<ProjectView>, AppError> {
    project_view_query!()
        .filter(projects::id.eq_any(ids))
        .load::<ProjectView>(conn)
        .map_err(AppError::from)
}

/// Locks the project row for the rest of the transaction (concurrent edits queue up), then
/// reads it with its department. Only the project row is locked, not the department's.
pub fn find_for_update(conn: &mut PgConnection, id: Uuid) -> Result<Option<ProjectView>, AppError> {
    let locked: Option<Uuid> = projects::table
        .filter(projects::id.eq(id))
        .select(projects::id)
        .for_update()
        .first(conn)
        .optional()?;
    match locked {
        Some(id) => find(conn, id),
        None => Ok(None),
    }
}

/// A project by its natural key, without locking (for lookups).
pub fn project_by_code(
    conn: &mut PgConnection,
    region_id: Uuid,
    fiscal_year: i16,
    code: &str,
) -> Result<Option<ProjectView>, AppError> {
    project_view_query!()
        .filter(projects::region_id.eq(region_id))
        .filter(projects::fiscal_year.eq(fiscal_year))
        .filter(projects::code.eq(code))
        .first::<ProjectView>(conn)
        .optional()
        .map_err(AppError::from)
}

pub fn find_by_code(
    conn: &mut PgConnection,
    region_id: Uuid,
    fiscal_year: i16,
    code: &str,
) -> Result<Option<ProjectView>, AppError> {
    let locked: Option<Uuid> = projects::table
        .filter(projects::region_id.eq(region_id))
        .filter(projects::fiscal_year.eq(fiscal_year))
        .filter(projects::code.eq(code))
        .select(projects::id)
        .for_update()
        .first(conn)
        .optional()?;
    match locked {
        Some(id) => find(conn, id),
        None => Ok(None),
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Insertable, AsChangeset)]
#[diesel(table_name = projects, treat_none_as_null = true)]
pub struct ProjectFields {
    pub name: String,
    pub function_class: String,
    pub category: String,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    pub annual_goal: String,
    pub fund_central: BigDecimal,
    pub fund_provincial: BigDecimal,
    pub fund_municipal: BigDecimal,
    pub fund_county: BigDecimal,
    pub fund_self_raised: BigDecimal,
    pub fund_other: BigDecimal,
    pub initial_budget: BigDecimal,
    pub status: String,
    pub key_monitoring: bool,
    pub classified: bool,
}

impl ProjectFields {
    pub fn of(row: &ProjectRow) -> ProjectFields {
        ProjectFields {
            name: row.name.clone(),
            function_class: row.function_class.clone(),
            category: row.category.clone(),
            start_date: row.start_date,
            end_date: row.end_date,
            annual_goal: row.annual_goal.clone(),
            fund_central: row.fund_central.clone(),
            fund_provincial: row.fund_provincial.clone(),
            fund_municipal: row.fund_municipal.clone(),
            fund_county: row.fund_county.clone(),
            fund_self_raised: row.fund_self_raised.clone(),
            fund_other: row.fund_other.clone(),
            initial_budget: row.initial_budget.clone(),
            status: row.status.clone(),
            key_monitoring: row.key_monitoring,
            classified: row.classified,
        }
    }

    pub fn set_fund_sources(&mut self, f: FundSources) {
        self.fund_central = f.central;
        self.fund_provincial = f.provincial;
        self.fund_municipal = f.municipal;
        self.fund_county = f.county;
        self.fund_self_raised = f.self_raised;
        self.fund_other = f.other;
    }

    pub fn fund_sources(&self) -> FundSources {
        FundSources {
            central: self.fund_central.clone(),
            provincial: self.fund_provincial.clone(),
            municipal: self.fund_municipal.clone(),
            county: self.fund_county.clone(),
            self_raised: self.fund_self_raised.clone(),
            other: self.fund_other.clone(),
        }
    }
}

pub struct ProjectKey<'a> {
    pub department_id: Uuid,
    pub region_id: Uuid,
    pub region_path: &'a str,
    pub department_path: &'a str,
    pub fiscal_year: i16,
    pub code: &'a str,
}

pub fn insert(
    conn: &mut PgConnection,
    key: ProjectKey<'_>,
    fields: &ProjectFields,
) -> Result<Uuid, AppError> {
    let id = Uuid::now_v7();
    diesel::insert_into(projects::table)
        .values((
            projects::id.eq(id),
            projects::department_id.eq(key.department_id),
            projects::region_id.eq(key.region_id),
            projects::region_path.eq(key.region_path),
            projects::department_path.eq(key.department_path),
            projects::fiscal_year.eq(key.fiscal_year),
            projects::code.eq(key.code),
            fields,
        ))
        .execute(conn)?;
    Ok(id)
}

/// Writes the fields if the project is still at `expected_version`; false when it moved on.
pub fn update(
    conn: &mut PgConnection,
    id: Uuid,
    expected_version: i32,
    fields: &ProjectFields,
) -> Result<bool, AppError> {
    let n = diesel::update(
        projects::table
            .filter(projects::id.eq(id))
            .filter(projects::version.eq(expected_version)),
    )
    .set((
        fields,
        projects::version.eq(projects::version + 1),
        projects::updated_at.eq(Utc::now()),
    ))
    .execute(conn)?;
    Ok(n == 1)
}

/// Sets the status as a fund adjustment decides (the adjustment carries the audit event).
pub fn set_status(conn: &mut PgConnection, id: Uuid, status: &str) -> Result<(), AppError> {
    diesel::update(projects::table.find(id))
        .set((
            projects::status.eq(status),
            projects::version.eq(projects::version + 1),
            projects::updated_at.eq(Utc::now()),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn delete(conn: &mut PgConnection, id: Uuid) -> Result<(), AppError> {
    diesel::delete(projects::table.find(id)).execute(conn)?;
    Ok(())
}

pub struct LedgerEntryNew<'a> {
    pub project_id: Uuid,
    pub kind: &'static str,
    pub amount: &'a BigDecimal,
    pub reason: &'a str,
    pub reference: &'a str,
    /// The fund adjustment that booked the entry, and the other project of a reallocation.
    pub adjustment_id: Option<Uuid>,
    pub counterpart_project_id: Option<Uuid>,
    pub actor_id: Option<Uuid>,
    pub actor_name: Option<&'a str>,
}

/// Appends to the ledger; the database trigger moves the project's adjusted budget with it.
pub fn append_ledger(conn: &mut PgConnection, e: LedgerEntryNew<'_>) -> Result<(), AppError> {
    diesel::insert_into(budget_ledger::table)
        .values((
            budget_ledger::id.eq(Uuid::now_v7()),
            budget_ledger::project_id.eq(e.project_id),
            budget_ledger::kind.eq(e.kind),
            budget_ledger::amount.eq(e.amount),
            budget_ledger::reason.eq(e.reason),
            budget_ledger::reference.eq(e.reference),
            budget_ledger::adjustment_id.eq(e.adjustment_id),
            budget_ledger::counterpart_project_id.eq(e.counterpart_project_id),
            budget_ledger::actor_id.eq(e.actor_id),
            budget_ledger::actor_name.eq(e.actor_name),
        ))
        .execute(conn)?;
    Ok(())
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = budget_ledger)]
pub struct LedgerRow {
    pub id: Uuid,
    pub kind: String,
    pub amount: BigDecimal,
    pub reason: String,
    pub reference: String,
    pub adjustment_id: Option<Uuid>,
    pub counterpart_project_id: Option<Uuid>,
    pub actor_id: Option<Uuid>,
    pub actor_name: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// Ledger rows oldest first (ids are time-ordered UUIDv7).
pub fn ledger(
    conn: &mut PgConnection,
    project_id: Uuid,
    after: Option<Uuid>,
    limit: i64,
) -> Result<Vec<LedgerRow>, AppError> {
    let mut q = budget_ledger::table
        .filter(budget_ledger::project_id.eq(project_id))
        .select(LedgerRow::as_select())
        .into_boxed();
    if let Some(after) = after {
        q = q.filter(budget_ledger::id.gt(after));
    }
    q.order(budget_ledger::id.asc())
        .limit(limit + 1)
        .load(conn)
        .map_err(AppError::from)
}

/// Level 1 and weight of every indicator of these projects, for readiness.
pub fn indicator_weights(
    conn: &mut PgConnection,
    project_ids: &[Uuid],
) -> Result<HashMap<Uuid, Vec<(Level1, BigDecimal)>>, AppError> {
    let rows: Vec<(Uuid, String, BigDecimal)> = indicators::table
        .filter(indicators::project_id.eq_any(project_ids))
        .filter(indicators::retired_in_version.is_null())
        .select((
            indicators::project_id,
            indicators::level1,
            indicators::weight,
        ))
        .load(conn)?;
    let mut map: HashMap<Uuid, Vec<(Level1, BigDecimal)>> = HashMap::new();
    for (project, level1, weight) in rows {
        if let Some(level1) = Level1::parse(&level1) {
            map.entry(project).or_default().push((level1, weight));
        }
    }
    Ok(map)
}

/// Active, non-classified projects of the year in the subtree, whatever their readiness.
pub fn eligible_for_round(
    conn: &mut PgConnection,
    region_path: &str,
    fiscal_year: i16,
) -> Result<Vec<ProjectView>, AppError> {
    project_view_query!()
        .filter(projects::region_path.like(like_prefix(region_path)))
        .filter(projects::fiscal_year.eq(fiscal_year))
        .filter(projects::status.eq("active"))
        .filter(projects::classified.eq(false))
        .filter(departments::classified.eq(false))
        .order(projects::code.asc())
        .load::<ProjectView>(conn)
        .map_err(AppError::from)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProjectSort {
    Code,
    Name,
    Budget,
}

#[derive(Debug, Default)]
pub struct ProjectFilter {
    pub fiscal_year: Option<i16>,
    pub region_path: Option<String>,
    pub department_id: Option<Uuid>,
    pub status: Option<&'static str>,
    pub key_monitoring: Option<bool>,
    pub function_class: Option<String>,
    pub q: Option<String>,
}

pub enum ProjectAfter {
    Text(String, Uuid),
    Money(BigDecimal, Uuid),
}

/// A page of projects in the sort's order after `after`, each with its weights
/// (`find_with_weights`), in one statement.
pub fn list(
    conn: &mut PgConnection,
    scope: &ListScope,
    filter: &ProjectFilter,
    sort: ProjectSort,
    descending: bool,
    after: Option<ProjectAfter>,
    limit: i64,
) -> Result<Vec<(ProjectView, Weights)>, AppError> {
    let mut q = projects::table
        .inner_join(departments::table)
        .select((
            ProjectRow::as_select(),
            departments::code,
            departments::classified,
            weights::WeightsColumn,
        ))
        .into_boxed();
    q = match scope {
        ListScope::All => q,
        // Classified projects, and projects of classified departments, never reach region scopes.
        ListScope::RegionSubtree(path) => q
            .filter(projects::region_path.like(like_prefix(path)))
            .filter(projects::classified.eq(false))
            .filter(departments::classified.eq(false)),
        ListScope::Department {
            region_id, path, ..
        } => q
            .filter(projects::region_id.eq(*region_id))
            .filter(projects::department_path.like(like_prefix(path))),
    };
    if let Some(year) = filter.fiscal_year {
        q = q.filter(projects::fiscal_year.eq(year));
    }
    if let Some(path) = &filter.region_path {
        q = q.filter(projects::region_path.like(like_prefix(path)));
    }
    if let Some(dept) = filter.department_id {
        q = q.filter(projects::department_id.eq(dept));
    }
    if let Some(status) = filter.status {
        q = q.filter(projects::status.eq(status));
    }
    if let Some(flag) = filter.key_monitoring {
        q = q.filter(projects::key_monitoring.eq(flag));
    }
    if let Some(class) = &filter.function_class {
        q = q.filter(projects::function_class.like(like_prefix(class)));
    }
    if let Some(text) = &filter.q {
        q = q.filter(
            projects::code
                .ilike(like_prefix(text))
                .or(projects::name.ilike(like_contains(text))),
        );
    }
    let text_after = match &after {
        Some(ProjectAfter::Text(k, id)) => Some((k.clone(), *id)),
        _ => None,
    };
    let q = match (sort, after) {
        (ProjectSort::Budget, after) => {
            let after = match after {
                Some(ProjectAfter::Money(k, id)) => Some((k, id)),
                _ => None,
            };
            keyset!(
                q,
                projects::adjusted_budget,
                projects::id,
                descending,
                after
            )
        }
        (ProjectSort::Code, _) => keyset!(q, projects::code, projects::id, descending, text_after),
        (ProjectSort::Name, _) => keyset!(q, projects::name, projects::id, descending, text_after),
    };
    let rows: Vec<WeightedRow> = q.limit(limit + 1).load(conn)?;
    Ok(rows.into_iter().map(weighted).collect())
}
