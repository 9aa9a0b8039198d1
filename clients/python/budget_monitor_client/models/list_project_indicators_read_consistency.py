from enum import StrEnum


class ListProjectIndicatorsReadConsistency(StrEnum):
    STRONG = "strong"

    def __str__(self) -> str:
        return str(self.value)
