from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="RectificationVerdict")


@_attrs_define
class RectificationVerdict:
    """
    Example:
        {'accept': True, 'comment': 'Plan and budget return checked'}

    Attributes:
        accept (bool): Accept the answer, or reject it back to the department.
        comment (str | Unset):
    """

    accept: bool
    comment: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        accept = self.accept

        comment = self.comment

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "accept": accept,
            }
        )
        if comment is not UNSET:
            field_dict["comment"] = comment

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        accept = d.pop("accept")

        comment = d.pop("comment", UNSET)

        rectification_verdict = cls(
            accept=accept,
            comment=comment,
        )

        return rectification_verdict
