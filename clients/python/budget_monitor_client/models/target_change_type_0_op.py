from enum import StrEnum


class TargetChangeType0Op(StrEnum):
    CHANGE = "change"

    def __str__(self) -> str:
        return str(self.value)
