from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.grade import Grade
from ..models.light import Light
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.result_application import ResultApplication
    from ..models.result_suggestion import ResultSuggestion


T = TypeVar("T", bound="RoundResult")


@_attrs_define
class RoundResult:
    """A project of a round with what its results suggest and what was decided.

    Example:
        {'adjusted_budget': '95000000.00', 'application': None, 'department_id': '0193a0c4-7f43-7000-8000-0000000000a1',
            'grade': 'poor', 'overall_light': 'red', 'project_code': 'SD2021-KJ-007', 'project_id':
            '0193a0c4-7f43-7000-8000-0000000000e1', 'project_name': 'Aviation emergency rescue capability', 'region_code':
            '370000', 'report_id': '0193a0c4-7f43-7000-8000-000000000051', 'score': '52.40', 'suggestion': {'measures':
            ['reduce_next_year_budget', 'rectify'], 'next_year_budget_change': '-19000000.00', 'next_year_change_percent':
            '-20', 'rule': 'poor_grade'}}

    Attributes:
        adjusted_budget (str):  Example: 95000000.00.
        department_id (UUID):
        project_code (str):
        project_id (UUID):
        project_name (str):
        region_code (str):
        report_id (UUID):
        suggestion (ResultSuggestion): What the region's rules suggest for a project of a round.
        application (None | ResultApplication | Unset):
        grade (Grade | None | Unset):
        overall_light (Light | None | Unset):
        score (None | str | Unset): Score on the 100-point scale; null until the report can be scored. Example: 52.40.
    """

    adjusted_budget: str
    department_id: UUID
    project_code: str
    project_id: UUID
    project_name: str
    region_code: str
    report_id: UUID
    suggestion: ResultSuggestion
    application: None | ResultApplication | Unset = UNSET
    grade: Grade | None | Unset = UNSET
    overall_light: Light | None | Unset = UNSET
    score: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.result_application import ResultApplication  # noqa: PLC0415

        adjusted_budget = self.adjusted_budget

        department_id = str(self.department_id)

        project_code = self.project_code

        project_id = str(self.project_id)

        project_name = self.project_name

        region_code = self.region_code

        report_id = str(self.report_id)

        suggestion = self.suggestion.to_dict()

        application: dict[str, Any] | None | Unset
        if isinstance(self.application, Unset):
            application = UNSET
        elif isinstance(self.application, ResultApplication):
            application = self.application.to_dict()
        else:
            application = self.application

        grade: None | str | Unset
        if isinstance(self.grade, Unset):
            grade = UNSET
        elif isinstance(self.grade, Grade):
            grade = self.grade.value
        else:
            grade = self.grade

        overall_light: None | str | Unset
        if isinstance(self.overall_light, Unset):
            overall_light = UNSET
        elif isinstance(self.overall_light, Light):
            overall_light = self.overall_light.value
        else:
            overall_light = self.overall_light

        score: None | str | Unset
        if isinstance(self.score, Unset):
            score = UNSET
        else:
            score = self.score

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "adjusted_budget": adjusted_budget,
                "department_id": department_id,
                "project_code": project_code,
                "project_id": project_id,
                "project_name": project_name,
                "region_code": region_code,
                "report_id": report_id,
                "suggestion": suggestion,
            }
        )
        if application is not UNSET:
            field_dict["application"] = application
        if grade is not UNSET:
            field_dict["grade"] = grade
        if overall_light is not UNSET:
            field_dict["overall_light"] = overall_light
        if score is not UNSET:
            field_dict["score"] = score

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.result_application import ResultApplication  # noqa: PLC0415
        from ..models.result_suggestion import ResultSuggestion  # noqa: PLC0415

        d = dict(src_dict)
        adjusted_budget = d.pop("adjusted_budget")

        department_id = UUID(d.pop("department_id"))

        project_code = d.pop("project_code")

        project_id = UUID(d.pop("project_id"))

        project_name = d.pop("project_name")

        region_code = d.pop("region_code")

        report_id = UUID(d.pop("report_id"))

        suggestion = ResultSuggestion.from_dict(d.pop("suggestion"))

        def _parse_application(data: object) -> None | ResultApplication | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                application_type_0 = ResultApplication.from_dict(data)

                return application_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ResultApplication | Unset, data)

        application = _parse_application(d.pop("application", UNSET))

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

        def _parse_score(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        score = _parse_score(d.pop("score", UNSET))

        round_result = cls(
            adjusted_budget=adjusted_budget,
            department_id=department_id,
            project_code=project_code,
            project_id=project_id,
            project_name=project_name,
            region_code=region_code,
            report_id=report_id,
            suggestion=suggestion,
            application=application,
            grade=grade,
            overall_light=overall_light,
            score=score,
        )

        round_result.additional_properties = d
        return round_result

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
