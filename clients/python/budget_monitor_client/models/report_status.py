from enum import StrEnum


class ReportStatus(StrEnum):
    APPROVED = "approved"
    DRAFT = "draft"
    RETURNED = "returned"
    SUBMITTED = "submitted"

    def __str__(self) -> str:
        return str(self.value)
