from enum import StrEnum


class ListDepartmentReportsReadConsistency(StrEnum):
    STRONG = "strong"

    def __str__(self) -> str:
        return str(self.value)
