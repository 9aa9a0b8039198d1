from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.achievement import Achievement
from ..types import UNSET, Unset

T = TypeVar("T", bound="NewIndicatorValue")


@_attrs_define
class NewIndicatorValue:
    """One measured value. The indicator is named by id, or by its project (region code, fiscal
    year and project code) and its name.

        Example:
            {'external_ref': 'QDJT-2021-07-25-014', 'fiscal_year': 2021, 'indicator_name': 'Bus lanes opened',
                'measured_on': '2021-07-25', 'project_code': 'QD2021-JT-014', 'region_code': '370200', 'source_system':
                'qingdao-transport', 'value': '18'}

        Attributes:
            external_ref (str): The sender's id of the value, unique per indicator: a resent value is recognised by it.
            measured_on (datetime.date): When the value was measured; the latest value up to a round's cut-off is the one
                used.
            source_system (str): The business system that measured it.
            achievement (Achievement | None | Unset):
            fiscal_year (int | None | Unset):
            indicator_id (None | Unset | UUID):
            indicator_name (None | str | Unset): The indicator's name within its project.
            project_code (None | str | Unset):
            region_code (None | str | Unset):
            value (None | str | Unset): For numeric indicators.
    """

    external_ref: str
    measured_on: datetime.date
    source_system: str
    achievement: Achievement | None | Unset = UNSET
    fiscal_year: int | None | Unset = UNSET
    indicator_id: None | Unset | UUID = UNSET
    indicator_name: None | str | Unset = UNSET
    project_code: None | str | Unset = UNSET
    region_code: None | str | Unset = UNSET
    value: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        external_ref = self.external_ref

        measured_on = self.measured_on.isoformat()

        source_system = self.source_system

        achievement: None | str | Unset
        if isinstance(self.achievement, Unset):
            achievement = UNSET
        elif isinstance(self.achievement, Achievement):
            achievement = self.achievement.value
        else:
            achievement = self.achievement

        fiscal_year: int | None | Unset
        if isinstance(self.fiscal_year, Unset):
            fiscal_year = UNSET
        else:
            fiscal_year = self.fiscal_year

        indicator_id: None | str | Unset
        if isinstance(self.indicator_id, Unset):
            indicator_id = UNSET
        elif isinstance(self.indicator_id, UUID):
            indicator_id = str(self.indicator_id)
        else:
            indicator_id = self.indicator_id

        indicator_name: None | str | Unset
        if isinstance(self.indicator_name, Unset):
            indicator_name = UNSET
        else:
            indicator_name = self.indicator_name

        project_code: None | str | Unset
        if isinstance(self.project_code, Unset):
            project_code = UNSET
        else:
            project_code = self.project_code

        region_code: None | str | Unset
        if isinstance(self.region_code, Unset):
            region_code = UNSET
        else:
            region_code = self.region_code

        value: None | str | Unset
        if isinstance(self.value, Unset):
            value = UNSET
        else:
            value = self.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "external_ref": external_ref,
                "measured_on": measured_on,
                "source_system": source_system,
            }
        )
        if achievement is not UNSET:
            field_dict["achievement"] = achievement
        if fiscal_year is not UNSET:
            field_dict["fiscal_year"] = fiscal_year
        if indicator_id is not UNSET:
            field_dict["indicator_id"] = indicator_id
        if indicator_name is not UNSET:
            field_dict["indicator_name"] = indicator_name
        if project_code is not UNSET:
            field_dict["project_code"] = project_code
        if region_code is not UNSET:
            field_dict["region_code"] = region_code
        if value is not UNSET:
            field_dict["value"] = value

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        external_ref = d.pop("external_ref")

        measured_on = datetime.date.fromisoformat(d.pop("measured_on"))

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

        def _parse_fiscal_year(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        fiscal_year = _parse_fiscal_year(d.pop("fiscal_year", UNSET))

        def _parse_indicator_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                indicator_id_type_0 = UUID(data)

                return indicator_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        indicator_id = _parse_indicator_id(d.pop("indicator_id", UNSET))

        def _parse_indicator_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        indicator_name = _parse_indicator_name(d.pop("indicator_name", UNSET))

        def _parse_project_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        project_code = _parse_project_code(d.pop("project_code", UNSET))

        def _parse_region_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        region_code = _parse_region_code(d.pop("region_code", UNSET))

        def _parse_value(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        value = _parse_value(d.pop("value", UNSET))

        new_indicator_value = cls(
            external_ref=external_ref,
            measured_on=measured_on,
            source_system=source_system,
            achievement=achievement,
            fiscal_year=fiscal_year,
            indicator_id=indicator_id,
            indicator_name=indicator_name,
            project_code=project_code,
            region_code=region_code,
            value=value,
        )

        return new_indicator_value
