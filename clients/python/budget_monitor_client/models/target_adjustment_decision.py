from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="TargetAdjustmentDecision")


@_attrs_define
class TargetAdjustmentDecision:
    """
    Example:
        {'comment': 'Agreed: the park opens in 2022.'}

    Attributes:
        comment (str | Unset): Required to reject.
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

        target_adjustment_decision = cls(
            comment=comment,
        )

        return target_adjustment_decision
