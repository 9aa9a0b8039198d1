from enum import StrEnum


class FindingCategory(StrEnum):
    IDLE_FUNDS = "idle_funds"
    NON_STANDARD_MANAGEMENT = "non_standard_management"
    OTHER = "other"
    SLOW_PROGRESS = "slow_progress"
    UNCLEAR_OBJECTIVES = "unclear_objectives"
    UNREASONABLE_TARGETS = "unreasonable_targets"

    def __str__(self) -> str:
        return str(self.value)
