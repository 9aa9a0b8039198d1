from enum import StrEnum


class Grade(StrEnum):
    EXCELLENT = "excellent"
    FAIR = "fair"
    GOOD = "good"
    POOR = "poor"

    def __str__(self) -> str:
        return str(self.value)
