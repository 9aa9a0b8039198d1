from enum import StrEnum


class GetDepartmentReportReadConsistency(StrEnum):
    STRONG = "strong"

    def __str__(self) -> str:
        return str(self.value)
