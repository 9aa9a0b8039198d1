from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="LightCounts")


@_attrs_define
class LightCounts:
    """
    Attributes:
        blue (int):
        green (int):
        none (int): Not enough data for a light yet.
        red (int):
        yellow (int):
    """

    blue: int
    green: int
    none: int
    red: int
    yellow: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        blue = self.blue

        green = self.green

        none = self.none

        red = self.red

        yellow = self.yellow

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "blue": blue,
                "green": green,
                "none": none,
                "red": red,
                "yellow": yellow,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        blue = d.pop("blue")

        green = d.pop("green")

        none = d.pop("none")

        red = d.pop("red")

        yellow = d.pop("yellow")

        light_counts = cls(
            blue=blue,
            green=green,
            none=none,
            red=red,
            yellow=yellow,
        )

        light_counts.additional_properties = d
        return light_counts

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
