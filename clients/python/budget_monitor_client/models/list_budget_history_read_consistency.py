from enum import StrEnum


class ListBudgetHistoryReadConsistency(StrEnum):
    STRONG = "strong"

    def __str__(self) -> str:
        return str(self.value)
