from enum import StrEnum


class Achievement(StrEnum):
    ACHIEVED = "achieved"
    NOT_ACHIEVED = "not_achieved"
    PARTLY_ACHIEVED = "partly_achieved"

    def __str__(self) -> str:
        return str(self.value)
