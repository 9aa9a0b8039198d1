from enum import StrEnum


class ForecastMethod(StrEnum):
    SPENDING_PACE = "spending_pace"

    def __str__(self) -> str:
        return str(self.value)
