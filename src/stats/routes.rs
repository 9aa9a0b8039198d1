//! `/api/v1/stats/*`: overview, regional drill-down, departments, problems and trend, each also
//! as CSV or XLSX.

use std::sync::LazyLock;

use actix_web::{HttpRequest, HttpResponse, get, web};

use serde::Deserialize;
use utoipa::IntoParams;
use uuid::Uuid;

use crate::AppState;
use crate::auth::scope::not_found;
use crate::auth::{Action, Caller, ListScope};
use crate::domain::money::{format_money, parse_decimal};
use crate::domain::monitoring::execution_rate;
use crate::error::AppError;
use crate::export::{self, Cell, Column, ExportFormat, Format, Kind, XlsxFile};
use crate::lights::rankings::{DepartmentRanking, RankingPages, department_rankings};
use crate::pagination::Page;
use crate::regions::store::{self as regions, RegionRow};
use crate::rounds::store as rounds;
use crate::stats::dto::{
    Figures, LightCounts, Overview, ProblemRow, RegionBreakdown, RegionFigures, RegionRef,
    TrendPoint,
};
use crate::stats::store::{self, StatFilter};

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct StatsQuery {
    /// Region code; the caller's part of its subtree counts.
    #[param(example = "370000")]
    pub region: String,
    /// Fiscal year.
    #[param(example = 2021, minimum = 2000, maximum = 2100)]
    pub year: i16,
    /// Only this round's reports and inspections.
    pub round: Option<Uuid>,
    /// json (default), csv or xlsx; `Accept: text/csv` also gives CSV.
    pub format: Option<ExportFormat>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct RegionsQuery {
    /// The region whose children are listed.
    #[param(example = "370000")]
    pub parent: String,
    #[param(example = 2021, minimum = 2000, maximum = 2100)]
    pub year: i16,
    pub round: Option<Uuid>,
    pub format: Option<ExportFormat>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct DepartmentsQuery {
    #[param(example = "370000")]
    pub region: String,
    #[param(example = 2021, minimum = 2000, maximum = 2100)]
    pub year: i16,
    /// The round whose reports are scored (required).
    pub round: Uuid,
    /// Page size, 1 to 500 (default 50); exports ignore it.
    #[param(minimum = 1, maximum = 500)]
    pub limit: Option<i64>,
    /// `next_cursor` of the previous page; exports ignore it.
    pub cursor: Option<String>,
    pub format: Option<ExportFormat>,
}

pub(crate) fn region_ref(r: &RegionRow) -> RegionRef {
    RegionRef {
        code: r.code.clone(),
        name: r.name.clone(),
        level: r.level.clone(),
    }
}

/// The region asked for and the filter the caller is entitled to under it: a region-scoped
/// caller asking about a region above its own gets its own subtree; a department officer gets
/// its department. A region or round the caller has nothing under is 404, as every record
/// outside the caller's reach is; a round of another year than `year` is 422.
pub(crate) fn resolve(
    conn: &mut diesel::PgConnection,
    caller: &Caller,
    code: &str,
    year: i16,
    round: Option<Uuid>,
) -> Result<(RegionRow, StatFilter), AppError> {
    if !crate::validation::FISCAL_YEARS.contains(&year) {
        return Err(AppError::invalid_field(
            "year",
            "must be a fiscal year from 2000 to 2100",
        ));
    }
    let region = regions::find_by_code(conn, code)?
        .filter(|r| caller.covered_by(&r.path))
        .ok_or_else(not_found)?;
    if let Some(id) = round {
        let found = rounds::find(conn, id)?.filter(|r| caller.covered_by(&r.region_path));
        match found {
            None => return Err(not_found()),
            Some(r) if r.fiscal_year != year => {
                return Err(AppError::invalid_field(
                    "round",
                    format!("the round is of fiscal year {}, not {year}", r.fiscal_year),
                ));
            }
            Some(_) => {}
        }
    }
    let region_path = caller
        .readable_subtree(&region.path)
        .ok_or_else(not_found)?;
    let department = match caller.list_scope() {
        ListScope::Department {
            region_id, path, ..
        } => Some((region_id, path)),
        ListScope::All | ListScope::RegionSubtree(_) => None,
    };
    Ok((
        region,
        StatFilter {
            region_path,
            year,
            round_id: round,
            department,
            split_under: None,
        },
    ))
}

/// Flat column names for a `Figures` row, after the region columns.
static FIGURE_COLUMNS: LazyLock<Vec<Column>> = LazyLock::new(|| {
    let mut cols: Vec<(String, Kind)> = vec![
        ("region_code".into(), Kind::Text),
        ("region_name".into(), Kind::Text),
        ("part".into(), Kind::Text),
        ("departments_monitored".into(), Kind::Integer),
        ("projects_monitored".into(), Kind::Integer),
        ("projects_monitored_funds".into(), Kind::Money),
        ("key_monitored_projects".into(), Kind::Integer),
        ("key_monitored_funds".into(), Kind::Money),
        ("key_monitoring_items".into(), Kind::Integer),
    ];
    for s in [
        "total",
        "approved",
        "submitted",
        "draft",
        "returned",
        "late",
        "missing",
    ] {
        cols.push((format!("reports_{s}"), Kind::Integer));
    }
    for c in CATEGORIES {
        for l in COLOURS {
            cols.push((format!("lights_{c}_{l}"), Kind::Integer));
        }
    }
    for f in FINDING_CATEGORIES {
        cols.push((format!("findings_{f}"), Kind::Integer));
        cols.push((format!("findings_{f}_amount"), Kind::Money));
    }
    for s in ["opinions", "suggestions", "policy_revisions"] {
        cols.push((s.into(), Kind::Integer));
    }
    for s in ["open", "overdue", "accepted"] {
        cols.push((format!("rectifications_{s}"), Kind::Integer));
    }
    for k in ADJUSTMENT_KINDS {
        cols.push((format!("adjustments_{k}"), Kind::Integer));
        cols.push((format!("adjustments_{k}_amount"), Kind::Money));
    }
    cols.push(("adjusted_and_recovered".into(), Kind::Money));
    cols.push(("system_filled_fields".into(), Kind::Integer));
    cols.push(("report_fields".into(), Kind::Integer));
    cols.push(("system_filled_share".into(), Kind::Percent));
    cols.into_iter()
        .map(|(name, kind)| Column::new(Box::leak(name.into_boxed_str()), kind))
        .collect()
});

const CATEGORIES: [&str; 5] = ["overall", "budget", "output", "effect", "satisfaction"];
const COLOURS: [&str; 5] = ["red", "yellow", "green", "blue", "none"];
const FINDING_CATEGORIES: [&str; 6] = [
    "slow_progress",
    "unreasonable_targets",
    "non_standard_management",
    "unclear_objectives",
    "idle_funds",
    "other",
];
const ADJUSTMENT_KINDS: [&str; 6] = [
    "reduce",
    "recover",
    "reallocate",
    "suspend",
    "stop",
    "increase",
];

fn money_cell(text: &str) -> Cell {
    parse_decimal(text, 2).map_or(Cell::Empty, Cell::Money)
}

fn light_cells(out: &mut Vec<Cell>, l: &LightCounts) {
    for n in [l.red, l.yellow, l.green, l.blue, l.none] {
        out.push(Cell::Int(n));
    }
}

fn figure_cells(region: &RegionRef, part: &str, f: &Figures) -> Vec<Cell> {
    let mut out = vec![
        Cell::text(&region.code),
        Cell::text(&region.name),
        Cell::text(part),
        Cell::Int(f.departments_monitored),
        Cell::Int(f.projects_monitored),
        money_cell(&f.projects_monitored_funds),
        Cell::Int(f.key_monitored_projects),
        money_cell(&f.key_monitored_funds),
        Cell::Int(f.key_monitoring_items),
    ];
    let r = &f.reports;
    for n in [
        r.total,
        r.approved,
        r.submitted,
        r.draft,
        r.returned,
        r.late,
        r.missing,
    ] {
        out.push(Cell::Int(n));
    }
    let l = &f.lights;
    for counts in [&l.overall, &l.budget, &l.output, &l.effect, &l.satisfaction] {
        light_cells(&mut out, counts);
    }
    let fi = &f.findings;
    for c in [
        &fi.slow_progress,
        &fi.unreasonable_targets,
        &fi.non_standard_management,
        &fi.unclear_objectives,
        &fi.idle_funds,
        &fi.other,
    ] {
        out.push(Cell::Int(c.count));
        out.push(money_cell(&c.amount));
    }
    out.extend([
        Cell::Int(f.opinions),
        Cell::Int(f.suggestions),
        Cell::Int(f.policy_revisions),
        Cell::Int(f.rectifications.open),
        Cell::Int(f.rectifications.overdue),
        Cell::Int(f.rectifications.accepted),
    ]);
    let a = &f.adjustments;
    for c in [
        &a.reduce,
        &a.recover,
        &a.reallocate,
        &a.suspend,
        &a.stop,
        &a.increase,
    ] {
        out.push(Cell::Int(c.count));
        out.push(money_cell(&c.amount));
    }
    out.push(money_cell(&f.adjusted_and_recovered));
    out.push(Cell::Int(f.system_filled_fields));
    out.push(Cell::Int(f.report_fields));
    out.push(f.system_filled_share.as_deref().map_or(Cell::Empty, |s| {
        parse_decimal(s, 2).map_or(Cell::Empty, Cell::Percent)
    }));
    out
}

/// Overview figures for a region.
#[utoipa::path(
    tag = "statistics",
    operation_id = "get_stats_overview",
    summary = "Overview statistics of a region",
    description = "The year's monitoring in the region's subtree as far as the caller sees it \
                   (a city officer asking about its province gets its city; a department officer \
                   its department): departments and projects monitored and their funds, key \
                   monitoring, reports by status, lights per category, findings, opinions, \
                   rectifications, fund adjustments (net of reversals), the money adjusted and \
                   recovered, and the share of report fields the system filled. Classified \
                   projects and departments are never counted. `round` narrows reports and \
                   inspections to one round. `format=csv|xlsx` (or `Accept: text/csv`) gives one \
                   flat row. Roles: admin, finance_officer, auditor, department_officer.",
    params(StatsQuery),
    responses((status = 200, description = "The figures", content(
        (Overview = "application/json"),
        (String = "text/csv"),
        (XlsxFile = crate::export::XLSX_MEDIA_TYPE),
    ))),
    extensions(("x-roles" = json!(["admin", "finance_officer", "auditor", "department_officer"])))
)]
#[get("/stats/overview")]
pub async fn overview(
    req: HttpRequest,
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<StatsQuery>,
) -> Result<HttpResponse, AppError> {
    caller.require(Action::Read)?;
    let format = Format::of(&req)?;
    let q = query.into_inner();
    let overview = state
        .db
        .run(move |conn| {
            let (region, filter) = resolve(conn, &caller, &q.region, q.year, q.round)?;
            let rows = store::figures(conn, &filter)?;
            let figures = Figures::by_bucket(&rows, &[String::new()])
                .remove("")
                .unwrap_or_default();
            Ok(Overview {
                region: region_ref(&region),
                year: q.year,
                round_id: q.round,
                figures,
            })
        })
        .await?;
    if format == Format::Json {
        return Ok(HttpResponse::Ok().json(overview));
    }
    let row = figure_cells(&overview.region, "region", &overview.figures);
    export::table(
        format,
        &format!("overview-{}-{}", overview.region.code, overview.year),
        &FIGURE_COLUMNS,
        vec![row],
    )
}

fn own_level_label(level: &str) -> String {
    match level {
        "province" => "provincial level",
        "city" => "city level",
        _ => "county level",
    }
    .to_owned()
}

/// Figures for each child region.
#[utoipa::path(
    tag = "statistics",
    operation_id = "get_stats_by_region",
    summary = "Statistics per child region",
    description = "Drill-down: the parent's own level (its own departments, e.g. \"provincial \
                   level\") and each child region (cities of a province, counties of a city) \
                   with the same figures as the overview; own level plus children add up to the \
                   parent's overview. Only children the caller sees are listed. CSV/XLSX give a \
                   row per part. Roles: admin, finance_officer, auditor, department_officer.",
    params(RegionsQuery),
    responses((status = 200, description = "The figures per part", content(
        (RegionBreakdown = "application/json"),
        (String = "text/csv"),
        (XlsxFile = crate::export::XLSX_MEDIA_TYPE),
    ))),
    extensions(("x-roles" = json!(["admin", "finance_officer", "auditor", "department_officer"])))
)]
#[get("/stats/regions")]
pub async fn by_region(
    req: HttpRequest,
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<RegionsQuery>,
) -> Result<HttpResponse, AppError> {
    caller.require(Action::Read)?;
    let format = Format::of(&req)?;
    let q = query.into_inner();
    let breakdown = state
        .db
        .run(move |conn| {
            let (parent, mut filter) = resolve(conn, &caller, &q.parent, q.year, q.round)?;
            filter.split_under = Some(parent.path.clone());
            let children: Vec<RegionRow> = regions::children_of(conn, parent.id)?
                .into_iter()
                .filter(|c| caller.covered_by(&c.path))
                .collect();
            let mut buckets: Vec<String> = children.iter().map(|c| c.code.clone()).collect();
            buckets.push(String::new());
            let rows = store::figures(conn, &filter)?;
            let mut by = Figures::by_bucket(&rows, &buckets);
            Ok(RegionBreakdown {
                own_level_label: own_level_label(&parent.level),
                own_level: by.remove("").unwrap_or_default(),
                children: children
                    .iter()
                    .map(|c| RegionFigures {
                        region: region_ref(c),
                        figures: by.remove(&c.code).unwrap_or_default(),
                    })
                    .collect(),
                parent: region_ref(&parent),
                year: q.year,
                round_id: q.round,
            })
        })
        .await?;
    if format == Format::Json {
        return Ok(HttpResponse::Ok().json(breakdown));
    }
    let mut rows = vec![figure_cells(
        &breakdown.parent,
        &breakdown.own_level_label,
        &breakdown.own_level,
    )];
    for c in &breakdown.children {
        rows.push(figure_cells(&c.region, "child", &c.figures));
    }
    export::table(
        format,
        &format!("regions-{}-{}", breakdown.parent.code, breakdown.year),
        &FIGURE_COLUMNS,
        rows,
    )
}

/// Departments of a region in a round, ranked.
#[utoipa::path(
    tag = "statistics",
    operation_id = "get_stats_by_department",
    summary = "Statistics per department",
    description = "Each department of the region (and below) with reports in the round: score \
                   (0.9 × budget-weighted mean of its project scores + 0.1 × monitoring \
                   quality), grade, rank within the region, reports, late reports and project \
                   lights; the same as the round's rankings. Roles: admin, finance_officer, \
                   auditor.",
    params(DepartmentsQuery),
    responses((status = 200, description = "A page of the departments, best first, or all of them as a file", content(
        (Page<DepartmentRanking> = "application/json"),
        (String = "text/csv"),
        (XlsxFile = crate::export::XLSX_MEDIA_TYPE),
    ))),
    extensions(("x-roles" = json!(["admin", "finance_officer", "auditor"])))
)]
#[get("/stats/departments")]
pub async fn by_department(
    req: HttpRequest,
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<DepartmentsQuery>,
) -> Result<HttpResponse, AppError> {
    caller.require(Action::ReadUsers)?;
    let format = Format::of(&req)?;
    let q = query.into_inner();
    let pages = RankingPages::of(q.limit, q.cursor.as_deref())?;
    let region_code = q.region.clone();
    let ranking = state
        .db
        .run(move |conn| {
            let (_, filter) = resolve(conn, &caller, &q.region, q.year, Some(q.round))?;
            department_rankings(conn, q.round, &filter.region_path)
        })
        .await?;
    pages.respond(
        format,
        &format!("departments-{region_code}-{}", q.year),
        ranking,
    )
}

/// Findings by category and region.
#[utoipa::path(
    tag = "statistics",
    operation_id = "get_stats_problems",
    summary = "Problems found, by category and region",
    description = "Findings of key monitoring in the year, per category, for the region's own \
                   level and each child region, with the amounts they name. Roles: admin, \
                   finance_officer, auditor, department_officer.",
    params(StatsQuery),
    responses((status = 200, description = "One row per region and category with findings", content(
        (Vec<ProblemRow> = "application/json"),
        (String = "text/csv"),
        (XlsxFile = crate::export::XLSX_MEDIA_TYPE),
    ))),
    extensions(("x-roles" = json!(["admin", "finance_officer", "auditor", "department_officer"])))
)]
#[get("/stats/problems")]
pub async fn problems(
    req: HttpRequest,
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<StatsQuery>,
) -> Result<HttpResponse, AppError> {
    caller.require(Action::Read)?;
    let format = Format::of(&req)?;
    let q = query.into_inner();
    let (code, year) = (q.region.clone(), q.year);
    let rows = state
        .db
        .run(move |conn| {
            let (region, mut filter) = resolve(conn, &caller, &q.region, q.year, q.round)?;
            filter.split_under = Some(region.path.clone());
            let children = regions::children_of(conn, region.id)?;
            let rows = store::problems(conn, &filter)?;
            Ok(rows
                .into_iter()
                .filter_map(|r| {
                    let (place, own) = if r.bucket.is_empty() {
                        (region_ref(&region), true)
                    } else {
                        (
                            region_ref(children.iter().find(|c| c.code == r.bucket)?),
                            false,
                        )
                    };
                    Some(ProblemRow {
                        region: place,
                        own_level: own,
                        category: r.key,
                        findings: r.n,
                        amount: format_money(&r.amount.unwrap_or_default()),
                    })
                })
                .collect::<Vec<_>>())
        })
        .await?;
    if format == Format::Json {
        return Ok(HttpResponse::Ok().json(rows));
    }
    const COLUMNS: [Column; 6] = [
        Column::new("region_code", Kind::Text),
        Column::new("region_name", Kind::Text),
        Column::new("own_level", Kind::Bool),
        Column::new("category", Kind::Text),
        Column::new("findings", Kind::Integer),
        Column::new("amount", Kind::Money),
    ];
    let cells = rows
        .iter()
        .map(|r| {
            vec![
                Cell::text(&r.region.code),
                Cell::text(&r.region.name),
                Cell::Bool(r.own_level),
                Cell::text(&r.category),
                Cell::Int(r.findings),
                money_cell(&r.amount),
            ]
        })
        .collect();
    export::table(format, &format!("problems-{code}-{year}"), &COLUMNS, cells)
}

/// Execution and lights per round of the year.
#[utoipa::path(
    tag = "statistics",
    operation_id = "get_stats_trend",
    summary = "Trend over the year's rounds",
    description = "For each round of the year (by cut-off date) in the caller's part of the \
                   region: reports, adjusted budget and executed amount summed over the reports, \
                   the execution rate, and project light counts. Roles: admin, finance_officer, \
                   auditor, department_officer.",
    params(StatsQuery),
    responses((status = 200, description = "One point per round", content(
        (Vec<TrendPoint> = "application/json"),
        (String = "text/csv"),
        (XlsxFile = crate::export::XLSX_MEDIA_TYPE),
    ))),
    extensions(("x-roles" = json!(["admin", "finance_officer", "auditor", "department_officer"])))
)]
#[get("/stats/trend")]
pub async fn trend(
    req: HttpRequest,
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<StatsQuery>,
) -> Result<HttpResponse, AppError> {
    caller.require(Action::Read)?;
    let format = Format::of(&req)?;
    let q = query.into_inner();
    let (code, year) = (q.region.clone(), q.year);
    let points = state
        .db
        .run(move |conn| {
            let (_, filter) = resolve(conn, &caller, &q.region, q.year, q.round)?;
            Ok(store::trend(conn, &filter)?
                .into_iter()
                .map(|t| TrendPoint {
                    execution_rate: execution_rate(&t.executed_amount, &t.adjusted_budget)
                        .as_ref()
                        .map(format_money),
                    round_id: t.round_id,
                    round_name: t.round_name,
                    cutoff_date: t.cutoff_date,
                    reports: t.reports,
                    adjusted_budget: format_money(&t.adjusted_budget),
                    executed_amount: format_money(&t.executed_amount),
                    lights: LightCounts {
                        red: t.red,
                        yellow: t.yellow,
                        green: t.green,
                        blue: t.blue,
                        none: t.none,
                    },
                })
                .collect::<Vec<_>>())
        })
        .await?;
    if format == Format::Json {
        return Ok(HttpResponse::Ok().json(points));
    }
    const COLUMNS: [Column; 12] = [
        Column::new("round_id", Kind::Text),
        Column::new("round_name", Kind::Text),
        Column::new("cutoff_date", Kind::Date),
        Column::new("reports", Kind::Integer),
        Column::new("adjusted_budget", Kind::Money),
        Column::new("executed_amount", Kind::Money),
        Column::new("execution_rate", Kind::Percent),
        Column::new("lights_red", Kind::Integer),
        Column::new("lights_yellow", Kind::Integer),
        Column::new("lights_green", Kind::Integer),
        Column::new("lights_blue", Kind::Integer),
        Column::new("lights_none", Kind::Integer),
    ];
    let cells = points
        .iter()
        .map(|p| {
            vec![
                Cell::text(p.round_id.to_string()),
                Cell::text(&p.round_name),
                Cell::Date(p.cutoff_date),
                Cell::Int(p.reports),
                money_cell(&p.adjusted_budget),
                money_cell(&p.executed_amount),
                p.execution_rate.as_deref().map_or(Cell::Empty, |r| {
                    parse_decimal(r, 2).map_or(Cell::Empty, Cell::Percent)
                }),
                Cell::Int(p.lights.red),
                Cell::Int(p.lights.yellow),
                Cell::Int(p.lights.green),
                Cell::Int(p.lights.blue),
                Cell::Int(p.lights.none),
            ]
        })
        .collect();
    export::table(format, &format!("trend-{code}-{year}"), &COLUMNS, cells)
}
