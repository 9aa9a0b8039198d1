from enum import StrEnum


class GetStatsDepartmentAssessmentReadConsistency(StrEnum):
    STRONG = "strong"

    def __str__(self) -> str:
        return str(self.value)
