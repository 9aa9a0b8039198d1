from enum import StrEnum


class ListExecutionRecordsReadConsistency(StrEnum):
    STRONG = "strong"

    def __str__(self) -> str:
        return str(self.value)
