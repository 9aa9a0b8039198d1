from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.budget_rule import BudgetRule
from ..models.lang import Lang
from ..models.time_progress_basis import TimeProgressBasis
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.suggestion_rule import SuggestionRule


T = TypeVar("T", bound="Settings")


@_attrs_define
class Settings:
    """Which budget metric the project light uses, and the bands of project grades.

    Attributes:
        budget_rule (BudgetRule): The rule the budget execution light (and so the project light) is computed with.
        budget_share (str): Points of 100 for budget execution; indicators share the rest. Example: 10.
        grade_edges (list[str]): Grade edges on the 100-point scale, at or above each: excellent, good, fair. Example:
            ['90', '80', '60'].
        lang (Lang | Unset): The language a region's drafted texts are written in.
        likelihood_edges (list[str] | Unset): Percent of its target an indicator's full-year forecast must reach for the
            system to
            propose that reaching it is `possible` and `certain` (below the first: `impossible`);
            `["60", "80"]` when absent: the edges of the default accruing-indicator bands, so that
            by default a proposed likelihood raises no light the bands would not (a forecast at the
            pace so far reaches the same share of the target as the value of the expected one). Example: ['60', '80'].
        result_suggestions (list[SuggestionRule] | Unset): What the results of monitoring should lead to, by grade and
            overall light: tried in
            order, the first that matches suggests; "continue" when none does. The defaults
            (`poor_grade`: next year's budget −20 % and rectify; `red_overall_light`: rectify) when
            absent.
        time_progress (TimeProgressBasis | Unset): How time progress is measured at a cut-off date.
    """

    budget_rule: BudgetRule
    budget_share: str
    grade_edges: list[str]
    lang: Lang | Unset = UNSET
    likelihood_edges: list[str] | Unset = UNSET
    result_suggestions: list[SuggestionRule] | Unset = UNSET
    time_progress: TimeProgressBasis | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        budget_rule = self.budget_rule.value

        budget_share = self.budget_share

        grade_edges = self.grade_edges

        lang: str | Unset = UNSET
        if not isinstance(self.lang, Unset):
            lang = self.lang.value

        likelihood_edges: list[str] | Unset = UNSET
        if not isinstance(self.likelihood_edges, Unset):
            likelihood_edges = self.likelihood_edges

        result_suggestions: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.result_suggestions, Unset):
            result_suggestions = []
            for result_suggestions_item_data in self.result_suggestions:
                result_suggestions_item = result_suggestions_item_data.to_dict()
                result_suggestions.append(result_suggestions_item)

        time_progress: str | Unset = UNSET
        if not isinstance(self.time_progress, Unset):
            time_progress = self.time_progress.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "budget_rule": budget_rule,
                "budget_share": budget_share,
                "grade_edges": grade_edges,
            }
        )
        if lang is not UNSET:
            field_dict["lang"] = lang
        if likelihood_edges is not UNSET:
            field_dict["likelihood_edges"] = likelihood_edges
        if result_suggestions is not UNSET:
            field_dict["result_suggestions"] = result_suggestions
        if time_progress is not UNSET:
            field_dict["time_progress"] = time_progress

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.suggestion_rule import SuggestionRule  # noqa: PLC0415

        d = dict(src_dict)
        budget_rule = BudgetRule(d.pop("budget_rule"))

        budget_share = d.pop("budget_share")

        grade_edges = cast(list[str], d.pop("grade_edges"))

        _lang = d.pop("lang", UNSET)
        lang: Lang | Unset
        if isinstance(_lang, Unset):
            lang = UNSET
        else:
            lang = Lang(_lang)

        likelihood_edges = cast(list[str], d.pop("likelihood_edges", UNSET))

        _result_suggestions = d.pop("result_suggestions", UNSET)
        result_suggestions: list[SuggestionRule] | Unset = UNSET
        if _result_suggestions is not UNSET:
            result_suggestions = []
            for result_suggestions_item_data in _result_suggestions:
                result_suggestions_item = SuggestionRule.from_dict(result_suggestions_item_data)

                result_suggestions.append(result_suggestions_item)

        _time_progress = d.pop("time_progress", UNSET)
        time_progress: TimeProgressBasis | Unset
        if isinstance(_time_progress, Unset):
            time_progress = UNSET
        else:
            time_progress = TimeProgressBasis(_time_progress)

        settings = cls(
            budget_rule=budget_rule,
            budget_share=budget_share,
            grade_edges=grade_edges,
            lang=lang,
            likelihood_edges=likelihood_edges,
            result_suggestions=result_suggestions,
            time_progress=time_progress,
        )

        return settings
