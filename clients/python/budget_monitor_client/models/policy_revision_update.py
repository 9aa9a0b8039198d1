from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="PolicyRevisionUpdate")


@_attrs_define
class PolicyRevisionUpdate:
    """
    Example:
        {'note': 'Revised rules published on 2021-11-02.', 'revised': True}

    Attributes:
        revised (bool):
        note (str | Unset):
    """

    revised: bool
    note: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        revised = self.revised

        note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "revised": revised,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        revised = d.pop("revised")

        note = d.pop("note", UNSET)

        policy_revision_update = cls(
            revised=revised,
            note=note,
        )

        return policy_revision_update
