from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.light_counts import LightCounts


T = TypeVar("T", bound="LightsByCategory")


@_attrs_define
class LightsByCategory:
    """
    Attributes:
        budget (LightCounts):
        effect (LightCounts):
        output (LightCounts):
        overall (LightCounts):
        satisfaction (LightCounts):
    """

    budget: LightCounts
    effect: LightCounts
    output: LightCounts
    overall: LightCounts
    satisfaction: LightCounts
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        budget = self.budget.to_dict()

        effect = self.effect.to_dict()

        output = self.output.to_dict()

        overall = self.overall.to_dict()

        satisfaction = self.satisfaction.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "budget": budget,
                "effect": effect,
                "output": output,
                "overall": overall,
                "satisfaction": satisfaction,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.light_counts import LightCounts  # noqa: PLC0415

        d = dict(src_dict)
        budget = LightCounts.from_dict(d.pop("budget"))

        effect = LightCounts.from_dict(d.pop("effect"))

        output = LightCounts.from_dict(d.pop("output"))

        overall = LightCounts.from_dict(d.pop("overall"))

        satisfaction = LightCounts.from_dict(d.pop("satisfaction"))

        lights_by_category = cls(
            budget=budget,
            effect=effect,
            output=output,
            overall=overall,
            satisfaction=satisfaction,
        )

        lights_by_category.additional_properties = d
        return lights_by_category

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
