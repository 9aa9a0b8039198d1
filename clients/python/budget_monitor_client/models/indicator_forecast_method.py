from enum import StrEnum


class IndicatorForecastMethod(StrEnum):
    LATEST_VALUE = "latest_value"
    PACE = "pace"

    def __str__(self) -> str:
        return str(self.value)
