from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="PasswordReset")


@_attrs_define
class PasswordReset:
    """
    Example:
        {'new_password': 'Kjj-2021-reset-01'}

    Attributes:
        new_password (str): At least 10 characters and not the username.
    """

    new_password: str

    def to_dict(self) -> dict[str, Any]:
        new_password = self.new_password

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "new_password": new_password,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        new_password = d.pop("new_password")

        password_reset = cls(
            new_password=new_password,
        )

        return password_reset
