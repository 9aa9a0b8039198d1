from enum import StrEnum


class Light(StrEnum):
    BLUE = "blue"
    GREEN = "green"
    NONE = "none"
    RED = "red"
    YELLOW = "yellow"

    def __str__(self) -> str:
        return str(self.value)
