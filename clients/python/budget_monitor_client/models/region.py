from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.region_level import RegionLevel
from ..types import UNSET, Unset

T = TypeVar("T", bound="Region")


@_attrs_define
class Region:
    """
    Example:
        {'code': '370100', 'created_at': '2021-01-04T08:00:00Z', 'id': '0193a0c4-7f43-7000-8000-000000000001', 'level':
            'city', 'name': 'Jinan', 'parent_code': '370000', 'updated_at': '2021-01-04T08:00:00Z', 'version': 1}

    Attributes:
        code (str): GB/T 2260 code.
        created_at (datetime.datetime):
        id (UUID):
        level (RegionLevel):
        name (str):
        updated_at (datetime.datetime):
        version (int): Changes on every update; the `ETag` header carries it too.
        parent_code (None | str | Unset): Code of the parent region; null for a province.
    """

    code: str
    created_at: datetime.datetime
    id: UUID
    level: RegionLevel
    name: str
    updated_at: datetime.datetime
    version: int
    parent_code: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        created_at = self.created_at.isoformat()

        id = str(self.id)

        level = self.level.value

        name = self.name

        updated_at = self.updated_at.isoformat()

        version = self.version

        parent_code: None | str | Unset
        if isinstance(self.parent_code, Unset):
            parent_code = UNSET
        else:
            parent_code = self.parent_code

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "created_at": created_at,
                "id": id,
                "level": level,
                "name": name,
                "updated_at": updated_at,
                "version": version,
            }
        )
        if parent_code is not UNSET:
            field_dict["parent_code"] = parent_code

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = UUID(d.pop("id"))

        level = RegionLevel(d.pop("level"))

        name = d.pop("name")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        def _parse_parent_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        parent_code = _parse_parent_code(d.pop("parent_code", UNSET))

        region = cls(
            code=code,
            created_at=created_at,
            id=id,
            level=level,
            name=name,
            updated_at=updated_at,
            version=version,
            parent_code=parent_code,
        )

        region.additional_properties = d
        return region

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
