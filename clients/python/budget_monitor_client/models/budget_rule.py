from enum import StrEnum


class BudgetRule(StrEnum):
    BUDGET_EXECUTION = "budget_execution"
    BUDGET_EXECUTION_GAP = "budget_execution_gap"

    def __str__(self) -> str:
        return str(self.value)
