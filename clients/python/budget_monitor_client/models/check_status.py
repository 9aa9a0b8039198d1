from enum import StrEnum


class CheckStatus(StrEnum):
    OK = "ok"

    def __str__(self) -> str:
        return str(self.value)
