from enum import StrEnum


class Level1(StrEnum):
    EFFECT = "effect"
    OUTPUT = "output"
    SATISFACTION = "satisfaction"

    def __str__(self) -> str:
        return str(self.value)
