from enum import StrEnum


class ImportStatus(StrEnum):
    CREATED = "created"
    NOT_PROCESSED = "not_processed"
    REJECTED = "rejected"
    UNCHANGED = "unchanged"
    UPDATED = "updated"

    def __str__(self) -> str:
        return str(self.value)
