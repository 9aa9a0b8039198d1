from enum import StrEnum


class ListResultApplicationsReadConsistency(StrEnum):
    STRONG = "strong"

    def __str__(self) -> str:
        return str(self.value)
