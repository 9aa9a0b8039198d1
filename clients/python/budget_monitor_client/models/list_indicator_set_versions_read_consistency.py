from enum import StrEnum


class ListIndicatorSetVersionsReadConsistency(StrEnum):
    STRONG = "strong"

    def __str__(self) -> str:
        return str(self.value)
