from enum import StrEnum


class GetTargetAdjustmentReadConsistency(StrEnum):
    STRONG = "strong"

    def __str__(self) -> str:
        return str(self.value)
