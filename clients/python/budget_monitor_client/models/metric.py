from enum import StrEnum


class Metric(StrEnum):
    ENUMERATED = "enumerated"
    INSIDE_TARGET = "inside_target"
    PERCENTAGE_POINT_GAP = "percentage_point_gap"
    RATIO_TO_PRORATED = "ratio_to_prorated"

    def __str__(self) -> str:
        return str(self.value)
