from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.comparator import Comparator
from ..models.level_1 import Level1
from ..models.level_2 import Level2
from ..types import UNSET, Unset

T = TypeVar("T", bound="Indicator")


@_attrs_define
class Indicator:
    """
    Example:
        {'accrues': True, 'comparator': '>=', 'created_at': '2021-01-05T02:10:00Z', 'id':
            '0193a0c4-7f43-7000-8000-0000000000c1', 'level1': 'output', 'level2': 'quantity', 'measurement': 'Bases accepted
            by the provincial emergency department', 'name': 'Rescue bases built', 'project_id':
            '0193a0c4-7f43-7000-8000-0000000000e1', 'target_text': None, 'target_value': '8', 'unit': 'bases', 'updated_at':
            '2021-01-05T02:10:00Z', 'version': 1, 'weight': '60'}

    Attributes:
        accrues (bool): Whether the target accrues over the year (pro-rated at a cut-off).
        comparator (Comparator):
        created_at (datetime.datetime):
        id (UUID):
        level1 (Level1):
        level2 (Level2):
        measurement (str): How the indicator is measured.
        name (str): The level-3 indicator.
        project_id (UUID):
        unit (str):
        updated_at (datetime.datetime):
        version (int):
        weight (str): Share of the 90 points of a project's indicators. Example: 20.
        target_text (None | str | Unset): The target in words for qualitative indicators.
        target_value (None | str | Unset): Numeric target for `>=`, `>`, `=`, `<`, `<=`; null for qualitative
            indicators. Example: 120.
    """

    accrues: bool
    comparator: Comparator
    created_at: datetime.datetime
    id: UUID
    level1: Level1
    level2: Level2
    measurement: str
    name: str
    project_id: UUID
    unit: str
    updated_at: datetime.datetime
    version: int
    weight: str
    target_text: None | str | Unset = UNSET
    target_value: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        accrues = self.accrues

        comparator = self.comparator.value

        created_at = self.created_at.isoformat()

        id = str(self.id)

        level1 = self.level1.value

        level2 = self.level2.value

        measurement = self.measurement

        name = self.name

        project_id = str(self.project_id)

        unit = self.unit

        updated_at = self.updated_at.isoformat()

        version = self.version

        weight = self.weight

        target_text: None | str | Unset
        if isinstance(self.target_text, Unset):
            target_text = UNSET
        else:
            target_text = self.target_text

        target_value: None | str | Unset
        if isinstance(self.target_value, Unset):
            target_value = UNSET
        else:
            target_value = self.target_value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "accrues": accrues,
                "comparator": comparator,
                "created_at": created_at,
                "id": id,
                "level1": level1,
                "level2": level2,
                "measurement": measurement,
                "name": name,
                "project_id": project_id,
                "unit": unit,
                "updated_at": updated_at,
                "version": version,
                "weight": weight,
            }
        )
        if target_text is not UNSET:
            field_dict["target_text"] = target_text
        if target_value is not UNSET:
            field_dict["target_value"] = target_value

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        accrues = d.pop("accrues")

        comparator = Comparator(d.pop("comparator"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = UUID(d.pop("id"))

        level1 = Level1(d.pop("level1"))

        level2 = Level2(d.pop("level2"))

        measurement = d.pop("measurement")

        name = d.pop("name")

        project_id = UUID(d.pop("project_id"))

        unit = d.pop("unit")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        weight = d.pop("weight")

        def _parse_target_text(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        target_text = _parse_target_text(d.pop("target_text", UNSET))

        def _parse_target_value(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        target_value = _parse_target_value(d.pop("target_value", UNSET))

        indicator = cls(
            accrues=accrues,
            comparator=comparator,
            created_at=created_at,
            id=id,
            level1=level1,
            level2=level2,
            measurement=measurement,
            name=name,
            project_id=project_id,
            unit=unit,
            updated_at=updated_at,
            version=version,
            weight=weight,
            target_text=target_text,
            target_value=target_value,
        )

        indicator.additional_properties = d
        return indicator

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
