from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.department_assessment_round import DepartmentAssessmentRound
    from ..models.department_assessment_row import DepartmentAssessmentRow
    from ..models.department_assessment_weights import DepartmentAssessmentWeights
    from ..models.region_ref import RegionRef


T = TypeVar("T", bound="DepartmentAssessment")


@_attrs_define
class DepartmentAssessment:
    """The annual assessment of a region's own departments.

    Example:
        {'departments': [{'adjusted_and_recovered': '25000000.00', 'adjustments': {'increase': {'amount': '0.00',
            'count': 0}, 'reallocate': {'amount': '0.00', 'count': 0}, 'recover': {'amount': '0.00', 'count': 0}, 'reduce':
            {'amount': '25000000.00', 'count': 1}, 'stop': {'amount': '0.00', 'count': 0}, 'suspend': {'amount': '0.00',
            'count': 0}}, 'applicable_fields': 108, 'checks_passed_share': '100.00', 'completeness_share': '96.30',
            'department_code': 'SD-KJ', 'department_id': '0193a0c4-7f43-7000-8000-0000000000a1', 'department_name':
            'Shandong Provincial Department of Science and Technology', 'filled_fields': 104, 'mean_round_score': '91.25',
            'not_returned_share': '100.00', 'overall_grade': 'excellent', 'overall_score': '94.38', 'rank': 1,
            'rectification_on_time_share': '100.00', 'rectifications_on_time': 1, 'rectifications_ordered': 2,
            'rectifications_overdue': 0, 'reports': 4, 'reports_late': 0, 'reports_on_time': 4, 'reports_passing_checks': 4,
            'reports_returned': 0, 'reports_unsubmitted': 0, 'results_applied': 1, 'round_scores': [{'grade': 'excellent',
            'round_id': '0193a0c4-7f43-7000-8000-000000000091', 'score': '91.25'}], 'rounds_covered': 1, 'timeliness_share':
            '100.00'}], 'region': {'code': '370000', 'level': 'province', 'name': 'Shandong'}, 'rounds': [{'cutoff_date':
            '2021-07-31', 'id': '0193a0c4-7f43-7000-8000-000000000091', 'name': '2021 January–July monitoring'}], 'weights':
            {'checks': 5, 'completeness': 10, 'not_returned': 5, 'rectification': 10, 'score': 60, 'timeliness': 10},
            'year': 2021}

    Attributes:
        departments (list[DepartmentAssessmentRow]): Best overall score first.
        region (RegionRef):
        rounds (list[DepartmentAssessmentRound]): The rounds of the year that reached the region, by cut-off date;
            `round_N_*` columns of
            the CSV and XLSX follow this order.
        weights (DepartmentAssessmentWeights): The weights the overall score was computed with (they sum to 100).
        year (int):
    """

    departments: list[DepartmentAssessmentRow]
    region: RegionRef
    rounds: list[DepartmentAssessmentRound]
    weights: DepartmentAssessmentWeights
    year: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        departments = []
        for departments_item_data in self.departments:
            departments_item = departments_item_data.to_dict()
            departments.append(departments_item)

        region = self.region.to_dict()

        rounds = []
        for rounds_item_data in self.rounds:
            rounds_item = rounds_item_data.to_dict()
            rounds.append(rounds_item)

        weights = self.weights.to_dict()

        year = self.year

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "departments": departments,
                "region": region,
                "rounds": rounds,
                "weights": weights,
                "year": year,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.department_assessment_round import DepartmentAssessmentRound  # noqa: PLC0415
        from ..models.department_assessment_row import DepartmentAssessmentRow  # noqa: PLC0415
        from ..models.department_assessment_weights import DepartmentAssessmentWeights  # noqa: PLC0415
        from ..models.region_ref import RegionRef  # noqa: PLC0415

        d = dict(src_dict)
        departments = []
        _departments = d.pop("departments")
        for departments_item_data in _departments:
            departments_item = DepartmentAssessmentRow.from_dict(departments_item_data)

            departments.append(departments_item)

        region = RegionRef.from_dict(d.pop("region"))

        rounds = []
        _rounds = d.pop("rounds")
        for rounds_item_data in _rounds:
            rounds_item = DepartmentAssessmentRound.from_dict(rounds_item_data)

            rounds.append(rounds_item)

        weights = DepartmentAssessmentWeights.from_dict(d.pop("weights"))

        year = d.pop("year")

        department_assessment = cls(
            departments=departments,
            region=region,
            rounds=rounds,
            weights=weights,
            year=year,
        )

        department_assessment.additional_properties = d
        return department_assessment

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
