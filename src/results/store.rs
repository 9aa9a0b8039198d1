//! SQL of results application.

use bigdecimal::BigDecimal;
use chrono::{DateTime, Utc};
use diesel::pg::PgConnection;
use diesel::prelude::*;
use uuid::Uuid;

use crate::auth::ListScope;
use crate::error::AppError;
use crate::keymon::store::{ProjectRecord, place_of};
use crate::keyset;
use crate::pagination::like_prefix;
use crate::schema::{projects, report_evaluations, reports, result_applications};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = result_applications)]
pub struct ApplicationRow {
    pub id: Uuid,
    pub project_id: Uuid,
    pub round_id: Uuid,
    pub report_id: Option<Uuid>,
    pub region_id: Uuid,
    pub region_path: String,
    pub department_path: String,
    pub fiscal_year: i16,
    pub project_code: String,
    pub measures: Vec<String>,
    pub text: String,
    pub next_year_budget_change: Option<BigDecimal>,
    pub adjustment_id: Option<Uuid>,
    pub suggested_measures: Vec<String>,
    pub suggested_change_percent: Option<BigDecimal>,
    pub suggested_change: Option<BigDecimal>,
    pub suggestion_rule: String,
    pub grade: Option<String>,
    pub overall_light: Option<String>,
    pub created_by: Uuid,
    pub created_by_name: String,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}
place_of!(ApplicationRow);

/// The decision's own columns, written on creation and on change.
#[derive(Debug, Clone, AsChangeset)]
#[diesel(table_name = result_applications, treat_none_as_null = true)]
pub struct Decision {
    pub measures: Vec<String>,
    pub text: String,
    pub next_year_budget_change: Option<BigDecimal>,
    pub adjustment_id: Option<Uuid>,
}

/// What the rules suggested, and what they looked at, kept with the decision.
pub struct Suggested<'a> {
    pub measures: Vec<String>,
    pub change_percent: Option<BigDecimal>,
    pub change: Option<BigDecimal>,
    pub rule: &'a str,
    pub grade: Option<&'a str>,
    pub overall_light: Option<&'a str>,
}

pub struct NewApplication<'a> {
    pub project: &'a crate::projects::store::ProjectRow,
    pub round_id: Uuid,
    pub report_id: Uuid,
    pub decision: &'a Decision,
    pub suggested: Suggested<'a>,
    pub by: (Uuid, &'a str),
}

/// Inserts the decision; `None` when the project already has one for the round.
pub fn insert(
    conn: &mut PgConnection,
    n: NewApplication<'_>,
) -> Result<Option<ApplicationRow>, AppError> {
    diesel::insert_into(result_applications::table)
        .values((
            (
                result_applications::id.eq(Uuid::now_v7()),
                result_applications::project_id.eq(n.project.id),
                result_applications::round_id.eq(n.round_id),
                result_applications::report_id.eq(n.report_id),
                result_applications::region_id.eq(n.project.region_id),
                result_applications::region_path.eq(&n.project.region_path),
                result_applications::department_path.eq(&n.project.department_path),
                result_applications::fiscal_year.eq(n.project.fiscal_year),
                result_applications::project_code.eq(&n.project.code),
            ),
            (
                result_applications::measures.eq(&n.decision.measures),
                result_applications::text.eq(n.decision.text.trim()),
                result_applications::next_year_budget_change
                    .eq(&n.decision.next_year_budget_change),
                result_applications::adjustment_id.eq(n.decision.adjustment_id),
                result_applications::suggested_measures.eq(&n.suggested.measures),
                result_applications::suggested_change_percent.eq(&n.suggested.change_percent),
                result_applications::suggested_change.eq(&n.suggested.change),
                result_applications::suggestion_rule.eq(n.suggested.rule),
                result_applications::grade.eq(n.suggested.grade),
                result_applications::overall_light.eq(n.suggested.overall_light),
                result_applications::created_by.eq(n.by.0),
                result_applications::created_by_name.eq(n.by.1),
            ),
        ))
        .on_conflict_do_nothing()
        .returning(ApplicationRow::as_returning())
        .get_result(conn)
        .optional()
        .map_err(AppError::from)
}

pub fn find(conn: &mut PgConnection, id: Uuid) -> Result<Option<ApplicationRow>, AppError> {
    result_applications::table
        .find(id)
        .select(ApplicationRow::as_select())
        .first(conn)
        .optional()
        .map_err(AppError::from)
}

pub fn lock(conn: &mut PgConnection, id: Uuid) -> Result<Option<ApplicationRow>, AppError> {
    result_applications::table
        .find(id)
        .select(ApplicationRow::as_select())
        .for_update()
        .first(conn)
        .optional()
        .map_err(AppError::from)
}

/// Replaces the decision if the application is still at `expected_version`.
pub fn update(
    conn: &mut PgConnection,
    id: Uuid,
    expected_version: i32,
    decision: &Decision,
) -> Result<Option<ApplicationRow>, AppError> {
    diesel::update(
        result_applications::table
            .filter(result_applications::id.eq(id))
            .filter(result_applications::version.eq(expected_version)),
    )
    .set((
        decision,
        result_applications::version.eq(result_applications::version + 1),
        result_applications::updated_at.eq(Utc::now()),
    ))
    .returning(ApplicationRow::as_returning())
    .get_result(conn)
    .optional()
    .map_err(AppError::from)
}

/// Points next year's projects of the same region and code at this application's next-year
/// measure, or clears them when it has none any more; their ETags move. Returns how many.
pub fn link_next_year(conn: &mut PgConnection, row: &ApplicationRow) -> Result<usize, AppError> {
    let next_year = projects::table
        .filter(projects::region_id.eq(row.region_id))
        .filter(projects::code.eq(&row.project_code))
        .filter(projects::fiscal_year.eq(row.fiscal_year + 1));
    let now = Utc::now();
    let n = match &row.next_year_budget_change {
        Some(change) => {
            let measure = if change.sign() == bigdecimal::num_bigint::Sign::Minus {
                "reduce_next_year_budget"
            } else {
                "raise_next_year_budget"
            };
            diesel::update(next_year)
                .set((
                    projects::follows_application_id.eq(row.id),
                    projects::follows_measure.eq(measure),
                    projects::follows_amount.eq(change),
                    projects::version.eq(projects::version + 1),
                    projects::updated_at.eq(now),
                ))
                .execute(conn)?
        }
        None => diesel::update(next_year.filter(projects::follows_application_id.eq(row.id)))
            .set((
                projects::follows_application_id.eq(None::<Uuid>),
                projects::follows_measure.eq(None::<String>),
                projects::follows_amount.eq(None::<BigDecimal>),
                projects::version.eq(projects::version + 1),
                projects::updated_at.eq(now),
            ))
            .execute(conn)?,
    };
    Ok(n)
}

#[derive(Debug, Default)]
pub struct Filter {
    pub round_id: Option<Uuid>,
    pub project_id: Option<Uuid>,
    pub department_id: Option<Uuid>,
    pub region_path: Option<String>,
    pub year: Option<i16>,
    pub measure: Option<String>,
}

/// Oldest first, by id.
pub fn list(
    conn: &mut PgConnection,
    scope: &ListScope,
    f: &Filter,
    after: Option<Uuid>,
    limit: i64,
) -> Result<Vec<ApplicationRow>, AppError> {
    let mut q = result_applications::table
        .select(ApplicationRow::as_select())
        .into_boxed();
    q = crate::visible!(q, scope, result_applications, project_id);
    if let Some(r) = f.round_id {
        q = q.filter(result_applications::round_id.eq(r));
    }
    if let Some(p) = f.project_id {
        q = q.filter(result_applications::project_id.eq(p));
    }
    if let Some(d) = f.department_id {
        q = q.filter(
            result_applications::project_id.eq_any(
                projects::table
                    .filter(projects::department_id.eq(d))
                    .select(projects::id),
            ),
        );
    }
    if let Some(path) = &f.region_path {
        q = q.filter(result_applications::region_path.like(like_prefix(path)));
    }
    if let Some(y) = f.year {
        q = q.filter(result_applications::fiscal_year.eq(y));
    }
    if let Some(m) = &f.measure {
        q = q.filter(result_applications::measures.contains(vec![m.clone()]));
    }
    if let Some(a) = after {
        q = q.filter(result_applications::id.gt(a));
    }
    q.order(result_applications::id.asc())
        .limit(limit + 1)
        .load(conn)
        .map_err(AppError::from)
}

/// A report of a round with what results application looks at.
#[derive(Debug, Clone, Queryable)]
pub struct ResultListRow {
    pub report_id: Uuid,
    pub project_id: Uuid,
    pub department_id: Uuid,
    pub region_path: String,
    pub adjusted_budget: BigDecimal,
    pub project_code: String,
    pub project_name: String,
    pub score: Option<BigDecimal>,
    pub grade: Option<String>,
    pub overall_light: Option<String>,
    pub application_id: Option<Uuid>,
}

/// The round's reports in the scope, by project code, each with its evaluation and the id of
/// its recorded application, in one statement.
pub fn round_results(
    conn: &mut PgConnection,
    round_id: Uuid,
    scope: &ListScope,
    department_id: Option<Uuid>,
    applied: Option<bool>,
    after: Option<(String, Uuid)>,
    limit: i64,
) -> Result<Vec<ResultListRow>, AppError> {
    let mut q = reports::table
        .inner_join(projects::table)
        .left_join(report_evaluations::table)
        .left_join(
            result_applications::table.on(result_applications::project_id
                .eq(reports::project_id)
                .and(result_applications::round_id.eq(reports::round_id))),
        )
        .filter(reports::round_id.eq(round_id))
        .select((
            reports::id,
            reports::project_id,
            reports::department_id,
            reports::region_path,
            reports::adjusted_budget,
            projects::code,
            projects::name,
            report_evaluations::score_total.nullable(),
            report_evaluations::grade.nullable(),
            report_evaluations::light_overall.nullable(),
            result_applications::id.nullable(),
        ))
        .into_boxed();
    q = crate::visible!(q, scope, reports, project_id);
    if let Some(d) = department_id {
        q = q.filter(reports::department_id.eq(d));
    }
    match applied {
        Some(true) => q = q.filter(result_applications::id.nullable().is_not_null()),
        Some(false) => q = q.filter(result_applications::id.nullable().is_null()),
        None => {}
    }
    let q = keyset!(q, projects::code, reports::id, false, after);
    q.limit(limit + 1)
        .load::<ResultListRow>(conn)
        .map_err(AppError::from)
}

pub fn find_many(conn: &mut PgConnection, ids: &[Uuid]) -> Result<Vec<ApplicationRow>, AppError> {
    result_applications::table
        .filter(result_applications::id.eq_any(ids))
        .select(ApplicationRow::as_select())
        .load(conn)
        .map_err(AppError::from)
}

/// A report's id, adjusted budget, grade and overall light.
pub type ReportResult = (Uuid, BigDecimal, Option<String>, Option<String>);

/// The project's report in the round, if any.
pub fn report_of(
    conn: &mut PgConnection,
    round_id: Uuid,
    project_id: Uuid,
) -> Result<Option<ReportResult>, AppError> {
    reports::table
        .left_join(report_evaluations::table)
        .filter(reports::round_id.eq(round_id))
        .filter(reports::project_id.eq(project_id))
        .select((
            reports::id,
            reports::adjusted_budget,
            report_evaluations::grade.nullable(),
            report_evaluations::light_overall.nullable(),
        ))
        .first(conn)
        .optional()
        .map_err(AppError::from)
}
