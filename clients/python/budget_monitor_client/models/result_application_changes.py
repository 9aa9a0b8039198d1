from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.result_measure import ResultMeasure
from ..types import UNSET, Unset

T = TypeVar("T", bound="ResultApplicationChanges")


@_attrs_define
class ResultApplicationChanges:
    """Replaces the decision: every field is sent again.

    Example:
        {'measures': ['reduce_next_year_budget', 'rectify'], 'next_year_budget_change': '-1200000.00', 'text': 'Cut by
            1.2 million after the second inspection.'}

    Attributes:
        measures (list[ResultMeasure]):
        adjustment_id (None | Unset | UUID):
        next_year_budget_change (None | str | Unset):
        text (str | Unset):
    """

    measures: list[ResultMeasure]
    adjustment_id: None | Unset | UUID = UNSET
    next_year_budget_change: None | str | Unset = UNSET
    text: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        measures = []
        for measures_item_data in self.measures:
            measures_item = measures_item_data.value
            measures.append(measures_item)

        adjustment_id: None | str | Unset
        if isinstance(self.adjustment_id, Unset):
            adjustment_id = UNSET
        elif isinstance(self.adjustment_id, UUID):
            adjustment_id = str(self.adjustment_id)
        else:
            adjustment_id = self.adjustment_id

        next_year_budget_change: None | str | Unset
        if isinstance(self.next_year_budget_change, Unset):
            next_year_budget_change = UNSET
        else:
            next_year_budget_change = self.next_year_budget_change

        text = self.text

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "measures": measures,
            }
        )
        if adjustment_id is not UNSET:
            field_dict["adjustment_id"] = adjustment_id
        if next_year_budget_change is not UNSET:
            field_dict["next_year_budget_change"] = next_year_budget_change
        if text is not UNSET:
            field_dict["text"] = text

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        measures = []
        _measures = d.pop("measures")
        for measures_item_data in _measures:
            measures_item = ResultMeasure(measures_item_data)

            measures.append(measures_item)

        def _parse_adjustment_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                adjustment_id_type_0 = UUID(data)

                return adjustment_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        adjustment_id = _parse_adjustment_id(d.pop("adjustment_id", UNSET))

        def _parse_next_year_budget_change(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        next_year_budget_change = _parse_next_year_budget_change(d.pop("next_year_budget_change", UNSET))

        text = d.pop("text", UNSET)

        result_application_changes = cls(
            measures=measures,
            adjustment_id=adjustment_id,
            next_year_budget_change=next_year_budget_change,
            text=text,
        )

        return result_application_changes
