from enum import StrEnum


class AdjustmentKind(StrEnum):
    INCREASE = "increase"
    REALLOCATE = "reallocate"
    RECOVER = "recover"
    REDUCE = "reduce"
    STOP = "stop"
    SUSPEND = "suspend"

    def __str__(self) -> str:
        return str(self.value)
