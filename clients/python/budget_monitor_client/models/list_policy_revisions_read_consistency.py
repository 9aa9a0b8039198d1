from enum import StrEnum


class ListPolicyRevisionsReadConsistency(StrEnum):
    STRONG = "strong"

    def __str__(self) -> str:
        return str(self.value)
