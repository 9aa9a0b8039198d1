from enum import StrEnum


class ListIndicatorValuesReadConsistency(StrEnum):
    STRONG = "strong"

    def __str__(self) -> str:
        return str(self.value)
