//! Department rankings of a round: score, grade, monitoring quality and light counts per
//! department, best first. `/rounds/{id}/rankings` and `/stats/departments` are this one table.

use std::collections::BTreeMap;
use std::str::FromStr;

use actix_web::{HttpRequest, HttpResponse, get, web};
use bigdecimal::BigDecimal;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::AppState;
use crate::auth::scope::not_found;
use crate::auth::{Action, Caller};
use crate::domain::money::{format_money, parse_decimal};
use crate::domain::scoring::{Grade, grade};
use crate::error::AppError;
use crate::export::{self, Cell, Column, ExportFormat, Format, Kind, XlsxFile};
use crate::lights::service;
use crate::pagination::{self, Page, decode_cursor};
use crate::regions::store as regions;
use crate::rounds::store as rounds;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RankingQuery {
    /// The region whose departments are ranked (default: the round's region).
    pub region: Option<String>,
    /// Page size, 1 to 500 (default 50); exports ignore it.
    #[param(minimum = 1, maximum = 500)]
    pub limit: Option<i64>,
    /// `next_cursor` of the previous page; exports ignore it.
    pub cursor: Option<String>,
    /// `csv` or `xlsx`: the whole ranking as a file; `Accept: text/csv` also gives CSV. `json`
    /// (default): a page.
    #[param(value_type = Option<ExportFormat>)]
    pub format: Option<String>,
}

const RANKING_COLUMNS: &[Column] = &[
    Column::new("rank", Kind::Integer),
    Column::new("department_id", Kind::Text),
    Column::new("department_code", Kind::Text),
    Column::new("department_name", Kind::Text),
    Column::new("score", Kind::Percent),
    Column::new("grade", Kind::Text),
    Column::new("monitoring_quality", Kind::Percent),
    Column::new("reports", Kind::Integer),
    Column::new("late_reports", Kind::Integer),
    Column::new("red", Kind::Integer),
    Column::new("yellow", Kind::Integer),
    Column::new("green", Kind::Integer),
    Column::new("blue", Kind::Integer),
    Column::new("none", Kind::Integer),
    Column::new("system_filled_fields", Kind::Integer),
    Column::new("report_fields", Kind::Integer),
    Column::new("system_filled_share", Kind::Percent),
];

/// A two-decimal figure the ranking carries as text, back as a number for the sheet.
fn figure(text: &str) -> Cell {
    BigDecimal::from_str(text).map_or_else(|_| Cell::text(text), Cell::Percent)
}

fn ranking_cells(r: &DepartmentRanking) -> Vec<Cell> {
    let count = |k: &str| Cell::from(r.lights.get(k).copied().unwrap_or(0));
    vec![
        r.rank.into(),
        r.department_id.into(),
        (&r.department_code).into(),
        (&r.department_name).into(),
        Cell::opt(r.score.as_deref(), figure),
        Cell::opt(r.grade, |g| g.as_str().into()),
        figure(&r.monitoring_quality),
        r.reports.into(),
        r.late_reports.into(),
        count("red"),
        count("yellow"),
        count("green"),
        count("blue"),
        count("none"),
        Cell::Int(r.system_filled_fields),
        Cell::Int(r.report_fields),
        Cell::opt(r.system_filled_share.as_deref(), figure),
    ]
}

#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({
    "rank": 1, "department_id": "0193a0c4-7f43-7000-8000-0000000000a1", "department_code": "KJT",
    "department_name": "Department of Science and Technology", "score": "91.25",
    "grade": "excellent", "monitoring_quality": "88.89", "reports": 9, "late_reports": 0,
    "lights": {"green": 6, "yellow": 3},
    "system_filled_fields": 252, "report_fields": 330, "system_filled_share": "76.36"
}))]
pub struct DepartmentRanking {
    pub rank: usize,
    pub department_id: Uuid,
    pub department_code: String,
    pub department_name: String,
    /// 90% the budget-weighted mean of its projects' totals, 10% monitoring quality; null while
    /// no project has a total.
    #[schema(value_type = Option<String>, pattern = r"^[0-9]+\.[0-9]{2}$", example = "91.25")]
    pub score: Option<String>,
    pub grade: Option<Grade>,
    /// Share of its reports submitted on time and never returned, in percent.
    #[schema(value_type = String, pattern = r"^[0-9]+\.[0-9]{2}$", example = "88.89")]
    pub monitoring_quality: String,
    pub reports: usize,
    pub late_reports: usize,
    /// Project (overall) lights by colour.
    pub lights: BTreeMap<String, usize>,
    /// Sum of its reports' `generated_fields` in the round.
    pub system_filled_fields: i64,
    /// Sum of its reports' `applicable_fields` in the round.
    pub report_fields: i64,
    /// `system_filled_fields` ÷ `report_fields` × 100, two decimals; null without fields.
    #[schema(value_type = Option<String>, pattern = r"^[0-9]+\.[0-9]{2}$", example = "76.36")]
    pub system_filled_share: Option<String>,
}

fn rank_departments(
    rows: Vec<crate::stats::store::DepartmentRound>,
    edges: &[BigDecimal; 3],
) -> Vec<DepartmentRanking> {
    let hundred = BigDecimal::from(100);
    let mut out: Vec<(Option<BigDecimal>, DepartmentRanking)> = rows
        .into_iter()
        .map(|d| {
            let reports = usize::try_from(d.reports).unwrap_or(0);
            let count = |n: i32| usize::try_from(n).unwrap_or(0);
            let coloured = count(d.red) + count(d.yellow) + count(d.green) + count(d.blue);
            let lights: BTreeMap<String, usize> = [
                ("red", count(d.red)),
                ("yellow", count(d.yellow)),
                ("green", count(d.green)),
                ("blue", count(d.blue)),
                ("none", reports.saturating_sub(coloured)),
            ]
            .into_iter()
            .filter(|(_, n)| *n > 0)
            .map(|(k, n)| (k.to_owned(), n))
            .collect();
            let quality =
                BigDecimal::from(d.good_reports) * &hundred / BigDecimal::from(d.reports.max(1));
            let score = (d.scored_budget > 0).then(|| {
                let mean = &d.scored_weighted / &d.scored_budget;
                (mean * BigDecimal::from(9) + &quality) / BigDecimal::from(10)
            });
            let grade = score.as_ref().map(|s| grade(s, edges));
            (
                score.clone(),
                DepartmentRanking {
                    rank: 0,
                    department_id: d.department_id,
                    department_code: d.department_code,
                    department_name: d.department_name,
                    score: score.as_ref().map(format_money),
                    grade,
                    monitoring_quality: format_money(&quality),
                    reports,
                    late_reports: count(d.late),
                    lights,
                    system_filled_fields: d.system_filled,
                    report_fields: d.report_fields,
                    system_filled_share: (d.report_fields > 0).then(|| {
                        format_money(
                            &(BigDecimal::from(d.system_filled) * &hundred
                                / BigDecimal::from(d.report_fields))
                            .with_scale_round(2, bigdecimal::RoundingMode::HalfUp),
                        )
                    }),
                },
            )
        })
        .collect();
    out.sort_by(|a, b| {
        b.0.cmp(&a.0)
            .then_with(|| a.1.department_code.cmp(&b.1.department_code))
    });
    out.into_iter()
        .enumerate()
        .map(|(i, (_, mut r))| {
            r.rank = i + 1;
            r
        })
        .collect()
}

/// Rank a region's departments in a round.
#[utoipa::path(
    tag = "lights",
    operation_id = "list_rankings",
    summary = "Department rankings",
    description = "The departments of the region (and below) with reports in the round, best score \
                   first: score, grade, monitoring quality, light counts, late reports. \
                   `format=csv` (or `Accept: text/csv`) and `format=xlsx` give the same rows as a \
                   file. Roles: admin, finance_officer, auditor.",
    params(("id" = Uuid, Path, description = "Round id"), RankingQuery),
    responses((status = 200, description = "A page of the ranking, best first, or all of it as a file", content(
        (Page<DepartmentRanking> = "application/json"),
        (String = "text/csv"),
        (XlsxFile = crate::export::XLSX_MEDIA_TYPE),
    ))),
    extensions(("x-roles" = json!(["admin", "finance_officer", "auditor"])))
)]
#[get("/rounds/{id}/rankings")]
pub async fn rankings(
    req: HttpRequest,
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    query: web::Query<RankingQuery>,
) -> Result<HttpResponse, AppError> {
    caller.require(Action::ReadUsers)?;
    let format = Format::of(&req)?;
    let id = id.into_inner();
    let query = query.into_inner();
    let pages = RankingPages::of(query.limit, query.cursor.as_deref())?;
    let region_code = query.region;
    let ranking = state
        .db
        .run(move |conn| {
            let round = rounds::find(conn, id)?
                .filter(|r| caller.covered_by(&r.region_path))
                .ok_or_else(not_found)?;
            let path = match region_code {
                Some(code) => {
                    regions::find_by_code(conn, &code)?
                        .ok_or_else(not_found)?
                        .path
                }
                None => round.region_path.clone(),
            };
            // Never rank outside the caller's own subtree.
            let path = caller.readable_subtree(&path).ok_or_else(not_found)?;
            department_rankings(conn, id, &path)
        })
        .await?;
    pages.respond(format, &format!("round-{id}-rankings"), ranking)
}

/// The page of a ranking a request asked for. A ranking is computed whole (one row per
/// department of the region) and handed out in pages by rank.
pub struct RankingPages {
    limit: i64,
    after_rank: usize,
}

const RANK_SORT: &str = "rank";

impl RankingPages {
    pub fn of(limit: Option<i64>, cursor: Option<&str>) -> Result<RankingPages, AppError> {
        let after_rank = match decode_cursor(cursor, RANK_SORT)? {
            Some(after) => after.key.parse().map_err(|_| {
                AppError::BadRequest("Invalid query parameters: bad cursor".to_owned())
            })?,
            None => 0,
        };
        Ok(RankingPages {
            limit: pagination::limit(limit)?,
            after_rank,
        })
    }

    /// The page as JSON, or the whole ranking as CSV or XLSX.
    pub fn respond(
        self,
        format: Format,
        filename: &str,
        ranking: Vec<DepartmentRanking>,
    ) -> Result<HttpResponse, AppError> {
        if format != Format::Json {
            let rows = ranking.iter().map(ranking_cells).collect();
            return export::table(format, filename, RANKING_COLUMNS, rows);
        }
        let rest: Vec<DepartmentRanking> = ranking
            .into_iter()
            .filter(|r| r.rank > self.after_rank)
            .collect();
        Ok(HttpResponse::Ok().json(pagination::page(
            rest,
            self.limit,
            RANK_SORT,
            |r| (r.rank.to_string(), r.department_id),
            |r| r,
        )))
    }
}

/// The departments under `region_path` with reports in the round, ranked with the grade edges
/// in force for that region.
pub fn department_rankings(
    conn: &mut diesel::pg::PgConnection,
    round_id: Uuid,
    region_path: &str,
) -> Result<Vec<DepartmentRanking>, AppError> {
    let effective = service::effective(conn, region_path)?;
    let edges: Vec<BigDecimal> = effective
        .settings
        .grade_edges
        .iter()
        .filter_map(|e| parse_decimal(e, 2).ok())
        .collect();
    let edges = <[BigDecimal; 3]>::try_from(edges).unwrap_or_else(|_| {
        [
            BigDecimal::from(90),
            BigDecimal::from(80),
            BigDecimal::from(60),
        ]
    });
    Ok(rank_departments(
        crate::stats::store::department_rounds(conn, round_id, region_path)?,
        &edges,
    ))
}
