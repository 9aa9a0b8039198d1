from enum import StrEnum


class UserOrder(StrEnum):
    USERNAME = "username"
    USERNAME_DESC = "-username"

    def __str__(self) -> str:
        return str(self.value)
