from enum import StrEnum


class DepartmentOrder(StrEnum):
    CODE = "code"
    CODE_DESC = "-code"
    NAME = "name"
    NAME_DESC = "-name"

    def __str__(self) -> str:
        return str(self.value)
