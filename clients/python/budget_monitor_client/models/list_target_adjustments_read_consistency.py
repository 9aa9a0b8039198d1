from enum import StrEnum


class ListTargetAdjustmentsReadConsistency(StrEnum):
    STRONG = "strong"

    def __str__(self) -> str:
        return str(self.value)
