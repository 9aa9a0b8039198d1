from enum import StrEnum


class ProjectOrder(StrEnum):
    BUDGET = "budget"
    BUDGET_DESC = "-budget"
    CODE = "code"
    CODE_DESC = "-code"
    NAME = "name"
    NAME_DESC = "-name"

    def __str__(self) -> str:
        return str(self.value)
