from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Change")


@_attrs_define
class Change:
    """
    Attributes:
        action (str): e.g. `report.submitted`, `rectification.answered`.
        cursor (str): The position of this change: pass it as `after` to continue after it. Example:
            7719-01a23ec0-27de-740c-bede-53551fdc4d95.
        event_id (UUID): The audit event (`/audit-events?entity_id=…` has its before and after).
        object_type (str):
        occurred_at (datetime.datetime):
        object_id (None | str | Unset):
        project_id (None | Unset | UUID):
        region_code (None | str | Unset):
    """

    action: str
    cursor: str
    event_id: UUID
    object_type: str
    occurred_at: datetime.datetime
    object_id: None | str | Unset = UNSET
    project_id: None | Unset | UUID = UNSET
    region_code: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        action = self.action

        cursor = self.cursor

        event_id = str(self.event_id)

        object_type = self.object_type

        occurred_at = self.occurred_at.isoformat()

        object_id: None | str | Unset
        if isinstance(self.object_id, Unset):
            object_id = UNSET
        else:
            object_id = self.object_id

        project_id: None | str | Unset
        if isinstance(self.project_id, Unset):
            project_id = UNSET
        elif isinstance(self.project_id, UUID):
            project_id = str(self.project_id)
        else:
            project_id = self.project_id

        region_code: None | str | Unset
        if isinstance(self.region_code, Unset):
            region_code = UNSET
        else:
            region_code = self.region_code

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "action": action,
                "cursor": cursor,
                "event_id": event_id,
                "object_type": object_type,
                "occurred_at": occurred_at,
            }
        )
        if object_id is not UNSET:
            field_dict["object_id"] = object_id
        if project_id is not UNSET:
            field_dict["project_id"] = project_id
        if region_code is not UNSET:
            field_dict["region_code"] = region_code

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        action = d.pop("action")

        cursor = d.pop("cursor")

        event_id = UUID(d.pop("event_id"))

        object_type = d.pop("object_type")

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        def _parse_object_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        object_id = _parse_object_id(d.pop("object_id", UNSET))

        def _parse_project_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                project_id_type_0 = UUID(data)

                return project_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        project_id = _parse_project_id(d.pop("project_id", UNSET))

        def _parse_region_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        region_code = _parse_region_code(d.pop("region_code", UNSET))

        change = cls(
            action=action,
            cursor=cursor,
            event_id=event_id,
            object_type=object_type,
            occurred_at=occurred_at,
            object_id=object_id,
            project_id=project_id,
            region_code=region_code,
        )

        change.additional_properties = d
        return change

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
