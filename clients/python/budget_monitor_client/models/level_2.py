from enum import StrEnum


class Level2(StrEnum):
    BENEFICIARY_SATISFACTION = "beneficiary_satisfaction"
    COST = "cost"
    ECOLOGICAL = "ecological"
    ECONOMIC = "economic"
    QUALITY = "quality"
    QUANTITY = "quantity"
    SOCIAL = "social"
    SUSTAINABILITY = "sustainability"
    TIMELINESS = "timeliness"

    def __str__(self) -> str:
        return str(self.value)
