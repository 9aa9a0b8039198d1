from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PolicyRevisionCounts")


@_attrs_define
class PolicyRevisionCounts:
    """
    Attributes:
        revised (int): Of those, policies the department has revised.
        suggested (int): Policy revisions suggested by key monitoring.
    """

    revised: int
    suggested: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        revised = self.revised

        suggested = self.suggested

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "revised": revised,
                "suggested": suggested,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        revised = d.pop("revised")

        suggested = d.pop("suggested")

        policy_revision_counts = cls(
            revised=revised,
            suggested=suggested,
        )

        policy_revision_counts.additional_properties = d
        return policy_revision_counts

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
