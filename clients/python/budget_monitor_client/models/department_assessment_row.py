from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.grade import Grade
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.adjustment_totals import AdjustmentTotals
    from ..models.department_assessment_round_score import DepartmentAssessmentRoundScore


T = TypeVar("T", bound="DepartmentAssessmentRow")


@_attrs_define
class DepartmentAssessmentRow:
    """One department's year of monitoring.

    Attributes:
        adjusted_and_recovered (str): reduce + recover + reallocate, net of reversals. Example: 25000000.00.
        adjustments (AdjustmentTotals): Net of reversals: a reversal takes its original out of the count and the amount.
        applicable_fields (int): Sum of the reports' `applicable_fields`.
        department_code (str):
        department_id (UUID):
        department_name (str):
        filled_fields (int): Sum over the reports of `generated_fields` + the number of `department_fields`, each
            report's at most its `applicable_fields`: a field counts as filled when the system filled
            it (and nobody changed it) or the department set it.
        rank (int): 1 for the best overall score; departments without one come last, ties by code.
        rectifications_on_time (int): Accepted on or before the deadline.
        rectifications_ordered (int): Rectification tasks the department is responsible for, on projects of the year.
        rectifications_overdue (int): Open or answered past the deadline (as of today), or accepted after it.
        reports (int): Its project reports in those rounds.
        reports_late (int): Submitted after the due date (at the last submission), whatever the status now.
        reports_on_time (int): Submitted or approved, and submitted by the due date.
        reports_passing_checks (int): Reports whose `checks` hold no failing check of severity error or warning.
        reports_returned (int): Returned at least once.
        reports_unsubmitted (int): Draft or returned now.
        results_applied (int): Results applications recorded for its projects of the year.
        round_scores (list[DepartmentAssessmentRoundScore]): Score and grade in each round it had reports in, in cut-off
            order.
        rounds_covered (int): Rounds of the year in which the department had reports.
        checks_passed_share (None | str | Unset): `reports_passing_checks` ÷ `reports` × 100; null without reports.
            Example: 80.00.
        completeness_share (None | str | Unset): `filled_fields` ÷ `applicable_fields` × 100; null without fields.
            Example: 96.30.
        mean_round_score (None | str | Unset): Mean of the round scores (those not null); null without any. Example:
            86.40.
        not_returned_share (None | str | Unset): (`reports` − `reports_returned`) ÷ `reports` × 100; null without
            reports. Example: 100.00.
        overall_grade (Grade | None | Unset):
        overall_score (None | str | Unset): The weighted mean of the components with a basis (see the operation); null
            without any. Example: 87.12.
        rectification_on_time_share (None | str | Unset): `rectifications_on_time` ÷ (`rectifications_on_time` +
            `rectifications_overdue`) × 100;
            null while none is done or due. Example: 100.00.
        timeliness_share (None | str | Unset): `reports_on_time` ÷ `reports` × 100; null without reports. Example:
            90.00.
    """

    adjusted_and_recovered: str
    adjustments: AdjustmentTotals
    applicable_fields: int
    department_code: str
    department_id: UUID
    department_name: str
    filled_fields: int
    rank: int
    rectifications_on_time: int
    rectifications_ordered: int
    rectifications_overdue: int
    reports: int
    reports_late: int
    reports_on_time: int
    reports_passing_checks: int
    reports_returned: int
    reports_unsubmitted: int
    results_applied: int
    round_scores: list[DepartmentAssessmentRoundScore]
    rounds_covered: int
    checks_passed_share: None | str | Unset = UNSET
    completeness_share: None | str | Unset = UNSET
    mean_round_score: None | str | Unset = UNSET
    not_returned_share: None | str | Unset = UNSET
    overall_grade: Grade | None | Unset = UNSET
    overall_score: None | str | Unset = UNSET
    rectification_on_time_share: None | str | Unset = UNSET
    timeliness_share: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        adjusted_and_recovered = self.adjusted_and_recovered

        adjustments = self.adjustments.to_dict()

        applicable_fields = self.applicable_fields

        department_code = self.department_code

        department_id = str(self.department_id)

        department_name = self.department_name

        filled_fields = self.filled_fields

        rank = self.rank

        rectifications_on_time = self.rectifications_on_time

        rectifications_ordered = self.rectifications_ordered

        rectifications_overdue = self.rectifications_overdue

        reports = self.reports

        reports_late = self.reports_late

        reports_on_time = self.reports_on_time

        reports_passing_checks = self.reports_passing_checks

        reports_returned = self.reports_returned

        reports_unsubmitted = self.reports_unsubmitted

        results_applied = self.results_applied

        round_scores = []
        for round_scores_item_data in self.round_scores:
            round_scores_item = round_scores_item_data.to_dict()
            round_scores.append(round_scores_item)

        rounds_covered = self.rounds_covered

        checks_passed_share: None | str | Unset
        if isinstance(self.checks_passed_share, Unset):
            checks_passed_share = UNSET
        else:
            checks_passed_share = self.checks_passed_share

        completeness_share: None | str | Unset
        if isinstance(self.completeness_share, Unset):
            completeness_share = UNSET
        else:
            completeness_share = self.completeness_share

        mean_round_score: None | str | Unset
        if isinstance(self.mean_round_score, Unset):
            mean_round_score = UNSET
        else:
            mean_round_score = self.mean_round_score

        not_returned_share: None | str | Unset
        if isinstance(self.not_returned_share, Unset):
            not_returned_share = UNSET
        else:
            not_returned_share = self.not_returned_share

        overall_grade: None | str | Unset
        if isinstance(self.overall_grade, Unset):
            overall_grade = UNSET
        elif isinstance(self.overall_grade, Grade):
            overall_grade = self.overall_grade.value
        else:
            overall_grade = self.overall_grade

        overall_score: None | str | Unset
        if isinstance(self.overall_score, Unset):
            overall_score = UNSET
        else:
            overall_score = self.overall_score

        rectification_on_time_share: None | str | Unset
        if isinstance(self.rectification_on_time_share, Unset):
            rectification_on_time_share = UNSET
        else:
            rectification_on_time_share = self.rectification_on_time_share

        timeliness_share: None | str | Unset
        if isinstance(self.timeliness_share, Unset):
            timeliness_share = UNSET
        else:
            timeliness_share = self.timeliness_share

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "adjusted_and_recovered": adjusted_and_recovered,
                "adjustments": adjustments,
                "applicable_fields": applicable_fields,
                "department_code": department_code,
                "department_id": department_id,
                "department_name": department_name,
                "filled_fields": filled_fields,
                "rank": rank,
                "rectifications_on_time": rectifications_on_time,
                "rectifications_ordered": rectifications_ordered,
                "rectifications_overdue": rectifications_overdue,
                "reports": reports,
                "reports_late": reports_late,
                "reports_on_time": reports_on_time,
                "reports_passing_checks": reports_passing_checks,
                "reports_returned": reports_returned,
                "reports_unsubmitted": reports_unsubmitted,
                "results_applied": results_applied,
                "round_scores": round_scores,
                "rounds_covered": rounds_covered,
            }
        )
        if checks_passed_share is not UNSET:
            field_dict["checks_passed_share"] = checks_passed_share
        if completeness_share is not UNSET:
            field_dict["completeness_share"] = completeness_share
        if mean_round_score is not UNSET:
            field_dict["mean_round_score"] = mean_round_score
        if not_returned_share is not UNSET:
            field_dict["not_returned_share"] = not_returned_share
        if overall_grade is not UNSET:
            field_dict["overall_grade"] = overall_grade
        if overall_score is not UNSET:
            field_dict["overall_score"] = overall_score
        if rectification_on_time_share is not UNSET:
            field_dict["rectification_on_time_share"] = rectification_on_time_share
        if timeliness_share is not UNSET:
            field_dict["timeliness_share"] = timeliness_share

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.adjustment_totals import AdjustmentTotals  # noqa: PLC0415
        from ..models.department_assessment_round_score import DepartmentAssessmentRoundScore  # noqa: PLC0415

        d = dict(src_dict)
        adjusted_and_recovered = d.pop("adjusted_and_recovered")

        adjustments = AdjustmentTotals.from_dict(d.pop("adjustments"))

        applicable_fields = d.pop("applicable_fields")

        department_code = d.pop("department_code")

        department_id = UUID(d.pop("department_id"))

        department_name = d.pop("department_name")

        filled_fields = d.pop("filled_fields")

        rank = d.pop("rank")

        rectifications_on_time = d.pop("rectifications_on_time")

        rectifications_ordered = d.pop("rectifications_ordered")

        rectifications_overdue = d.pop("rectifications_overdue")

        reports = d.pop("reports")

        reports_late = d.pop("reports_late")

        reports_on_time = d.pop("reports_on_time")

        reports_passing_checks = d.pop("reports_passing_checks")

        reports_returned = d.pop("reports_returned")

        reports_unsubmitted = d.pop("reports_unsubmitted")

        results_applied = d.pop("results_applied")

        round_scores = []
        _round_scores = d.pop("round_scores")
        for round_scores_item_data in _round_scores:
            round_scores_item = DepartmentAssessmentRoundScore.from_dict(round_scores_item_data)

            round_scores.append(round_scores_item)

        rounds_covered = d.pop("rounds_covered")

        def _parse_checks_passed_share(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        checks_passed_share = _parse_checks_passed_share(d.pop("checks_passed_share", UNSET))

        def _parse_completeness_share(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        completeness_share = _parse_completeness_share(d.pop("completeness_share", UNSET))

        def _parse_mean_round_score(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        mean_round_score = _parse_mean_round_score(d.pop("mean_round_score", UNSET))

        def _parse_not_returned_share(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        not_returned_share = _parse_not_returned_share(d.pop("not_returned_share", UNSET))

        def _parse_overall_grade(data: object) -> Grade | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                overall_grade_type_0 = Grade(data)

                return overall_grade_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Grade | None | Unset, data)

        overall_grade = _parse_overall_grade(d.pop("overall_grade", UNSET))

        def _parse_overall_score(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        overall_score = _parse_overall_score(d.pop("overall_score", UNSET))

        def _parse_rectification_on_time_share(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        rectification_on_time_share = _parse_rectification_on_time_share(d.pop("rectification_on_time_share", UNSET))

        def _parse_timeliness_share(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        timeliness_share = _parse_timeliness_share(d.pop("timeliness_share", UNSET))

        department_assessment_row = cls(
            adjusted_and_recovered=adjusted_and_recovered,
            adjustments=adjustments,
            applicable_fields=applicable_fields,
            department_code=department_code,
            department_id=department_id,
            department_name=department_name,
            filled_fields=filled_fields,
            rank=rank,
            rectifications_on_time=rectifications_on_time,
            rectifications_ordered=rectifications_ordered,
            rectifications_overdue=rectifications_overdue,
            reports=reports,
            reports_late=reports_late,
            reports_on_time=reports_on_time,
            reports_passing_checks=reports_passing_checks,
            reports_returned=reports_returned,
            reports_unsubmitted=reports_unsubmitted,
            results_applied=results_applied,
            round_scores=round_scores,
            rounds_covered=rounds_covered,
            checks_passed_share=checks_passed_share,
            completeness_share=completeness_share,
            mean_round_score=mean_round_score,
            not_returned_share=not_returned_share,
            overall_grade=overall_grade,
            overall_score=overall_score,
            rectification_on_time_share=rectification_on_time_share,
            timeliness_share=timeliness_share,
        )

        department_assessment_row.additional_properties = d
        return department_assessment_row

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
