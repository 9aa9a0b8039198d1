from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PageDepartmentItemsItem")


@_attrs_define
class PageDepartmentItemsItem:
    """
    Example:
        {'active': True, 'classified': False, 'code': 'KJT', 'created_at': '2021-01-04T08:00:00Z', 'id':
            '0193a0c4-7f43-7000-8000-0000000000a1', 'name': 'Department of Science and Technology', 'parent_id': None,
            'region_code': '370000', 'updated_at': '2021-01-04T08:00:00Z', 'version': 1}

    Attributes:
        active (bool):
        classified (bool): Secret-related: excluded from monitoring, statistics and exports; visible only to admins
            and the department's own officers.
        code (str): Unique within the region.
        created_at (datetime.datetime):
        id (UUID):
        name (str):
        region_code (str): Code of the region the department belongs to.
        updated_at (datetime.datetime):
        version (int):
        parent_id (None | Unset | UUID): The department this unit belongs to; null for a top-level department.
    """

    active: bool
    classified: bool
    code: str
    created_at: datetime.datetime
    id: UUID
    name: str
    region_code: str
    updated_at: datetime.datetime
    version: int
    parent_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        active = self.active

        classified = self.classified

        code = self.code

        created_at = self.created_at.isoformat()

        id = str(self.id)

        name = self.name

        region_code = self.region_code

        updated_at = self.updated_at.isoformat()

        version = self.version

        parent_id: None | str | Unset
        if isinstance(self.parent_id, Unset):
            parent_id = UNSET
        elif isinstance(self.parent_id, UUID):
            parent_id = str(self.parent_id)
        else:
            parent_id = self.parent_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "active": active,
                "classified": classified,
                "code": code,
                "created_at": created_at,
                "id": id,
                "name": name,
                "region_code": region_code,
                "updated_at": updated_at,
                "version": version,
            }
        )
        if parent_id is not UNSET:
            field_dict["parent_id"] = parent_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        active = d.pop("active")

        classified = d.pop("classified")

        code = d.pop("code")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = UUID(d.pop("id"))

        name = d.pop("name")

        region_code = d.pop("region_code")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

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

        page_department_items_item = cls(
            active=active,
            classified=classified,
            code=code,
            created_at=created_at,
            id=id,
            name=name,
            region_code=region_code,
            updated_at=updated_at,
            version=version,
            parent_id=parent_id,
        )

        page_department_items_item.additional_properties = d
        return page_department_items_item

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
