from enum import StrEnum


class GetStatsByDepartmentReadConsistency(StrEnum):
    STRONG = "strong"

    def __str__(self) -> str:
        return str(self.value)
