from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="DepartmentChanges")


@_attrs_define
class DepartmentChanges:
    """Code, region and parent are fixed once created.

    Example:
        {'active': True, 'name': 'Department of Science and Technology'}

    Attributes:
        active (bool | None | Unset):
        classified (bool | None | Unset): Admins only; setting it also classifies the department's units.
        name (None | str | Unset):
    """

    active: bool | None | Unset = UNSET
    classified: bool | None | Unset = UNSET
    name: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        active: bool | None | Unset
        if isinstance(self.active, Unset):
            active = UNSET
        else:
            active = self.active

        classified: bool | None | Unset
        if isinstance(self.classified, Unset):
            classified = UNSET
        else:
            classified = self.classified

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if active is not UNSET:
            field_dict["active"] = active
        if classified is not UNSET:
            field_dict["classified"] = classified
        if name is not UNSET:
            field_dict["name"] = name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_active(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        active = _parse_active(d.pop("active", UNSET))

        def _parse_classified(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        classified = _parse_classified(d.pop("classified", UNSET))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        department_changes = cls(
            active=active,
            classified=classified,
            name=name,
        )

        return department_changes
