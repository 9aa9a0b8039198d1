from enum import StrEnum


class TargetChangeType2Op(StrEnum):
    RETIRE = "retire"

    def __str__(self) -> str:
        return str(self.value)
