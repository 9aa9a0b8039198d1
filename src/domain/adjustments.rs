//! Results application: fund adjustments and what they do to a project's budget and status.

use bigdecimal::BigDecimal;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::domain::money::format_money;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum AdjustmentKind {
    /// 调减: lower this year's budget.
    Reduce,
    /// 收回: take unspent money back.
    Recover,
    /// 调剂: move money to another project or a described destination.
    Reallocate,
    /// 暂缓拨付: hold disbursement.
    Suspend,
    /// 停止拨付: stop disbursement.
    Stop,
    /// 追加: add money.
    Increase,
}

impl AdjustmentKind {
    pub fn as_str(self) -> &'static str {
        match self {
            AdjustmentKind::Reduce => "reduce",
            AdjustmentKind::Recover => "recover",
            AdjustmentKind::Reallocate => "reallocate",
            AdjustmentKind::Suspend => "suspend",
            AdjustmentKind::Stop => "stop",
            AdjustmentKind::Increase => "increase",
        }
    }

    pub fn parse(text: &str) -> Option<AdjustmentKind> {
        use AdjustmentKind::*;
        [Reduce, Recover, Reallocate, Suspend, Stop, Increase]
            .into_iter()
            .find(|k| k.as_str() == text)
    }

    /// Whether the kind moves money (the others change the project's status).
    pub fn has_amount(self) -> bool {
        !matches!(self, AdjustmentKind::Suspend | AdjustmentKind::Stop)
    }

    /// The signed change to the project's own budget for `amount`.
    pub fn budget_change(self, amount: &BigDecimal) -> BigDecimal {
        match self {
            AdjustmentKind::Reduce | AdjustmentKind::Recover | AdjustmentKind::Reallocate => {
                -amount.clone()
            }
            AdjustmentKind::Increase => amount.clone(),
            AdjustmentKind::Suspend | AdjustmentKind::Stop => BigDecimal::from(0),
        }
    }
}

/// Refuses a budget change that would leave less than what has already been spent.
pub fn check_budget_floor(
    adjusted: &BigDecimal,
    change: &BigDecimal,
    executed: &BigDecimal,
) -> Result<(), String> {
    let after = adjusted + change;
    if after < *executed {
        return Err(format!(
            "would leave an adjusted budget of {} below the {} already executed",
            format_money(&after),
            format_money(executed)
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(v: &str) -> BigDecimal {
        v.parse().unwrap()
    }

    #[test]
    fn money_moves_the_right_way() {
        assert_eq!(AdjustmentKind::Reduce.budget_change(&d("100")), d("-100"));
        assert_eq!(AdjustmentKind::Recover.budget_change(&d("100")), d("-100"));
        assert_eq!(
            AdjustmentKind::Reallocate.budget_change(&d("100")),
            d("-100")
        );
        assert_eq!(AdjustmentKind::Increase.budget_change(&d("100")), d("100"));
        assert!(!AdjustmentKind::Stop.has_amount());
        assert!(AdjustmentKind::Reallocate.has_amount());
    }

    #[test]
    fn the_budget_cannot_fall_below_spending() {
        assert!(check_budget_floor(&d("1000"), &d("-400"), &d("600")).is_ok());
        let err = check_budget_floor(&d("1000"), &d("-400.01"), &d("600")).unwrap_err();
        assert!(err.contains("599.99") && err.contains("600.00"), "{err}");
    }
}
