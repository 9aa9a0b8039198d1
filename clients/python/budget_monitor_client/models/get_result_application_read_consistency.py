from enum import StrEnum


class GetResultApplicationReadConsistency(StrEnum):
    STRONG = "strong"

    def __str__(self) -> str:
        return str(self.value)
