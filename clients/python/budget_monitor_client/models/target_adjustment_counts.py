from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="TargetAdjustmentCounts")


@_attrs_define
class TargetAdjustmentCounts:
    """
    Attributes:
        approved (int):
        open_ (int): Requested and not yet decided.
        rejected (int):
        requested (int):
    """

    approved: int
    open_: int
    rejected: int
    requested: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        approved = self.approved

        open_ = self.open_

        rejected = self.rejected

        requested = self.requested

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "approved": approved,
                "open": open_,
                "rejected": rejected,
                "requested": requested,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        approved = d.pop("approved")

        open_ = d.pop("open")

        rejected = d.pop("rejected")

        requested = d.pop("requested")

        target_adjustment_counts = cls(
            approved=approved,
            open_=open_,
            rejected=rejected,
            requested=requested,
        )

        target_adjustment_counts.additional_properties = d
        return target_adjustment_counts

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
