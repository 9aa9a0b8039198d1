from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.achievement import Achievement
from ..types import UNSET, Unset

T = TypeVar("T", bound="IndicatorValue")


@_attrs_define
class IndicatorValue:
    """
    Example:
        {'achievement': None, 'created_at': '2021-07-26T01:00:00Z', 'external_ref': 'QDJT-2021-07-25-014', 'id':
            '0193a0c4-7f43-7000-8000-0000000000f1', 'indicator_id': '0193a0c4-7f43-7000-8000-0000000000c1', 'measured_on':
            '2021-07-25', 'project_id': '0193a0c4-7f43-7000-8000-0000000000e1', 'region_code': '370200', 'source_system':
            'qingdao-transport', 'value': '18'}

    Attributes:
        created_at (datetime.datetime):
        external_ref (str):
        id (UUID):
        indicator_id (UUID):
        measured_on (datetime.date):
        project_id (UUID):
        region_code (str):
        source_system (str):
        achievement (Achievement | None | Unset):
        value (None | str | Unset):
    """

    created_at: datetime.datetime
    external_ref: str
    id: UUID
    indicator_id: UUID
    measured_on: datetime.date
    project_id: UUID
    region_code: str
    source_system: str
    achievement: Achievement | None | Unset = UNSET
    value: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        external_ref = self.external_ref

        id = str(self.id)

        indicator_id = str(self.indicator_id)

        measured_on = self.measured_on.isoformat()

        project_id = str(self.project_id)

        region_code = self.region_code

        source_system = self.source_system

        achievement: None | str | Unset
        if isinstance(self.achievement, Unset):
            achievement = UNSET
        elif isinstance(self.achievement, Achievement):
            achievement = self.achievement.value
        else:
            achievement = self.achievement

        value: None | str | Unset
        if isinstance(self.value, Unset):
            value = UNSET
        else:
            value = self.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "external_ref": external_ref,
                "id": id,
                "indicator_id": indicator_id,
                "measured_on": measured_on,
                "project_id": project_id,
                "region_code": region_code,
                "source_system": source_system,
            }
        )
        if achievement is not UNSET:
            field_dict["achievement"] = achievement
        if value is not UNSET:
            field_dict["value"] = value

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        external_ref = d.pop("external_ref")

        id = UUID(d.pop("id"))

        indicator_id = UUID(d.pop("indicator_id"))

        measured_on = datetime.date.fromisoformat(d.pop("measured_on"))

        project_id = UUID(d.pop("project_id"))

        region_code = d.pop("region_code")

        source_system = d.pop("source_system")

        def _parse_achievement(data: object) -> Achievement | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                achievement_type_0 = Achievement(data)

                return achievement_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Achievement | None | Unset, data)

        achievement = _parse_achievement(d.pop("achievement", UNSET))

        def _parse_value(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        value = _parse_value(d.pop("value", UNSET))

        indicator_value = cls(
            created_at=created_at,
            external_ref=external_ref,
            id=id,
            indicator_id=indicator_id,
            measured_on=measured_on,
            project_id=project_id,
            region_code=region_code,
            source_system=source_system,
            achievement=achievement,
            value=value,
        )

        indicator_value.additional_properties = d
        return indicator_value

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
