from enum import StrEnum


class ResultMeasure(StrEnum):
    ADJUST_TARGETS = "adjust_targets"
    CONTINUE = "continue"
    RAISE_NEXT_YEAR_BUDGET = "raise_next_year_budget"
    REALLOCATE_FUNDS = "reallocate_funds"
    RECOVER_FUNDS = "recover_funds"
    RECTIFY = "rectify"
    REDUCE_FUNDS = "reduce_funds"
    REDUCE_NEXT_YEAR_BUDGET = "reduce_next_year_budget"
    REVISE_POLICY = "revise_policy"
    STOP_FUNDS = "stop_funds"
    SUSPEND_FUNDS = "suspend_funds"

    def __str__(self) -> str:
        return str(self.value)
