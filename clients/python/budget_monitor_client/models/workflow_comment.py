from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="WorkflowComment")


@_attrs_define
class WorkflowComment:
    """
    Example:
        {'comment': 'Give the reason why two bases are behind schedule'}

    Attributes:
        comment (str | Unset): Required when returning a report: what the department must fix.
    """

    comment: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        comment = self.comment

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if comment is not UNSET:
            field_dict["comment"] = comment

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        comment = d.pop("comment", UNSET)

        workflow_comment = cls(
            comment=comment,
        )

        return workflow_comment
