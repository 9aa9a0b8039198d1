from enum import StrEnum


class GetStatsOverviewReadConsistency(StrEnum):
    STRONG = "strong"

    def __str__(self) -> str:
        return str(self.value)
