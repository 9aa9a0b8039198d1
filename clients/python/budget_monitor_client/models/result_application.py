from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.grade import Grade
from ..models.light import Light
from ..models.result_measure import ResultMeasure
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.result_suggestion import ResultSuggestion


T = TypeVar("T", bound="ResultApplication")


@_attrs_define
class ResultApplication:
    """
    Example:
        {'adjustment_id': None, 'created_at': '2021-10-20T06:30:00Z', 'created_by_name': 'sd.finance',
            'differs_from_suggestion': False, 'fiscal_year': 2021, 'grade': 'poor', 'id':
            '0193a0c4-7f43-7000-8000-0000000000b5', 'measures': ['reduce_next_year_budget', 'rectify'],
            'next_year_budget_change': '-19000000.00', 'overall_light': 'red', 'project_code': 'SD2021-KJ-007',
            'project_id': '0193a0c4-7f43-7000-8000-0000000000e1', 'report_id': '0193a0c4-7f43-7000-8000-000000000051',
            'round_id': '0193a0c4-7f43-7000-8000-000000000031', 'suggestion': {'measures': ['reduce_next_year_budget',
            'rectify'], 'next_year_budget_change': '-19000000.00', 'next_year_change_percent': '-20', 'rule': 'poor_grade'},
            'text': "Two rescue bases slipped to 2022: next year's budget is cut and the plan rectified.", 'updated_at':
            '2021-10-20T06:30:00Z', 'version': 1}

    Attributes:
        created_at (datetime.datetime):
        created_by_name (str):
        differs_from_suggestion (bool): Whether the decided measures differ from the suggested ones.
        fiscal_year (int):
        id (UUID):
        measures (list[ResultMeasure]): What the results led to, as decided.
        project_code (str):
        project_id (UUID):
        round_id (UUID):
        suggestion (ResultSuggestion): What the region's rules suggest for a project of a round.
        text (str):
        updated_at (datetime.datetime):
        version (int):
        adjustment_id (None | Unset | UUID): The fund adjustment a funds measure was booked as.
        grade (Grade | None | Unset):
        next_year_budget_change (None | str | Unset): Yuan by which next year's budget moves: negative for
            `reduce_next_year_budget`,
            positive for `raise_next_year_budget`; null without either. Example: -2000000.00.
        overall_light (Light | None | Unset):
        report_id (None | Unset | UUID):
    """

    created_at: datetime.datetime
    created_by_name: str
    differs_from_suggestion: bool
    fiscal_year: int
    id: UUID
    measures: list[ResultMeasure]
    project_code: str
    project_id: UUID
    round_id: UUID
    suggestion: ResultSuggestion
    text: str
    updated_at: datetime.datetime
    version: int
    adjustment_id: None | Unset | UUID = UNSET
    grade: Grade | None | Unset = UNSET
    next_year_budget_change: None | str | Unset = UNSET
    overall_light: Light | None | Unset = UNSET
    report_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        created_by_name = self.created_by_name

        differs_from_suggestion = self.differs_from_suggestion

        fiscal_year = self.fiscal_year

        id = str(self.id)

        measures = []
        for measures_item_data in self.measures:
            measures_item = measures_item_data.value
            measures.append(measures_item)

        project_code = self.project_code

        project_id = str(self.project_id)

        round_id = str(self.round_id)

        suggestion = self.suggestion.to_dict()

        text = self.text

        updated_at = self.updated_at.isoformat()

        version = self.version

        adjustment_id: None | str | Unset
        if isinstance(self.adjustment_id, Unset):
            adjustment_id = UNSET
        elif isinstance(self.adjustment_id, UUID):
            adjustment_id = str(self.adjustment_id)
        else:
            adjustment_id = self.adjustment_id

        grade: None | str | Unset
        if isinstance(self.grade, Unset):
            grade = UNSET
        elif isinstance(self.grade, Grade):
            grade = self.grade.value
        else:
            grade = self.grade

        next_year_budget_change: None | str | Unset
        if isinstance(self.next_year_budget_change, Unset):
            next_year_budget_change = UNSET
        else:
            next_year_budget_change = self.next_year_budget_change

        overall_light: None | str | Unset
        if isinstance(self.overall_light, Unset):
            overall_light = UNSET
        elif isinstance(self.overall_light, Light):
            overall_light = self.overall_light.value
        else:
            overall_light = self.overall_light

        report_id: None | str | Unset
        if isinstance(self.report_id, Unset):
            report_id = UNSET
        elif isinstance(self.report_id, UUID):
            report_id = str(self.report_id)
        else:
            report_id = self.report_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "created_by_name": created_by_name,
                "differs_from_suggestion": differs_from_suggestion,
                "fiscal_year": fiscal_year,
                "id": id,
                "measures": measures,
                "project_code": project_code,
                "project_id": project_id,
                "round_id": round_id,
                "suggestion": suggestion,
                "text": text,
                "updated_at": updated_at,
                "version": version,
            }
        )
        if adjustment_id is not UNSET:
            field_dict["adjustment_id"] = adjustment_id
        if grade is not UNSET:
            field_dict["grade"] = grade
        if next_year_budget_change is not UNSET:
            field_dict["next_year_budget_change"] = next_year_budget_change
        if overall_light is not UNSET:
            field_dict["overall_light"] = overall_light
        if report_id is not UNSET:
            field_dict["report_id"] = report_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.result_suggestion import ResultSuggestion  # noqa: PLC0415

        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        created_by_name = d.pop("created_by_name")

        differs_from_suggestion = d.pop("differs_from_suggestion")

        fiscal_year = d.pop("fiscal_year")

        id = UUID(d.pop("id"))

        measures = []
        _measures = d.pop("measures")
        for measures_item_data in _measures:
            measures_item = ResultMeasure(measures_item_data)

            measures.append(measures_item)

        project_code = d.pop("project_code")

        project_id = UUID(d.pop("project_id"))

        round_id = UUID(d.pop("round_id"))

        suggestion = ResultSuggestion.from_dict(d.pop("suggestion"))

        text = d.pop("text")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

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

        def _parse_next_year_budget_change(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        next_year_budget_change = _parse_next_year_budget_change(d.pop("next_year_budget_change", UNSET))

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

        def _parse_report_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                report_id_type_0 = UUID(data)

                return report_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        report_id = _parse_report_id(d.pop("report_id", UNSET))

        result_application = cls(
            created_at=created_at,
            created_by_name=created_by_name,
            differs_from_suggestion=differs_from_suggestion,
            fiscal_year=fiscal_year,
            id=id,
            measures=measures,
            project_code=project_code,
            project_id=project_id,
            round_id=round_id,
            suggestion=suggestion,
            text=text,
            updated_at=updated_at,
            version=version,
            adjustment_id=adjustment_id,
            grade=grade,
            next_year_budget_change=next_year_budget_change,
            overall_light=overall_light,
            report_id=report_id,
        )

        result_application.additional_properties = d
        return result_application

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
