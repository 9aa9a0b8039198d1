from enum import StrEnum


class CheckKey(StrEnum):
    ACTUAL_OUT_OF_SCALE = "actual_out_of_scale"
    BEHIND_WITHOUT_REASONS = "behind_without_reasons"
    EXECUTED_OVER_BUDGET = "executed_over_budget"
    FORECAST_BELOW_SPENT = "forecast_below_spent"
    FORECAST_OVER_BUDGET = "forecast_over_budget"
    QUALITATIVE_WITHOUT_VALUE = "qualitative_without_value"
    RED_WITHOUT_MEASURES = "red_without_measures"

    def __str__(self) -> str:
        return str(self.value)
