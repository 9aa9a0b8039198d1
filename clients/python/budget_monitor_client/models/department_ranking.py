from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.grade import Grade
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.department_ranking_lights import DepartmentRankingLights


T = TypeVar("T", bound="DepartmentRanking")


@_attrs_define
class DepartmentRanking:
    """
    Example:
        {'department_code': 'KJT', 'department_id': '0193a0c4-7f43-7000-8000-0000000000a1', 'department_name':
            'Department of Science and Technology', 'grade': 'excellent', 'late_reports': 0, 'lights': {'green': 6,
            'yellow': 3}, 'monitoring_quality': '88.89', 'rank': 1, 'report_fields': 330, 'reports': 9, 'score': '91.25',
            'system_filled_fields': 252, 'system_filled_share': '76.36'}

    Attributes:
        department_code (str):
        department_id (UUID):
        department_name (str):
        late_reports (int):
        lights (DepartmentRankingLights): Project (overall) lights by colour.
        monitoring_quality (str): Share of its reports submitted on time and never returned, in percent. Example: 88.89.
        rank (int):
        report_fields (int): Sum of its reports' `applicable_fields` in the round.
        reports (int):
        system_filled_fields (int): Sum of its reports' `generated_fields` in the round.
        grade (Grade | None | Unset):
        score (None | str | Unset): 90% the budget-weighted mean of its projects' totals, 10% monitoring quality; null
            while
            no project has a total. Example: 91.25.
        system_filled_share (None | str | Unset): `system_filled_fields` ÷ `report_fields` × 100, two decimals; null
            without fields. Example: 76.36.
    """

    department_code: str
    department_id: UUID
    department_name: str
    late_reports: int
    lights: DepartmentRankingLights
    monitoring_quality: str
    rank: int
    report_fields: int
    reports: int
    system_filled_fields: int
    grade: Grade | None | Unset = UNSET
    score: None | str | Unset = UNSET
    system_filled_share: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        department_code = self.department_code

        department_id = str(self.department_id)

        department_name = self.department_name

        late_reports = self.late_reports

        lights = self.lights.to_dict()

        monitoring_quality = self.monitoring_quality

        rank = self.rank

        report_fields = self.report_fields

        reports = self.reports

        system_filled_fields = self.system_filled_fields

        grade: None | str | Unset
        if isinstance(self.grade, Unset):
            grade = UNSET
        elif isinstance(self.grade, Grade):
            grade = self.grade.value
        else:
            grade = self.grade

        score: None | str | Unset
        if isinstance(self.score, Unset):
            score = UNSET
        else:
            score = self.score

        system_filled_share: None | str | Unset
        if isinstance(self.system_filled_share, Unset):
            system_filled_share = UNSET
        else:
            system_filled_share = self.system_filled_share

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "department_code": department_code,
                "department_id": department_id,
                "department_name": department_name,
                "late_reports": late_reports,
                "lights": lights,
                "monitoring_quality": monitoring_quality,
                "rank": rank,
                "report_fields": report_fields,
                "reports": reports,
                "system_filled_fields": system_filled_fields,
            }
        )
        if grade is not UNSET:
            field_dict["grade"] = grade
        if score is not UNSET:
            field_dict["score"] = score
        if system_filled_share is not UNSET:
            field_dict["system_filled_share"] = system_filled_share

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.department_ranking_lights import DepartmentRankingLights  # noqa: PLC0415

        d = dict(src_dict)
        department_code = d.pop("department_code")

        department_id = UUID(d.pop("department_id"))

        department_name = d.pop("department_name")

        late_reports = d.pop("late_reports")

        lights = DepartmentRankingLights.from_dict(d.pop("lights"))

        monitoring_quality = d.pop("monitoring_quality")

        rank = d.pop("rank")

        report_fields = d.pop("report_fields")

        reports = d.pop("reports")

        system_filled_fields = d.pop("system_filled_fields")

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

        def _parse_score(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        score = _parse_score(d.pop("score", UNSET))

        def _parse_system_filled_share(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        system_filled_share = _parse_system_filled_share(d.pop("system_filled_share", UNSET))

        department_ranking = cls(
            department_code=department_code,
            department_id=department_id,
            department_name=department_name,
            late_reports=late_reports,
            lights=lights,
            monitoring_quality=monitoring_quality,
            rank=rank,
            report_fields=report_fields,
            reports=reports,
            system_filled_fields=system_filled_fields,
            grade=grade,
            score=score,
            system_filled_share=system_filled_share,
        )

        department_ranking.additional_properties = d
        return department_ranking

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
