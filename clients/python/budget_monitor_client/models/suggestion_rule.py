from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.grade import Grade
from ..models.light import Light
from ..models.result_measure import ResultMeasure
from ..types import UNSET, Unset

T = TypeVar("T", bound="SuggestionRule")


@_attrs_define
class SuggestionRule:
    """A suggestion rule of a region's warning-rule set: when the report's grade and overall light
    match (an absent condition matches anything), suggest these measures. Rules are tried in
    order and the first that matches gives the suggestion.

        Attributes:
            measures (list[ResultMeasure]):
            name (str): Names the rule in the suggestion it gives.
            grade (Grade | None | Unset):
            next_year_change_percent (None | str | Unset): For a next-year budget measure: percent of this year's adjusted
                budget by which next
                year's is to move, negative to reduce (e.g. `-20`). Example: -20.
            overall_light (Light | None | Unset):
    """

    measures: list[ResultMeasure]
    name: str
    grade: Grade | None | Unset = UNSET
    next_year_change_percent: None | str | Unset = UNSET
    overall_light: Light | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        measures = []
        for measures_item_data in self.measures:
            measures_item = measures_item_data.value
            measures.append(measures_item)

        name = self.name

        grade: None | str | Unset
        if isinstance(self.grade, Unset):
            grade = UNSET
        elif isinstance(self.grade, Grade):
            grade = self.grade.value
        else:
            grade = self.grade

        next_year_change_percent: None | str | Unset
        if isinstance(self.next_year_change_percent, Unset):
            next_year_change_percent = UNSET
        else:
            next_year_change_percent = self.next_year_change_percent

        overall_light: None | str | Unset
        if isinstance(self.overall_light, Unset):
            overall_light = UNSET
        elif isinstance(self.overall_light, Light):
            overall_light = self.overall_light.value
        else:
            overall_light = self.overall_light

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "measures": measures,
                "name": name,
            }
        )
        if grade is not UNSET:
            field_dict["grade"] = grade
        if next_year_change_percent is not UNSET:
            field_dict["next_year_change_percent"] = next_year_change_percent
        if overall_light is not UNSET:
            field_dict["overall_light"] = overall_light

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        measures = []
        _measures = d.pop("measures")
        for measures_item_data in _measures:
            measures_item = ResultMeasure(measures_item_data)

            measures.append(measures_item)

        name = d.pop("name")

        def _parse_grade(data: object) -> Grade | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                grade_type_0 = Grade(data)

                return grade_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Grade | None | Unset, data)

        grade = _parse_grade(d.pop("grade", UNSET))

        def _parse_next_year_change_percent(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        next_year_change_percent = _parse_next_year_change_percent(d.pop("next_year_change_percent", UNSET))

        def _parse_overall_light(data: object) -> Light | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                overall_light_type_0 = Light(data)

                return overall_light_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Light | None | Unset, data)

        overall_light = _parse_overall_light(d.pop("overall_light", UNSET))

        suggestion_rule = cls(
            measures=measures,
            name=name,
            grade=grade,
            next_year_change_percent=next_year_change_percent,
            overall_light=overall_light,
        )

        return suggestion_rule
