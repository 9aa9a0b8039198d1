from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.role import Role
from ..types import UNSET, Unset

T = TypeVar("T", bound="User")


@_attrs_define
class User:
    """
    Example:
        {'active': True, 'created_at': '2021-01-04T08:00:00Z', 'department_id': None, 'display_name': 'Wang Fang',
            'email': 'wang.fang@jnczj.example', 'id': '0193a0c4-7f43-7000-8000-0000000000b1', 'phone': None, 'region_code':
            '370100', 'role': 'finance_officer', 'updated_at': '2021-01-04T08:00:00Z', 'username': 'jinan.finance',
            'version': 1}

    Attributes:
        active (bool):
        created_at (datetime.datetime):
        display_name (str):
        id (UUID):
        role (Role):
        updated_at (datetime.datetime):
        username (str):
        version (int):
        department_id (None | Unset | UUID): The department a department officer is scoped to (with its units).
        email (None | str | Unset):
        phone (None | str | Unset):
        region_code (None | str | Unset): The region a finance officer or auditor is scoped to (with its subtree).
    """

    active: bool
    created_at: datetime.datetime
    display_name: str
    id: UUID
    role: Role
    updated_at: datetime.datetime
    username: str
    version: int
    department_id: None | Unset | UUID = UNSET
    email: None | str | Unset = UNSET
    phone: None | str | Unset = UNSET
    region_code: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        active = self.active

        created_at = self.created_at.isoformat()

        display_name = self.display_name

        id = str(self.id)

        role = self.role.value

        updated_at = self.updated_at.isoformat()

        username = self.username

        version = self.version

        department_id: None | str | Unset
        if isinstance(self.department_id, Unset):
            department_id = UNSET
        elif isinstance(self.department_id, UUID):
            department_id = str(self.department_id)
        else:
            department_id = self.department_id

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        phone: None | str | Unset
        if isinstance(self.phone, Unset):
            phone = UNSET
        else:
            phone = self.phone

        region_code: None | str | Unset
        if isinstance(self.region_code, Unset):
            region_code = UNSET
        else:
            region_code = self.region_code

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "active": active,
                "created_at": created_at,
                "display_name": display_name,
                "id": id,
                "role": role,
                "updated_at": updated_at,
                "username": username,
                "version": version,
            }
        )
        if department_id is not UNSET:
            field_dict["department_id"] = department_id
        if email is not UNSET:
            field_dict["email"] = email
        if phone is not UNSET:
            field_dict["phone"] = phone
        if region_code is not UNSET:
            field_dict["region_code"] = region_code

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        active = d.pop("active")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        display_name = d.pop("display_name")

        id = UUID(d.pop("id"))

        role = Role(d.pop("role"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        username = d.pop("username")

        version = d.pop("version")

        def _parse_department_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                department_id_type_0 = UUID(data)

                return department_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        department_id = _parse_department_id(d.pop("department_id", UNSET))

        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))

        def _parse_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phone = _parse_phone(d.pop("phone", UNSET))

        def _parse_region_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        region_code = _parse_region_code(d.pop("region_code", UNSET))

        user = cls(
            active=active,
            created_at=created_at,
            display_name=display_name,
            id=id,
            role=role,
            updated_at=updated_at,
            username=username,
            version=version,
            department_id=department_id,
            email=email,
            phone=phone,
            region_code=region_code,
        )

        user.additional_properties = d
        return user

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
