from enum import StrEnum


class Role(StrEnum):
    ADMIN = "admin"
    AUDITOR = "auditor"
    DEPARTMENT_OFFICER = "department_officer"
    FINANCE_OFFICER = "finance_officer"

    def __str__(self) -> str:
        return str(self.value)
