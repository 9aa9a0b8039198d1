from enum import StrEnum


class OpinionKind(StrEnum):
    OPINION = "opinion"
    POLICY_REVISION = "policy_revision"
    SUGGESTION = "suggestion"

    def __str__(self) -> str:
        return str(self.value)
