from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.comparator import Comparator
from ..models.level_1 import Level1
from ..models.level_2 import Level2
from ..types import UNSET, Unset

T = TypeVar("T", bound="NewIndicator")


@_attrs_define
class NewIndicator:
    """
    Example:
        {'comparator': '>=', 'level1': 'output', 'level2': 'quantity', 'measurement': 'Bases accepted by the provincial
            emergency department', 'name': 'Rescue bases built', 'target_value': '8', 'unit': 'bases', 'weight': '30'}

    Attributes:
        comparator (Comparator):
        level1 (Level1):
        level2 (Level2):
        name (str):
        weight (str):
        accrues (bool | None | Unset): Defaults from level 2: quantity, effect and satisfaction indicators accrue.
        measurement (str | Unset):
        target_text (None | str | Unset):
        target_value (None | str | Unset):
        unit (str | Unset): Required for numeric targets.
    """

    comparator: Comparator
    level1: Level1
    level2: Level2
    name: str
    weight: str
    accrues: bool | None | Unset = UNSET
    measurement: str | Unset = UNSET
    target_text: None | str | Unset = UNSET
    target_value: None | str | Unset = UNSET
    unit: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        comparator = self.comparator.value

        level1 = self.level1.value

        level2 = self.level2.value

        name = self.name

        weight = self.weight

        accrues: bool | None | Unset
        if isinstance(self.accrues, Unset):
            accrues = UNSET
        else:
            accrues = self.accrues

        measurement = self.measurement

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

        unit = self.unit

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "comparator": comparator,
                "level1": level1,
                "level2": level2,
                "name": name,
                "weight": weight,
            }
        )
        if accrues is not UNSET:
            field_dict["accrues"] = accrues
        if measurement is not UNSET:
            field_dict["measurement"] = measurement
        if target_text is not UNSET:
            field_dict["target_text"] = target_text
        if target_value is not UNSET:
            field_dict["target_value"] = target_value
        if unit is not UNSET:
            field_dict["unit"] = unit

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        comparator = Comparator(d.pop("comparator"))

        level1 = Level1(d.pop("level1"))

        level2 = Level2(d.pop("level2"))

        name = d.pop("name")

        weight = d.pop("weight")

        def _parse_accrues(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        accrues = _parse_accrues(d.pop("accrues", UNSET))

        measurement = d.pop("measurement", UNSET)

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

        unit = d.pop("unit", UNSET)

        new_indicator = cls(
            comparator=comparator,
            level1=level1,
            level2=level2,
            name=name,
            weight=weight,
            accrues=accrues,
            measurement=measurement,
            target_text=target_text,
            target_value=target_value,
            unit=unit,
        )

        return new_indicator
