from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.light import Light
from ..types import UNSET, Unset

T = TypeVar("T", bound="Band")


@_attrs_define
class Band:
    """
    Attributes:
        light (Light):
        at_most (None | str | Unset): Values up to this (inclusive) fall in the band. Example: 10.
        below (None | str | Unset): Values below this (exclusive) fall in the band. Example: 60.
    """

    light: Light
    at_most: None | str | Unset = UNSET
    below: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        light = self.light.value

        at_most: None | str | Unset
        if isinstance(self.at_most, Unset):
            at_most = UNSET
        else:
            at_most = self.at_most

        below: None | str | Unset
        if isinstance(self.below, Unset):
            below = UNSET
        else:
            below = self.below

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "light": light,
            }
        )
        if at_most is not UNSET:
            field_dict["at_most"] = at_most
        if below is not UNSET:
            field_dict["below"] = below

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        light = Light(d.pop("light"))

        def _parse_at_most(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        at_most = _parse_at_most(d.pop("at_most", UNSET))

        def _parse_below(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        below = _parse_below(d.pop("below", UNSET))

        band = cls(
            light=light,
            at_most=at_most,
            below=below,
        )

        return band
