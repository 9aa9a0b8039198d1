from enum import StrEnum


class RegionLevel(StrEnum):
    CITY = "city"
    COUNTY = "county"
    PROVINCE = "province"

    def __str__(self) -> str:
        return str(self.value)
