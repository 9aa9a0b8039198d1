from enum import StrEnum


class GetKeyMonitoringHistoryReadConsistency(StrEnum):
    STRONG = "strong"

    def __str__(self) -> str:
        return str(self.value)
