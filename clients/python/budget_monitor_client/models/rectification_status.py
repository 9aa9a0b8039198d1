from enum import StrEnum


class RectificationStatus(StrEnum):
    ACCEPTED = "accepted"
    ANSWERED = "answered"
    OPEN = "open"

    def __str__(self) -> str:
        return str(self.value)
