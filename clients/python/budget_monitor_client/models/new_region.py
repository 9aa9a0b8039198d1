from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.region_level import RegionLevel
from ..types import UNSET, Unset

T = TypeVar("T", bound="NewRegion")


@_attrs_define
class NewRegion:
    """
    Example:
        {'code': '370100', 'level': 'city', 'name': 'Jinan', 'parent_code': '370000'}

    Attributes:
        code (str): GB/T 2260 code: `XX0000` for a province, `XXYY00` for a city, `XXYYZZ` for a county.
        level (RegionLevel):
        name (str):
        parent_code (None | str | Unset): Required for cities and counties; must be absent for a province.
    """

    code: str
    level: RegionLevel
    name: str
    parent_code: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        level = self.level.value

        name = self.name

        parent_code: None | str | Unset
        if isinstance(self.parent_code, Unset):
            parent_code = UNSET
        else:
            parent_code = self.parent_code

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "code": code,
                "level": level,
                "name": name,
            }
        )
        if parent_code is not UNSET:
            field_dict["parent_code"] = parent_code

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        level = RegionLevel(d.pop("level"))

        name = d.pop("name")

        def _parse_parent_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        parent_code = _parse_parent_code(d.pop("parent_code", UNSET))

        new_region = cls(
            code=code,
            level=level,
            name=name,
            parent_code=parent_code,
        )

        return new_region
