from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.comparator import Comparator
from ..models.level_1 import Level1
from ..models.level_2 import Level2
from ..types import UNSET, Unset

T = TypeVar("T", bound="IndicatorChanges")


@_attrs_define
class IndicatorChanges:
    """Only the fields sent change; the result must still satisfy every indicator rule. Send
    `target_value: null` explicitly when turning a numeric indicator qualitative.

        Example:
            {'measurement': 'Bases accepted by the provincial emergency department', 'target_value': '10', 'weight': '25'}

        Attributes:
            accrues (bool | None | Unset):
            comparator (Comparator | None | Unset):
            level1 (Level1 | None | Unset):
            level2 (Level2 | None | Unset):
            measurement (None | str | Unset):
            name (None | str | Unset):
            target_text (None | str | Unset):
            target_value (None | str | Unset):
            unit (None | str | Unset):
            weight (None | str | Unset):
    """

    accrues: bool | None | Unset = UNSET
    comparator: Comparator | None | Unset = UNSET
    level1: Level1 | None | Unset = UNSET
    level2: Level2 | None | Unset = UNSET
    measurement: None | str | Unset = UNSET
    name: None | str | Unset = UNSET
    target_text: None | str | Unset = UNSET
    target_value: None | str | Unset = UNSET
    unit: None | str | Unset = UNSET
    weight: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        accrues: bool | None | Unset
        if isinstance(self.accrues, Unset):
            accrues = UNSET
        else:
            accrues = self.accrues

        comparator: None | str | Unset
        if isinstance(self.comparator, Unset):
            comparator = UNSET
        elif isinstance(self.comparator, Comparator):
            comparator = self.comparator.value
        else:
            comparator = self.comparator

        level1: None | str | Unset
        if isinstance(self.level1, Unset):
            level1 = UNSET
        elif isinstance(self.level1, Level1):
            level1 = self.level1.value
        else:
            level1 = self.level1

        level2: None | str | Unset
        if isinstance(self.level2, Unset):
            level2 = UNSET
        elif isinstance(self.level2, Level2):
            level2 = self.level2.value
        else:
            level2 = self.level2

        measurement: None | str | Unset
        if isinstance(self.measurement, Unset):
            measurement = UNSET
        else:
            measurement = self.measurement

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

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

        unit: None | str | Unset
        if isinstance(self.unit, Unset):
            unit = UNSET
        else:
            unit = self.unit

        weight: None | str | Unset
        if isinstance(self.weight, Unset):
            weight = UNSET
        else:
            weight = self.weight

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if accrues is not UNSET:
            field_dict["accrues"] = accrues
        if comparator is not UNSET:
            field_dict["comparator"] = comparator
        if level1 is not UNSET:
            field_dict["level1"] = level1
        if level2 is not UNSET:
            field_dict["level2"] = level2
        if measurement is not UNSET:
            field_dict["measurement"] = measurement
        if name is not UNSET:
            field_dict["name"] = name
        if target_text is not UNSET:
            field_dict["target_text"] = target_text
        if target_value is not UNSET:
            field_dict["target_value"] = target_value
        if unit is not UNSET:
            field_dict["unit"] = unit
        if weight is not UNSET:
            field_dict["weight"] = weight

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_accrues(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        accrues = _parse_accrues(d.pop("accrues", UNSET))

        def _parse_comparator(data: object) -> Comparator | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                comparator_type_0 = Comparator(data)

                return comparator_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Comparator | None | Unset, data)

        comparator = _parse_comparator(d.pop("comparator", UNSET))

        def _parse_level1(data: object) -> Level1 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                level1_type_0 = Level1(data)

                return level1_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Level1 | None | Unset, data)

        level1 = _parse_level1(d.pop("level1", UNSET))

        def _parse_level2(data: object) -> Level2 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                level2_type_0 = Level2(data)

                return level2_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Level2 | None | Unset, data)

        level2 = _parse_level2(d.pop("level2", UNSET))

        def _parse_measurement(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        measurement = _parse_measurement(d.pop("measurement", UNSET))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

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

        def _parse_unit(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        unit = _parse_unit(d.pop("unit", UNSET))

        def _parse_weight(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        weight = _parse_weight(d.pop("weight", UNSET))

        indicator_changes = cls(
            accrues=accrues,
            comparator=comparator,
            level1=level1,
            level2=level2,
            measurement=measurement,
            name=name,
            target_text=target_text,
            target_value=target_value,
            unit=unit,
            weight=weight,
        )

        return indicator_changes
