from enum import StrEnum


class DeviationReason(StrEnum):
    FACILITIES = "facilities"
    FUNDING = "funding"
    INSTITUTIONAL = "institutional"
    OTHER = "other"
    STAFFING = "staffing"

    def __str__(self) -> str:
        return str(self.value)
