from enum import StrEnum


class Likelihood(StrEnum):
    CERTAIN = "certain"
    IMPOSSIBLE = "impossible"
    POSSIBLE = "possible"

    def __str__(self) -> str:
        return str(self.value)
