from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.measure_count import MeasureCount


T = TypeVar("T", bound="ResultApplicationFigures")


@_attrs_define
class ResultApplicationFigures:
    """
    Attributes:
        by_measure (list[MeasureCount]): How many decisions name each measure (every measure listed, zeros included).
        differing_from_suggestion (int): Of those, decisions whose measures differ from the suggestion kept with them.
        next_year_budget_net (str): Raised minus reduced. Example: -19000000.00.
        next_year_budget_raised (str): Yuan added to next year's budgets. Example: 0.00.
        next_year_budget_reduced (str): Yuan taken out of next year's budgets (the sum of the reductions, as a positive
            amount). Example: 19000000.00.
        next_year_projects_following (int): Next year's projects registered so far that follow one of these next-year
            measures.
        recorded (int): Projects whose results application is recorded.
    """

    by_measure: list[MeasureCount]
    differing_from_suggestion: int
    next_year_budget_net: str
    next_year_budget_raised: str
    next_year_budget_reduced: str
    next_year_projects_following: int
    recorded: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        by_measure = []
        for by_measure_item_data in self.by_measure:
            by_measure_item = by_measure_item_data.to_dict()
            by_measure.append(by_measure_item)

        differing_from_suggestion = self.differing_from_suggestion

        next_year_budget_net = self.next_year_budget_net

        next_year_budget_raised = self.next_year_budget_raised

        next_year_budget_reduced = self.next_year_budget_reduced

        next_year_projects_following = self.next_year_projects_following

        recorded = self.recorded

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "by_measure": by_measure,
                "differing_from_suggestion": differing_from_suggestion,
                "next_year_budget_net": next_year_budget_net,
                "next_year_budget_raised": next_year_budget_raised,
                "next_year_budget_reduced": next_year_budget_reduced,
                "next_year_projects_following": next_year_projects_following,
                "recorded": recorded,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.measure_count import MeasureCount  # noqa: PLC0415

        d = dict(src_dict)
        by_measure = []
        _by_measure = d.pop("by_measure")
        for by_measure_item_data in _by_measure:
            by_measure_item = MeasureCount.from_dict(by_measure_item_data)

            by_measure.append(by_measure_item)

        differing_from_suggestion = d.pop("differing_from_suggestion")

        next_year_budget_net = d.pop("next_year_budget_net")

        next_year_budget_raised = d.pop("next_year_budget_raised")

        next_year_budget_reduced = d.pop("next_year_budget_reduced")

        next_year_projects_following = d.pop("next_year_projects_following")

        recorded = d.pop("recorded")

        result_application_figures = cls(
            by_measure=by_measure,
            differing_from_suggestion=differing_from_suggestion,
            next_year_budget_net=next_year_budget_net,
            next_year_budget_raised=next_year_budget_raised,
            next_year_budget_reduced=next_year_budget_reduced,
            next_year_projects_following=next_year_projects_following,
            recorded=recorded,
        )

        result_application_figures.additional_properties = d
        return result_application_figures

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
