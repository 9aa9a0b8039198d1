from enum import StrEnum


class RecordStatus(StrEnum):
    CREATED = "created"
    DUPLICATE = "duplicate"
    NOT_PROCESSED = "not_processed"
    REJECTED = "rejected"

    def __str__(self) -> str:
        return str(self.value)
