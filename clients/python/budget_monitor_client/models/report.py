from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.report_status import ReportStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.budget_part import BudgetPart
    from ..models.check_result import CheckResult
    from ..models.narrative import Narrative
    from ..models.report_indicator import ReportIndicator
    from ..models.report_lights import ReportLights
    from ..models.transition import Transition


T = TypeVar("T", bound="Report")


@_attrs_define
class Report:
    """
    Example:
        {'applicable_fields': 20, 'budget': {'adjusted_budget': '120000000.00', 'executed_amount': '55800000.00',
            'execution_rate': '46.50', 'forecast_execution': '118000000.00', 'forecast_method': None, 'time_progress':
            '58.33'}, 'checks': [{'field': 'forecast_execution', 'message': 'the full-year forecast 121000000.00 is more
            than the adjusted budget of 120000000.00', 'rule': 'forecast_over_budget', 'severity': 'warning'}],
            'created_at': '2021-08-01T00:30:00Z', 'department_fields': ['forecast_execution', 'goal_progress',
            'indicators.0193a0c4-7f43-7000-8000-0000000000c1.actual',
            'indicators.0193a0c4-7f43-7000-8000-0000000000c1.forecast',
            'indicators.0193a0c4-7f43-7000-8000-0000000000c2.forecast'], 'department_id':
            '0193a0c4-7f43-7000-8000-0000000000a1', 'generated_fields': 7, 'history': [{'actor_id':
            '0193a0c4-7f43-7000-8000-0000000000b3', 'actor_name': 'kjt.officer', 'at': '2021-08-18T09:12:00Z', 'comment':
            '', 'from': 'draft', 'to': 'submitted'}], 'id': '0193a0c4-7f43-7000-8000-000000000092', 'indicator_set_version':
            1, 'indicators': [{'accrues': True, 'actual_measured_on': None, 'actual_source': None, 'actual_text': None,
            'actual_value': '6', 'behind': False, 'comparator': '>=', 'corrective_measures': '', 'deviation_note': '',
            'deviation_reasons': [], 'expected_value': '4.6664', 'forecast_method': None, 'forecast_text': None,
            'forecast_value': '8', 'id': '0193a0c4-7f43-7000-8000-0000000000d1', 'indicator_id':
            '0193a0c4-7f43-7000-8000-0000000000c1', 'level1': 'output', 'level2': 'quantity', 'likelihood': 'certain',
            'name': 'Rescue bases built', 'target_text': None, 'target_value': '8', 'unit': 'bases', 'weight': '60'},
            {'accrues': False, 'actual_measured_on': '2021-07-28', 'actual_source': 'jinan-emergency-dispatch',
            'actual_text': None, 'actual_value': '28', 'behind': False, 'comparator': '<=', 'corrective_measures': '',
            'deviation_note': '', 'deviation_reasons': [], 'expected_value': '30', 'forecast_method': None, 'forecast_text':
            None, 'forecast_value': '25', 'id': '0193a0c4-7f43-7000-8000-0000000000d2', 'indicator_id':
            '0193a0c4-7f43-7000-8000-0000000000c2', 'level1': 'effect', 'level2': 'social', 'likelihood': 'certain', 'name':
            'Average response time', 'target_text': None, 'target_value': '30', 'unit': 'minutes', 'weight': '30'}], 'late':
            False, 'lights': {'budget': 'yellow', 'effect': 'green', 'explanations': {'budget': {'inputs':
            {'execution_rate': '46.5', 'time_progress': '58.33'}, 'light': 'yellow', 'matched': 'below 80', 'metric':
            'ratio_to_prorated', 'rule': 'budget_execution', 'value': '79.7188'}, 'overall': {'budget': 'yellow', 'goal':
            'green', 'light': 'yellow', 'reason': 'budget execution is behind'}}, 'filing': 'none', 'goal': 'green',
            'grade': 'excellent', 'output': 'blue', 'overall': 'yellow', 'rules_version': 'default', 'satisfaction': 'none',
            'score_total': '97.97', 'scores': {'budget': '7.97', 'budget_share': '10', 'grade': 'excellent', 'indicators':
            ['60.00', '30.00'], 'total': '97.97'}}, 'narrative': {'construction': 'Two bases are waiting for airspace
            approval', 'corrective_measures': 'Airspace applications resubmitted in July', 'financial_management': '',
            'goal_progress': 'Six of eight rescue bases are in service', 'management': '', 'problems': 'Spending of the two
            delayed bases is on hold', 'targets_need_adjusting': False}, 'project_code': 'SD2021-KJ-007', 'project_id':
            '0193a0c4-7f43-7000-8000-0000000000e1', 'project_name': 'Aviation emergency rescue capability', 'region_code':
            '370000', 'round_id': '0193a0c4-7f43-7000-8000-000000000091', 'status': 'submitted', 'submitted_at':
            '2021-08-18T09:12:00Z', 'system_filled': ['adjusted_budget', 'executed_amount', 'execution_rate',
            'time_progress', 'indicators.0193a0c4-7f43-7000-8000-0000000000c1.expected_value',
            'indicators.0193a0c4-7f43-7000-8000-0000000000c2.expected_value',
            'indicators.0193a0c4-7f43-7000-8000-0000000000c2.actual'], 'system_filled_share': '35.00', 'updated_at':
            '2021-08-18T09:12:00Z', 'version': 4}

    Attributes:
        applicable_fields (int): How many fields apply to this report: the 12 budget and narrative fields and, per
            indicator, expected value (numeric ones), actual, forecast and likelihood, plus deviation
            reasons, note and corrective measures for a row behind or with likelihood `impossible`.
        budget (BudgetPart): Budget execution, as the system computed it at the round's cut-off.
        checks (list[CheckResult]): The logic checks that fail, as of the last save (each region sets which run and how
            severe they are in its warning-rule set): an `error` blocks submission, a `warning` is
            for the department and the reviewer to look at.
        created_at (datetime.datetime):
        department_fields (list[str]): Fields the department has set (changed, filled or emptied); the system proposes
            nothing
            into them any more.
        department_id (UUID):
        generated_fields (int): How many of the fields that apply to this report are in `system_filled`.
        history (list[Transition]): Every status change, oldest first.
        id (UUID):
        indicator_set_version (int): The version of the project's indicator set this report monitors: the one current
            when
            the report was created. A target adjustment approved later does not change it.
        indicators (list[ReportIndicator]):
        late (bool): Submitted after the round's due date.
        narrative (Narrative):
        project_code (str):
        project_id (UUID):
        project_name (str):
        region_code (str):
        round_id (UUID):
        status (ReportStatus):
        system_filled (list[str]): Fields the system filled and nobody changed since: computed, proposed, drafted, or
            carried over from the previous round (`indicators.<indicator id>.<field>` for indicator
            rows, with `actual`, `forecast`, `likelihood` and so on as the field).
        system_filled_share (str): `generated_fields` ÷ `applicable_fields` × 100, two decimals. Example: 41.18.
        updated_at (datetime.datetime):
        version (int):
        lights (None | ReportLights | Unset):
        submitted_at (datetime.datetime | None | Unset):
    """

    applicable_fields: int
    budget: BudgetPart
    checks: list[CheckResult]
    created_at: datetime.datetime
    department_fields: list[str]
    department_id: UUID
    generated_fields: int
    history: list[Transition]
    id: UUID
    indicator_set_version: int
    indicators: list[ReportIndicator]
    late: bool
    narrative: Narrative
    project_code: str
    project_id: UUID
    project_name: str
    region_code: str
    round_id: UUID
    status: ReportStatus
    system_filled: list[str]
    system_filled_share: str
    updated_at: datetime.datetime
    version: int
    lights: None | ReportLights | Unset = UNSET
    submitted_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.report_lights import ReportLights  # noqa: PLC0415

        applicable_fields = self.applicable_fields

        budget = self.budget.to_dict()

        checks = []
        for checks_item_data in self.checks:
            checks_item = checks_item_data.to_dict()
            checks.append(checks_item)

        created_at = self.created_at.isoformat()

        department_fields = self.department_fields

        department_id = str(self.department_id)

        generated_fields = self.generated_fields

        history = []
        for history_item_data in self.history:
            history_item = history_item_data.to_dict()
            history.append(history_item)

        id = str(self.id)

        indicator_set_version = self.indicator_set_version

        indicators = []
        for indicators_item_data in self.indicators:
            indicators_item = indicators_item_data.to_dict()
            indicators.append(indicators_item)

        late = self.late

        narrative = self.narrative.to_dict()

        project_code = self.project_code

        project_id = str(self.project_id)

        project_name = self.project_name

        region_code = self.region_code

        round_id = str(self.round_id)

        status = self.status.value

        system_filled = self.system_filled

        system_filled_share = self.system_filled_share

        updated_at = self.updated_at.isoformat()

        version = self.version

        lights: dict[str, Any] | None | Unset
        if isinstance(self.lights, Unset):
            lights = UNSET
        elif isinstance(self.lights, ReportLights):
            lights = self.lights.to_dict()
        else:
            lights = self.lights

        submitted_at: None | str | Unset
        if isinstance(self.submitted_at, Unset):
            submitted_at = UNSET
        elif isinstance(self.submitted_at, datetime.datetime):
            submitted_at = self.submitted_at.isoformat()
        else:
            submitted_at = self.submitted_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "applicable_fields": applicable_fields,
                "budget": budget,
                "checks": checks,
                "created_at": created_at,
                "department_fields": department_fields,
                "department_id": department_id,
                "generated_fields": generated_fields,
                "history": history,
                "id": id,
                "indicator_set_version": indicator_set_version,
                "indicators": indicators,
                "late": late,
                "narrative": narrative,
                "project_code": project_code,
                "project_id": project_id,
                "project_name": project_name,
                "region_code": region_code,
                "round_id": round_id,
                "status": status,
                "system_filled": system_filled,
                "system_filled_share": system_filled_share,
                "updated_at": updated_at,
                "version": version,
            }
        )
        if lights is not UNSET:
            field_dict["lights"] = lights
        if submitted_at is not UNSET:
            field_dict["submitted_at"] = submitted_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.budget_part import BudgetPart  # noqa: PLC0415
        from ..models.check_result import CheckResult  # noqa: PLC0415
        from ..models.narrative import Narrative  # noqa: PLC0415
        from ..models.report_indicator import ReportIndicator  # noqa: PLC0415
        from ..models.report_lights import ReportLights  # noqa: PLC0415
        from ..models.transition import Transition  # noqa: PLC0415

        d = dict(src_dict)
        applicable_fields = d.pop("applicable_fields")

        budget = BudgetPart.from_dict(d.pop("budget"))

        checks = []
        _checks = d.pop("checks")
        for checks_item_data in _checks:
            checks_item = CheckResult.from_dict(checks_item_data)

            checks.append(checks_item)

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        department_fields = cast(list[str], d.pop("department_fields"))

        department_id = UUID(d.pop("department_id"))

        generated_fields = d.pop("generated_fields")

        history = []
        _history = d.pop("history")
        for history_item_data in _history:
            history_item = Transition.from_dict(history_item_data)

            history.append(history_item)

        id = UUID(d.pop("id"))

        indicator_set_version = d.pop("indicator_set_version")

        indicators = []
        _indicators = d.pop("indicators")
        for indicators_item_data in _indicators:
            indicators_item = ReportIndicator.from_dict(indicators_item_data)

            indicators.append(indicators_item)

        late = d.pop("late")

        narrative = Narrative.from_dict(d.pop("narrative"))

        project_code = d.pop("project_code")

        project_id = UUID(d.pop("project_id"))

        project_name = d.pop("project_name")

        region_code = d.pop("region_code")

        round_id = UUID(d.pop("round_id"))

        status = ReportStatus(d.pop("status"))

        system_filled = cast(list[str], d.pop("system_filled"))

        system_filled_share = d.pop("system_filled_share")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        def _parse_lights(data: object) -> None | ReportLights | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                lights_type_0 = ReportLights.from_dict(data)

                return lights_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ReportLights | Unset, data)

        lights = _parse_lights(d.pop("lights", UNSET))

        def _parse_submitted_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                submitted_at_type_0 = datetime.datetime.fromisoformat(data)

                return submitted_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        submitted_at = _parse_submitted_at(d.pop("submitted_at", UNSET))

        report = cls(
            applicable_fields=applicable_fields,
            budget=budget,
            checks=checks,
            created_at=created_at,
            department_fields=department_fields,
            department_id=department_id,
            generated_fields=generated_fields,
            history=history,
            id=id,
            indicator_set_version=indicator_set_version,
            indicators=indicators,
            late=late,
            narrative=narrative,
            project_code=project_code,
            project_id=project_id,
            project_name=project_name,
            region_code=region_code,
            round_id=round_id,
            status=status,
            system_filled=system_filled,
            system_filled_share=system_filled_share,
            updated_at=updated_at,
            version=version,
            lights=lights,
            submitted_at=submitted_at,
        )

        report.additional_properties = d
        return report

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
