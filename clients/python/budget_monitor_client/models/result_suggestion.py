from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.result_measure import ResultMeasure
from ..types import UNSET, Unset

T = TypeVar("T", bound="ResultSuggestion")


@_attrs_define
class ResultSuggestion:
    """What the region's rules suggest for a project of a round.

    Attributes:
        measures (list[ResultMeasure]):
        rule (str): The suggestion rule that matched (its `name`), or `default_continue`.
        next_year_budget_change (None | str | Unset): That percent of the report's adjusted budget, in yuan. Example:
            -19000000.00.
        next_year_change_percent (None | str | Unset): Percent of the adjusted budget by which next year's budget should
            move. Example: -20.
    """

    measures: list[ResultMeasure]
    rule: str
    next_year_budget_change: None | str | Unset = UNSET
    next_year_change_percent: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        measures = []
        for measures_item_data in self.measures:
            measures_item = measures_item_data.value
            measures.append(measures_item)

        rule = self.rule

        next_year_budget_change: None | str | Unset
        if isinstance(self.next_year_budget_change, Unset):
            next_year_budget_change = UNSET
        else:
            next_year_budget_change = self.next_year_budget_change

        next_year_change_percent: None | str | Unset
        if isinstance(self.next_year_change_percent, Unset):
            next_year_change_percent = UNSET
        else:
            next_year_change_percent = self.next_year_change_percent

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "measures": measures,
                "rule": rule,
            }
        )
        if next_year_budget_change is not UNSET:
            field_dict["next_year_budget_change"] = next_year_budget_change
        if next_year_change_percent is not UNSET:
            field_dict["next_year_change_percent"] = next_year_change_percent

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        measures = []
        _measures = d.pop("measures")
        for measures_item_data in _measures:
            measures_item = ResultMeasure(measures_item_data)

            measures.append(measures_item)

        rule = d.pop("rule")

        def _parse_next_year_budget_change(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        next_year_budget_change = _parse_next_year_budget_change(d.pop("next_year_budget_change", UNSET))

        def _parse_next_year_change_percent(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        next_year_change_percent = _parse_next_year_change_percent(d.pop("next_year_change_percent", UNSET))

        result_suggestion = cls(
            measures=measures,
            rule=rule,
            next_year_budget_change=next_year_budget_change,
            next_year_change_percent=next_year_change_percent,
        )

        result_suggestion.additional_properties = d
        return result_suggestion

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
