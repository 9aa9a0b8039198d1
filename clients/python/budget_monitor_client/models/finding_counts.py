from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.count_amount import CountAmount


T = TypeVar("T", bound="FindingCounts")


@_attrs_define
class FindingCounts:
    """
    Attributes:
        idle_funds (CountAmount):
        non_standard_management (CountAmount):
        other (CountAmount):
        slow_progress (CountAmount):
        unclear_objectives (CountAmount):
        unreasonable_targets (CountAmount):
    """

    idle_funds: CountAmount
    non_standard_management: CountAmount
    other: CountAmount
    slow_progress: CountAmount
    unclear_objectives: CountAmount
    unreasonable_targets: CountAmount
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        idle_funds = self.idle_funds.to_dict()

        non_standard_management = self.non_standard_management.to_dict()

        other = self.other.to_dict()

        slow_progress = self.slow_progress.to_dict()

        unclear_objectives = self.unclear_objectives.to_dict()

        unreasonable_targets = self.unreasonable_targets.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "idle_funds": idle_funds,
                "non_standard_management": non_standard_management,
                "other": other,
                "slow_progress": slow_progress,
                "unclear_objectives": unclear_objectives,
                "unreasonable_targets": unreasonable_targets,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.count_amount import CountAmount  # noqa: PLC0415

        d = dict(src_dict)
        idle_funds = CountAmount.from_dict(d.pop("idle_funds"))

        non_standard_management = CountAmount.from_dict(d.pop("non_standard_management"))

        other = CountAmount.from_dict(d.pop("other"))

        slow_progress = CountAmount.from_dict(d.pop("slow_progress"))

        unclear_objectives = CountAmount.from_dict(d.pop("unclear_objectives"))

        unreasonable_targets = CountAmount.from_dict(d.pop("unreasonable_targets"))

        finding_counts = cls(
            idle_funds=idle_funds,
            non_standard_management=non_standard_management,
            other=other,
            slow_progress=slow_progress,
            unclear_objectives=unclear_objectives,
            unreasonable_targets=unreasonable_targets,
        )

        finding_counts.additional_properties = d
        return finding_counts

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
