//! What the demo's provincial key monitoring led to: a results application for each key-monitored
//! provincial project, a handful of them cutting next year's budget (the seed: "monitoring
//! results will be linked to budget arrangements").

use bigdecimal::BigDecimal;
use diesel::pg::PgConnection;
use uuid::Uuid;

use super::plan::Plan;
use super::{Ids, SeedError};
use crate::auth::Caller;
use crate::domain::results::ResultMeasure;
use crate::results::dto::NewResultApplication;

/// How many provincial projects have next year's budget cut.
const NEXT_YEAR_CUTS: usize = 5;

/// Records the applications; returns (recorded, with a next-year cut).
pub fn record(
    conn: &mut PgConnection,
    plan: &Plan,
    ids: &Ids,
    round_id: Uuid,
    officer: &Caller,
) -> Result<(usize, usize), SeedError> {
    let provincial = plan
        .projects
        .iter()
        .enumerate()
        .filter(|(_, p)| p.key.is_some())
        .filter(|(_, p)| {
            let dept = &plan.departments[p.department];
            dept.region == 0 && !dept.classified
        });
    let (mut recorded, mut cuts) = (0, 0);
    for (i, p) in provincial {
        let cut = cuts < NEXT_YEAR_CUTS;
        // A tenth of this year's budget, in whole ten thousands of yuan.
        let change = cut.then(|| BigDecimal::from(-(p.budget / 10 / 10_000 * 10_000)));
        let (measures, text) = if cut {
            (
                vec![ResultMeasure::Rectify, ResultMeasure::ReduceNextYearBudget],
                "Targets missed at mid-year: rectify, and the 2022 budget is cut by a tenth.",
            )
        } else {
            (
                vec![ResultMeasure::Rectify],
                "Rectify the problems found; next year's budget as planned.",
            )
        };
        crate::results::service::record(
            conn,
            officer,
            &NewResultApplication {
                round_id,
                project_id: ids.projects[i],
                measures,
                text: text.to_owned(),
                next_year_budget_change: change,
                adjustment_id: None,
            },
        )?;
        recorded += 1;
        if cut {
            cuts += 1;
        }
    }
    Ok((recorded, cuts))
}
