from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="NewDepartment")


@_attrs_define
class NewDepartment:
    """
    Example:
        {'code': 'KJT', 'name': 'Department of Science and Technology', 'region_code': '370000'}

    Attributes:
        code (str): Letters, digits, `_`, `.`, `-`; unique within the region.
        name (str):
        region_code (str):
        active (bool | Unset):
        classified (bool | Unset): Admins only. Units of a classified department are classified too.
        parent_id (None | Unset | UUID): Make this a unit of another department of the same region.
    """

    code: str
    name: str
    region_code: str
    active: bool | Unset = UNSET
    classified: bool | Unset = UNSET
    parent_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        name = self.name

        region_code = self.region_code

        active = self.active

        classified = self.classified

        parent_id: None | str | Unset
        if isinstance(self.parent_id, Unset):
            parent_id = UNSET
        elif isinstance(self.parent_id, UUID):
            parent_id = str(self.parent_id)
        else:
            parent_id = self.parent_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "code": code,
                "name": name,
                "region_code": region_code,
            }
        )
        if active is not UNSET:
            field_dict["active"] = active
        if classified is not UNSET:
            field_dict["classified"] = classified
        if parent_id is not UNSET:
            field_dict["parent_id"] = parent_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        name = d.pop("name")

        region_code = d.pop("region_code")

        active = d.pop("active", UNSET)

        classified = d.pop("classified", UNSET)

        def _parse_parent_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                parent_id_type_0 = UUID(data)

                return parent_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        parent_id = _parse_parent_id(d.pop("parent_id", UNSET))

        new_department = cls(
            code=code,
            name=name,
            region_code=region_code,
            active=active,
            classified=classified,
            parent_id=parent_id,
        )

        return new_department
