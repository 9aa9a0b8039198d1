//! What monitoring led to, added up for a region's year: target adjustments, results
//! application and the money it moved into next year's budgets, and policy revisions.

use actix_web::{HttpResponse, get, web};
use bigdecimal::BigDecimal;
use diesel::pg::PgConnection;
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::AppState;
use crate::auth::{Action, Caller};
use crate::domain::money::serde_money;
use crate::domain::results::{MEASURES, ResultMeasure};
use crate::error::AppError;
use crate::pagination::like_prefix;
use crate::schema::{
    inspection_opinions, inspections, projects, result_applications, target_adjustments,
};
use crate::stats::dto::RegionRef;
use crate::stats::store::StatFilter;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct ResultsStatsQuery {
    /// Region code; the caller's part of its subtree counts.
    #[param(example = "370000")]
    pub region: String,
    /// Fiscal year of the projects monitored.
    #[param(example = 2021, minimum = 2000, maximum = 2100)]
    pub year: i16,
}

#[derive(Debug, Clone, Default, Serialize, ToSchema)]
pub struct TargetAdjustmentCounts {
    pub requested: i64,
    pub approved: i64,
    pub rejected: i64,
    /// Requested and not yet decided.
    pub open: i64,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct MeasureCount {
    pub measure: ResultMeasure,
    pub count: i64,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ResultApplicationFigures {
    /// Projects whose results application is recorded.
    pub recorded: i64,
    /// Of those, decisions whose measures differ from the suggestion kept with them.
    pub differing_from_suggestion: i64,
    /// How many decisions name each measure (every measure listed, zeros included).
    pub by_measure: Vec<MeasureCount>,
    /// Yuan taken out of next year's budgets (the sum of the reductions, as a positive amount).
    #[serde(with = "serde_money")]
    #[schema(value_type = String, pattern = r"^-?[0-9]{1,16}(\.[0-9]{1,2})?$", example = "19000000.00")]
    pub next_year_budget_reduced: BigDecimal,
    /// Yuan added to next year's budgets.
    #[serde(with = "serde_money")]
    #[schema(value_type = String, pattern = r"^-?[0-9]{1,16}(\.[0-9]{1,2})?$", example = "0.00")]
    pub next_year_budget_raised: BigDecimal,
    /// Raised minus reduced.
    #[serde(with = "serde_money")]
    #[schema(value_type = String, pattern = r"^-?[0-9]{1,16}(\.[0-9]{1,2})?$", example = "-19000000.00")]
    pub next_year_budget_net: BigDecimal,
    /// Next year's projects registered so far that follow one of these next-year measures.
    pub next_year_projects_following: i64,
}

#[derive(Debug, Clone, Default, Serialize, ToSchema)]
pub struct PolicyRevisionCounts {
    /// Policy revisions suggested by key monitoring.
    pub suggested: i64,
    /// Of those, policies the department has revised.
    pub revised: i64,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({
    "region": {"code": "371100", "name": "Rizhao", "level": "city"}, "year": 2021,
    "target_adjustments": {"requested": 4, "approved": 3, "rejected": 1, "open": 0},
    "result_applications": {"recorded": 49, "differing_from_suggestion": 6,
        "by_measure": [{"measure": "rectify", "count": 31}, {"measure": "reduce_next_year_budget", "count": 5}],
        "next_year_budget_reduced": "19000000.00", "next_year_budget_raised": "0.00",
        "next_year_budget_net": "-19000000.00", "next_year_projects_following": 2},
    "policy_revisions": {"suggested": 23, "revised": 23}
}))]
pub struct ResultsFigures {
    pub region: RegionRef,
    pub year: i16,
    pub target_adjustments: TargetAdjustmentCounts,
    pub result_applications: ResultApplicationFigures,
    pub policy_revisions: PolicyRevisionCounts,
}

/// Restricts a query over a table with `project_id`, `region_path`, `region_id` and
/// `department_path` to the filter: the subtree, never a secret-related project, and a
/// department officer's own department.
macro_rules! within {
    ($q:expr, $f:expr, $table:ident) => {{
        let scope = crate::auth::ListScope::RegionSubtree($f.region_path.clone());
        let mut q = crate::visible!($q, &scope, $table, project_id);
        if let Some((region_id, path)) = &$f.department {
            q = q
                .filter($table::region_id.eq(*region_id))
                .filter($table::department_path.like(like_prefix(path)));
        }
        q
    }};
}

fn figures(conn: &mut PgConnection, f: &StatFilter) -> Result<ResultsFiguresParts, AppError> {
    let of_year = projects::table
        .filter(projects::fiscal_year.eq(f.year))
        .select(projects::id);
    let q = target_adjustments::table
        .filter(target_adjustments::project_id.eq_any(of_year))
        .select(target_adjustments::status)
        .into_boxed();
    let statuses: Vec<String> = within!(q, f, target_adjustments).load(conn)?;
    let count = |s: &str| statuses.iter().filter(|x| x.as_str() == s).count() as i64;
    let targets = TargetAdjustmentCounts {
        requested: statuses.len() as i64,
        approved: count("approved"),
        rejected: count("rejected"),
        open: count("requested"),
    };

    let q = result_applications::table
        .filter(result_applications::fiscal_year.eq(f.year))
        .select((
            result_applications::id,
            result_applications::measures,
            result_applications::suggested_measures,
            result_applications::next_year_budget_change,
        ))
        .into_boxed();
    type AppRow = (Uuid, Vec<String>, Vec<String>, Option<BigDecimal>);
    let apps: Vec<AppRow> = within!(q, f, result_applications).load(conn)?;
    let zero = BigDecimal::from(0);
    let (mut reduced, mut raised) = (zero.clone(), zero.clone());
    let mut differing = 0;
    for (_, measures, suggested, change) in &apps {
        if crate::domain::results::differs(measures, suggested) {
            differing += 1;
        }
        match change {
            Some(c) if *c < zero => reduced -= c,
            Some(c) => raised += c,
            None => {}
        }
    }
    let with_change: Vec<Uuid> = apps
        .iter()
        .filter(|(_, _, _, c)| c.is_some())
        .map(|(id, ..)| *id)
        .collect();
    let following: i64 = if with_change.is_empty() {
        0
    } else {
        projects::table
            .filter(projects::follows_application_id.eq_any(&with_change))
            .filter(projects::fiscal_year.eq(f.year + 1))
            .count()
            .get_result(conn)?
    };
    let applications = ResultApplicationFigures {
        recorded: apps.len() as i64,
        differing_from_suggestion: differing,
        by_measure: MEASURES
            .iter()
            .map(|m| MeasureCount {
                measure: *m,
                count: apps
                    .iter()
                    .filter(|(_, ms, ..)| ms.iter().any(|x| x == m.as_str()))
                    .count() as i64,
            })
            .collect(),
        next_year_budget_net: &raised - &reduced,
        next_year_budget_reduced: reduced,
        next_year_budget_raised: raised,
        next_year_projects_following: following,
    };

    let of_year = projects::table
        .filter(projects::fiscal_year.eq(f.year))
        .select(projects::id);
    let q = inspection_opinions::table
        .inner_join(inspections::table)
        .filter(inspection_opinions::kind.eq("policy_revision"))
        .filter(inspections::project_id.eq_any(of_year))
        .select(inspection_opinions::revised)
        .into_boxed();
    let revised: Vec<bool> = within!(q, f, inspections).load(conn)?;
    let policies = PolicyRevisionCounts {
        suggested: revised.len() as i64,
        revised: revised.iter().filter(|r| **r).count() as i64,
    };
    Ok((targets, applications, policies))
}

type ResultsFiguresParts = (
    TargetAdjustmentCounts,
    ResultApplicationFigures,
    PolicyRevisionCounts,
);

/// What monitoring led to in a region's year.
#[utoipa::path(
    tag = "statistics",
    operation_id = "get_stats_results",
    summary = "Results statistics of a region",
    description = "What the year's monitoring led to in the region's subtree as far as the caller \
                   sees it (a city officer asking about its province gets its city; a department \
                   officer its department): target adjustments requested, approved and rejected; \
                   results applications recorded, by measure, and how many differ from the \
                   suggestion; the money moved into next year's budgets (reduced, raised, net) \
                   and how many of next year's projects follow it; policy revisions suggested and \
                   revised. Secret-related projects are never counted. Counted from the records \
                   on each request: these tables hold one row per decision, not per report. \
                   Roles: admin, finance_officer, auditor, department_officer.",
    params(ResultsStatsQuery),
    responses((status = 200, description = "The figures", body = ResultsFigures)),
    extensions(("x-roles" = json!(["admin", "finance_officer", "auditor", "department_officer"])))
)]
#[get("/stats/results")]
pub async fn results_stats(
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<ResultsStatsQuery>,
) -> Result<HttpResponse, AppError> {
    caller.require(Action::Read)?;
    let q = query.into_inner();
    let out = state
        .db
        .run(move |conn| {
            let (region, filter) =
                crate::stats::routes::resolve(conn, &caller, &q.region, q.year, None)?;
            let (target_adjustments, result_applications, policy_revisions) =
                figures(conn, &filter)?;
            Ok(ResultsFigures {
                region: crate::stats::routes::region_ref(&region),
                year: q.year,
                target_adjustments,
                result_applications,
                policy_revisions,
            })
        })
        .await?;
    Ok(HttpResponse::Ok().json(out))
}
