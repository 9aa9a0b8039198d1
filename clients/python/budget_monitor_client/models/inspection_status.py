from enum import StrEnum


class InspectionStatus(StrEnum):
    CONCLUDED = "concluded"
    IN_PROGRESS = "in_progress"
    PLANNED = "planned"

    def __str__(self) -> str:
        return str(self.value)
