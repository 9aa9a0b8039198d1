from enum import StrEnum


class CheckSeverity(StrEnum):
    ERROR = "error"
    OFF = "off"
    WARNING = "warning"

    def __str__(self) -> str:
        return str(self.value)
