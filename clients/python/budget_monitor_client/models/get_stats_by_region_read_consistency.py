from enum import StrEnum


class GetStatsByRegionReadConsistency(StrEnum):
    STRONG = "strong"

    def __str__(self) -> str:
        return str(self.value)
