from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.report_indicator_input import ReportIndicatorInput


T = TypeVar("T", bound="ReportInput")


@_attrs_define
class ReportInput:
    """Everything the department fills in. A PUT replaces it: a text left out is stored empty, a
    forecast or `targets_need_adjusting` left out is cleared. Indicator rows not listed keep
    their values; a listed row is replaced the same way. Fields the system computes are not
    accepted.

        Example:
            {'construction': 'Two bases are waiting for airspace approval', 'corrective_measures': '',
                'financial_management': '', 'forecast_execution': '118000000.00', 'goal_progress': 'Six of eight rescue bases
                are in service', 'indicators': [{'actual_value': '6', 'forecast_value': '8', 'id':
                '0193a0c4-7f43-7000-8000-0000000000d1', 'likelihood': 'certain'}], 'management': '', 'problems': '',
                'targets_need_adjusting': False}

        Attributes:
            construction (str | Unset):
            corrective_measures (str | Unset):
            financial_management (str | Unset):
            forecast_execution (None | str | Unset):
            goal_progress (str | Unset):
            indicators (list[ReportIndicatorInput] | Unset):
            management (str | Unset):
            problems (str | Unset):
            targets_need_adjusting (bool | None | Unset):
    """

    construction: str | Unset = UNSET
    corrective_measures: str | Unset = UNSET
    financial_management: str | Unset = UNSET
    forecast_execution: None | str | Unset = UNSET
    goal_progress: str | Unset = UNSET
    indicators: list[ReportIndicatorInput] | Unset = UNSET
    management: str | Unset = UNSET
    problems: str | Unset = UNSET
    targets_need_adjusting: bool | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        construction = self.construction

        corrective_measures = self.corrective_measures

        financial_management = self.financial_management

        forecast_execution: None | str | Unset
        if isinstance(self.forecast_execution, Unset):
            forecast_execution = UNSET
        else:
            forecast_execution = self.forecast_execution

        goal_progress = self.goal_progress

        indicators: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.indicators, Unset):
            indicators = []
            for indicators_item_data in self.indicators:
                indicators_item = indicators_item_data.to_dict()
                indicators.append(indicators_item)

        management = self.management

        problems = self.problems

        targets_need_adjusting: bool | None | Unset
        if isinstance(self.targets_need_adjusting, Unset):
            targets_need_adjusting = UNSET
        else:
            targets_need_adjusting = self.targets_need_adjusting

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if construction is not UNSET:
            field_dict["construction"] = construction
        if corrective_measures is not UNSET:
            field_dict["corrective_measures"] = corrective_measures
        if financial_management is not UNSET:
            field_dict["financial_management"] = financial_management
        if forecast_execution is not UNSET:
            field_dict["forecast_execution"] = forecast_execution
        if goal_progress is not UNSET:
            field_dict["goal_progress"] = goal_progress
        if indicators is not UNSET:
            field_dict["indicators"] = indicators
        if management is not UNSET:
            field_dict["management"] = management
        if problems is not UNSET:
            field_dict["problems"] = problems
        if targets_need_adjusting is not UNSET:
            field_dict["targets_need_adjusting"] = targets_need_adjusting

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.report_indicator_input import ReportIndicatorInput  # noqa: PLC0415

        d = dict(src_dict)
        construction = d.pop("construction", UNSET)

        corrective_measures = d.pop("corrective_measures", UNSET)

        financial_management = d.pop("financial_management", UNSET)

        def _parse_forecast_execution(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        forecast_execution = _parse_forecast_execution(d.pop("forecast_execution", UNSET))

        goal_progress = d.pop("goal_progress", UNSET)

        _indicators = d.pop("indicators", UNSET)
        indicators: list[ReportIndicatorInput] | Unset = UNSET
        if _indicators is not UNSET:
            indicators = []
            for indicators_item_data in _indicators:
                indicators_item = ReportIndicatorInput.from_dict(indicators_item_data)

                indicators.append(indicators_item)

        management = d.pop("management", UNSET)

        problems = d.pop("problems", UNSET)

        def _parse_targets_need_adjusting(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        targets_need_adjusting = _parse_targets_need_adjusting(d.pop("targets_need_adjusting", UNSET))

        report_input = cls(
            construction=construction,
            corrective_measures=corrective_measures,
            financial_management=financial_management,
            forecast_execution=forecast_execution,
            goal_progress=goal_progress,
            indicators=indicators,
            management=management,
            problems=problems,
            targets_need_adjusting=targets_need_adjusting,
        )

        return report_input
