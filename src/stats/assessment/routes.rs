//! `GET /api/v1/stats/department-assessment`: the handler, the region it answers for and the
//! file form of the rows.

use std::collections::HashMap;
use std::sync::{Mutex, PoisonError};

use actix_web::{HttpRequest, HttpResponse, get, web};
use bigdecimal::BigDecimal;
use chrono::Utc;
use diesel::pg::PgConnection;
use serde::Deserialize;
use utoipa::IntoParams;
use uuid::Uuid;

use crate::AppState;
use crate::auth::scope::not_found;
use crate::auth::{Action, Caller, ListScope};
use crate::domain::assessment::{self, Inputs, WeightError, Weights};
use crate::domain::money::{format_money, parse_decimal};
use crate::domain::scoring::{Grade, grade};
use crate::error::AppError;
use crate::export::{self, Cell, Column, ExportFormat, Format, Kind, XlsxFile};
use crate::lights::rankings::department_rankings;
use crate::regions::store::{self as regions, RegionRow};
use crate::stats::assessment::dto::{
    DepartmentAssessment, DepartmentAssessmentRound, DepartmentAssessmentRoundScore,
    DepartmentAssessmentRow,
};
use crate::stats::assessment::store::{self, RectificationTotals, ReportTotals};
use crate::stats::dto::{Figures, RegionRef};

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct AssessmentQuery {
    /// Region code; its own departments are assessed (a caller asking about a region above its
    /// own gets its own region's).
    #[param(example = "370000")]
    pub region: String,
    /// Fiscal year.
    #[param(value_type = i16, example = 2021, minimum = 2000, maximum = 2100)]
    pub year: String,
    /// Weight of the mean round score, an integer 0 to 100 (default 60). The six weights must
    /// add up to 100.
    #[param(value_type = Option<i32>, minimum = 0, maximum = 100, default = 60, example = 60)]
    pub weight_score: Option<String>,
    /// Weight of the share of reports on time (default 10).
    #[param(value_type = Option<i32>, minimum = 0, maximum = 100, default = 10, example = 10)]
    pub weight_timeliness: Option<String>,
    /// Weight of the share of reports never returned (default 5).
    #[param(value_type = Option<i32>, minimum = 0, maximum = 100, default = 5, example = 5)]
    pub weight_not_returned: Option<String>,
    /// Weight of the share of applicable fields filled (default 10).
    #[param(value_type = Option<i32>, minimum = 0, maximum = 100, default = 10, example = 10)]
    pub weight_completeness: Option<String>,
    /// Weight of the share of reports passing the logic checks (default 5).
    #[param(value_type = Option<i32>, minimum = 0, maximum = 100, default = 5, example = 5)]
    pub weight_checks: Option<String>,
    /// Weight of the share of rectifications done on time (default 10).
    #[param(value_type = Option<i32>, minimum = 0, maximum = 100, default = 10, example = 10)]
    pub weight_rectification: Option<String>,
    /// json (default), csv or xlsx; `Accept: text/csv` also gives CSV.
    pub format: Option<ExportFormat>,
}

impl AssessmentQuery {
    fn weights(&self) -> Result<Weights, AppError> {
        Weights::parse([
            self.weight_score.as_deref(),
            self.weight_timeliness.as_deref(),
            self.weight_not_returned.as_deref(),
            self.weight_completeness.as_deref(),
            self.weight_checks.as_deref(),
            self.weight_rectification.as_deref(),
        ])
        .map_err(|e| match e {
            // Each value is one the schema allows; only together do they break the rule.
            WeightError::Sum { .. } => AppError::validation(
                format!("Invalid weights: {e}"),
                Weights::PARAMETERS
                    .iter()
                    .map(|p| {
                        (
                            (*p).to_owned(),
                            vec!["the six weights must add up to 100".to_owned()],
                        )
                    })
                    .collect(),
            ),
            WeightError::Invalid { .. } => {
                AppError::BadRequest(format!("Invalid query parameters: {e}"))
            }
        })
    }
}

/// The region whose own departments the caller may have assessed, and its path: the region
/// asked for, or the caller's own region when it asked about one above it (as the other
/// statistics answer). 404 for a region it has nothing under.
fn resolve(conn: &mut PgConnection, caller: &Caller, code: &str) -> Result<RegionRow, AppError> {
    let asked = regions::find_by_code(conn, code)?
        .filter(|r| caller.covered_by(&r.path))
        .ok_or_else(not_found)?;
    let path = caller.readable_subtree(&asked.path).ok_or_else(not_found)?;
    if path == asked.path {
        return Ok(asked);
    }
    let own = path.trim_end_matches('/').rsplit('/').next().unwrap_or("");
    regions::find_by_code(conn, own)?
        .filter(|r| r.path == path)
        .ok_or_else(not_found)
}

/// The paths of the region and every region above it ("370000/", "370000/370100/").
fn paths_up_to(path: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut acc = String::new();
    for code in path.split('/').filter(|c| !c.is_empty()) {
        acc.push_str(code);
        acc.push('/');
        out.push(acc.clone());
    }
    out
}

/// The grade edges in force for the region, as the rankings grade with them.
fn grade_edges(conn: &mut PgConnection, region_path: &str) -> Result<[BigDecimal; 3], AppError> {
    let effective = crate::lights::service::effective(conn, region_path)?;
    let edges: Vec<BigDecimal> = effective
        .settings
        .grade_edges
        .iter()
        .filter_map(|e| parse_decimal(e, 2).ok())
        .collect();
    Ok(<[BigDecimal; 3]>::try_from(edges).unwrap_or_else(|_| [90, 80, 60].map(BigDecimal::from)))
}

fn text(share: Option<BigDecimal>) -> Option<String> {
    share.as_ref().map(format_money)
}

fn assess(
    conn: &mut PgConnection,
    caller: &Caller,
    code: &str,
    year: i16,
    weights: Weights,
) -> Result<DepartmentAssessment, AppError> {
    let region = resolve(conn, caller, code)?;
    let path = region.path.clone();
    // Statistics never count secret-related projects or classified departments, for any role
    // (ARCHITECTURE.md, "Visibility"): every caller is filtered as a region reader of the
    // region, the scope under which `visible!` leaves them out.
    let scope = ListScope::RegionSubtree(path.clone());
    let rounds = store::rounds_covering(conn, &paths_up_to(&path), year)?;
    let departments = store::department_years(conn, &path, year)?;
    let ids: Vec<Uuid> = departments.iter().map(|d| d.department_id).collect();
    let round_ids: Vec<Uuid> = rounds.iter().map(|r| r.id).collect();
    let mut reports: HashMap<Uuid, ReportTotals> =
        store::report_totals(conn, &scope, &round_ids, &ids)?
            .into_iter()
            .collect();
    let today = Utc::now().date_naive();
    let mut rectifications: HashMap<Uuid, RectificationTotals> =
        store::rectification_totals(conn, &scope, &ids, year, today)?
            .into_iter()
            .collect();
    let results: HashMap<Uuid, i64> = store::results_applied(conn, &scope, &ids, year)?
        .into_iter()
        .collect();
    // Each round's score and grade: the round's rankings for the same region, exactly as
    // `/stats/departments` computes them.
    let mut round_scores: HashMap<Uuid, Vec<DepartmentAssessmentRoundScore>> = HashMap::new();
    for round in &rounds {
        for r in department_rankings(conn, round.id, &path)? {
            round_scores
                .entry(r.department_id)
                .or_default()
                .push(DepartmentAssessmentRoundScore {
                    round_id: round.id,
                    score: r.score,
                    grade: r.grade,
                });
        }
    }
    let edges = grade_edges(conn, &path)?;
    let adjustment_rows: Vec<_> = departments
        .iter()
        .flat_map(|d| d.adjustment_rows())
        .collect();
    let buckets: Vec<String> = ids.iter().map(Uuid::to_string).collect();
    let mut figures = Figures::by_bucket(&adjustment_rows, &buckets);

    let mut rows: Vec<DepartmentAssessmentRow> = departments
        .into_iter()
        .map(|d| {
            let id = d.department_id;
            let rep = reports.remove(&id).unwrap_or_default();
            let rect = rectifications.remove(&id).unwrap_or_default();
            let scores = round_scores.remove(&id).unwrap_or_default();
            let f = figures.remove(&id.to_string()).unwrap_or_default();
            let inputs = Inputs {
                round_scores: scores
                    .iter()
                    .filter_map(|s| s.score.as_deref().and_then(|t| parse_decimal(t, 2).ok()))
                    .collect(),
                reports: rep.reports,
                reports_on_time: rep.on_time,
                reports_returned: rep.returned,
                applicable_fields: rep.applicable_fields,
                filled_fields: rep.filled_fields,
                reports_passing_checks: rep.passing_checks,
                rectifications_on_time: rect.on_time,
                rectifications_overdue: rect.overdue,
            };
            let c = assessment::components(&inputs);
            let overall = assessment::overall(&c, &weights);
            DepartmentAssessmentRow {
                rank: 0,
                department_id: id,
                department_code: d.department_code,
                department_name: d.department_name,
                rounds_covered: rep.rounds,
                reports: rep.reports,
                reports_on_time: rep.on_time,
                reports_late: rep.late,
                reports_unsubmitted: rep.unsubmitted,
                reports_returned: rep.returned,
                timeliness_share: text(c.timeliness),
                not_returned_share: text(c.not_returned),
                applicable_fields: rep.applicable_fields,
                filled_fields: rep.filled_fields,
                completeness_share: text(c.completeness),
                reports_passing_checks: rep.passing_checks,
                checks_passed_share: text(c.checks),
                round_scores: scores,
                mean_round_score: text(c.score),
                rectifications_ordered: rect.ordered,
                rectifications_on_time: rect.on_time,
                rectifications_overdue: rect.overdue,
                rectification_on_time_share: text(c.rectification),
                adjustments: f.adjustments,
                adjusted_and_recovered: f.adjusted_and_recovered,
                results_applied: results.get(&id).copied().unwrap_or(0),
                overall_grade: overall.as_ref().map(|s| grade(s, &edges)),
                overall_score: text(overall),
            }
        })
        .collect();
    let keys: Vec<(Option<BigDecimal>, &str)> = rows
        .iter()
        .map(|r| {
            (
                r.overall_score
                    .as_deref()
                    .and_then(|s| parse_decimal(s, 2).ok()),
                r.department_code.as_str(),
            )
        })
        .collect();
    let order = assessment::rank_order(&keys);
    let mut slots: Vec<Option<DepartmentAssessmentRow>> = rows.drain(..).map(Some).collect();
    let departments = order
        .into_iter()
        .enumerate()
        .filter_map(|(i, at)| {
            let mut row = slots[at].take()?;
            row.rank = i + 1;
            Some(row)
        })
        .collect();
    Ok(DepartmentAssessment {
        region: RegionRef {
            code: region.code,
            name: region.name,
            level: region.level,
        },
        year,
        weights: weights.into(),
        rounds: rounds
            .into_iter()
            .map(|r| DepartmentAssessmentRound {
                id: r.id,
                name: r.name,
                cutoff_date: r.cutoff_date,
            })
            .collect(),
        departments,
    })
}

/// The columns every file has, before the per-round ones.
const COLUMNS: &[Column] = &[
    Column::new("rank", Kind::Integer),
    Column::new("department_id", Kind::Text),
    Column::new("department_code", Kind::Text),
    Column::new("department_name", Kind::Text),
    Column::new("overall_score", Kind::Percent),
    Column::new("overall_grade", Kind::Text),
    Column::new("rounds_covered", Kind::Integer),
    Column::new("mean_round_score", Kind::Percent),
    Column::new("reports", Kind::Integer),
    Column::new("reports_on_time", Kind::Integer),
    Column::new("reports_late", Kind::Integer),
    Column::new("reports_unsubmitted", Kind::Integer),
    Column::new("reports_returned", Kind::Integer),
    Column::new("timeliness_share", Kind::Percent),
    Column::new("not_returned_share", Kind::Percent),
    Column::new("applicable_fields", Kind::Integer),
    Column::new("filled_fields", Kind::Integer),
    Column::new("completeness_share", Kind::Percent),
    Column::new("reports_passing_checks", Kind::Integer),
    Column::new("checks_passed_share", Kind::Percent),
    Column::new("rectifications_ordered", Kind::Integer),
    Column::new("rectifications_on_time", Kind::Integer),
    Column::new("rectifications_overdue", Kind::Integer),
    Column::new("rectification_on_time_share", Kind::Percent),
    Column::new("adjustments_reduce", Kind::Integer),
    Column::new("adjustments_reduce_amount", Kind::Money),
    Column::new("adjustments_recover", Kind::Integer),
    Column::new("adjustments_recover_amount", Kind::Money),
    Column::new("adjustments_reallocate", Kind::Integer),
    Column::new("adjustments_reallocate_amount", Kind::Money),
    Column::new("adjustments_suspend", Kind::Integer),
    Column::new("adjustments_suspend_amount", Kind::Money),
    Column::new("adjustments_stop", Kind::Integer),
    Column::new("adjustments_stop_amount", Kind::Money),
    Column::new("adjustments_increase", Kind::Integer),
    Column::new("adjustments_increase_amount", Kind::Money),
    Column::new("adjusted_and_recovered", Kind::Money),
    Column::new("results_applied", Kind::Integer),
];

/// `round_N_score` and `round_N_grade` for rounds 1..=n. The names are made once per N ever
/// asked for and kept (columns name `&'static str`s), so they cost a few bytes per round of the
/// busiest year, not per request.
fn round_columns(n: usize) -> Vec<Column> {
    static NAMES: Mutex<Vec<(&'static str, &'static str)>> = Mutex::new(Vec::new());
    let mut names = NAMES.lock().unwrap_or_else(PoisonError::into_inner);
    while names.len() < n {
        let i = names.len() + 1;
        let leak = |s: String| -> &'static str { Box::leak(s.into_boxed_str()) };
        names.push((
            leak(format!("round_{i}_score")),
            leak(format!("round_{i}_grade")),
        ));
    }
    names[..n]
        .iter()
        .flat_map(|(score, grade)| {
            [
                Column::new(score, Kind::Percent),
                Column::new(grade, Kind::Text),
            ]
        })
        .collect()
}

fn figure(text: Option<&str>) -> Cell {
    text.and_then(|t| parse_decimal(t, 2).ok())
        .map_or(Cell::Empty, Cell::Percent)
}

fn money(text: &str) -> Cell {
    parse_decimal(text, 2).map_or(Cell::Empty, Cell::Money)
}

fn grade_cell(g: Option<Grade>) -> Cell {
    Cell::opt(g, |g| g.as_str().into())
}

fn row_cells(r: &DepartmentAssessmentRow, rounds: &[DepartmentAssessmentRound]) -> Vec<Cell> {
    let a = &r.adjustments;
    let mut out = vec![
        r.rank.into(),
        r.department_id.into(),
        (&r.department_code).into(),
        (&r.department_name).into(),
        figure(r.overall_score.as_deref()),
        grade_cell(r.overall_grade),
        r.rounds_covered.into(),
        figure(r.mean_round_score.as_deref()),
        r.reports.into(),
        r.reports_on_time.into(),
        r.reports_late.into(),
        r.reports_unsubmitted.into(),
        r.reports_returned.into(),
        figure(r.timeliness_share.as_deref()),
        figure(r.not_returned_share.as_deref()),
        r.applicable_fields.into(),
        r.filled_fields.into(),
        figure(r.completeness_share.as_deref()),
        r.reports_passing_checks.into(),
        figure(r.checks_passed_share.as_deref()),
        r.rectifications_ordered.into(),
        r.rectifications_on_time.into(),
        r.rectifications_overdue.into(),
        figure(r.rectification_on_time_share.as_deref()),
    ];
    for c in [
        &a.reduce,
        &a.recover,
        &a.reallocate,
        &a.suspend,
        &a.stop,
        &a.increase,
    ] {
        out.push(c.count.into());
        out.push(money(&c.amount));
    }
    out.push(money(&r.adjusted_and_recovered));
    out.push(r.results_applied.into());
    for round in rounds {
        match r.round_scores.iter().find(|s| s.round_id == round.id) {
            Some(s) => {
                out.push(figure(s.score.as_deref()));
                out.push(grade_cell(s.grade));
            }
            None => out.extend([Cell::Empty, Cell::Empty]),
        }
    }
    out
}

/// The annual assessment of a region's departments.
#[utoipa::path(
    tag = "statistics",
    operation_id = "get_stats_department_assessment",
    summary = "Annual department assessment",
    description = "One row per department of the region's own level (departments whose \
                   region is exactly that region, not its subtree's) with projects in the year: \
                   its monitoring over the year's rounds of the region and the regions above it \
                   (reports on time, late, unsubmitted, ever returned; fields filled; logic \
                   checks passed), its score and grade in each round (its row of that round's \
                   `/stats/departments`), the rectification tasks it is responsible for (done on \
                   time: accepted on or before the deadline; overdue: open or answered past it, \
                   or accepted after it), the fund adjustments of its projects net of reversals \
                   (as `/stats/overview`), the results applications recorded for its projects, \
                   and an overall score, ranked.\n\n\
                   overall = Σ wᵢ·cᵢ ÷ Σ wᵢ over the components that have a basis, each 0–100: \
                   the mean round score (`weight_score`, default 60), reports on time ÷ reports \
                   (`weight_timeliness`, 10), reports never returned ÷ reports \
                   (`weight_not_returned`, 5), fields filled ÷ applicable fields \
                   (`weight_completeness`, 10), reports failing no error or warning check ÷ \
                   reports (`weight_checks`, 5), rectifications on time ÷ those on time or \
                   overdue (`weight_rectification`, 10). A component without a basis (no scored \
                   round, no rectification done or due) is left out and the others keep their \
                   proportions. Weights are integers 0 to 100 (else 400 naming the parameter) \
                   that add up to 100 (else 422 naming all six). Shares and scores have two decimals (half up; the \
                   overall from the rounded components); the overall grade uses the region's \
                   grade edges. A filled field is one the system generated or the department \
                   set, at most the report's applicable fields.\n\n\
                   Secret-related projects and classified departments are never counted, for \
                   any role. `format=csv|xlsx` (or `Accept: text/csv`) gives a row per \
                   department with `round_N_score`/`round_N_grade` columns in the order of \
                   `rounds`. A year outside 2000–2100 is 400; an unknown region 404. Roles: \
                   admin, finance_officer, auditor.",
    params(AssessmentQuery),
    responses((status = 200, description = "The departments, best overall score first", content(
        (DepartmentAssessment = "application/json"),
        (String = "text/csv"),
        (XlsxFile = crate::export::XLSX_MEDIA_TYPE),
    ))),
    extensions(("x-roles" = json!(["admin", "finance_officer", "auditor"])))
)]
#[get("/stats/department-assessment")]
pub async fn department_assessment(
    req: HttpRequest,
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<AssessmentQuery>,
) -> Result<HttpResponse, AppError> {
    caller.require(Action::ReadUsers)?;
    let format = Format::of(&req)?;
    let q = query.into_inner();
    let years = crate::validation::FISCAL_YEARS;
    let year = q
        .year
        .parse::<i16>()
        .ok()
        .filter(|y| years.contains(y))
        .ok_or_else(|| {
            AppError::BadRequest(format!(
                "Invalid query parameters: year must be a fiscal year from {} to {}, got {:?}",
                years.start(),
                years.end(),
                q.year
            ))
        })?;
    let weights = q.weights()?;
    let result = state
        .db
        .run(move |conn| assess(conn, &caller, &q.region, year, weights))
        .await?;
    if format == Format::Json {
        return Ok(HttpResponse::Ok().json(result));
    }
    let mut columns = COLUMNS.to_vec();
    columns.extend(round_columns(result.rounds.len()));
    let rows = result
        .departments
        .iter()
        .map(|r| row_cells(r, &result.rounds))
        .collect();
    export::table(
        format,
        &format!(
            "department-assessment-{}-{}",
            result.region.code, result.year
        ),
        &columns,
        rows,
    )
}
