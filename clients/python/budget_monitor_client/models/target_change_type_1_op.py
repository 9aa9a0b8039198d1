from enum import StrEnum


class TargetChangeType1Op(StrEnum):
    ADD = "add"

    def __str__(self) -> str:
        return str(self.value)
