from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.grade import Grade
from ..models.light import Light
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.report_lights_explanations import ReportLightsExplanations
    from ..models.report_lights_scores import ReportLightsScores


T = TypeVar("T", bound="ReportLights")


@_attrs_define
class ReportLights:
    """The report's early-warning lights, with why each is what it is, and its scores.

    Attributes:
        budget (Light):
        effect (Light):
        explanations (ReportLightsExplanations): Per light: rule, metric, inputs, value, band and result (`indicators`
            in row order).
        filing (Light):
        goal (Light):
        output (Light):
        overall (Light):
        rules_version (str): The rule versions that computed these lights.
        satisfaction (Light):
        scores (ReportLightsScores): Budget and per-indicator scores.
        grade (Grade | None | Unset):
        score_total (None | str | Unset): Total score on the 100-point scale; null while an indicator has no actual
            value. Example: 97.97.
    """

    budget: Light
    effect: Light
    explanations: ReportLightsExplanations
    filing: Light
    goal: Light
    output: Light
    overall: Light
    rules_version: str
    satisfaction: Light
    scores: ReportLightsScores
    grade: Grade | None | Unset = UNSET
    score_total: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        budget = self.budget.value

        effect = self.effect.value

        explanations = self.explanations.to_dict()

        filing = self.filing.value

        goal = self.goal.value

        output = self.output.value

        overall = self.overall.value

        rules_version = self.rules_version

        satisfaction = self.satisfaction.value

        scores = self.scores.to_dict()

        grade: None | str | Unset
        if isinstance(self.grade, Unset):
            grade = UNSET
        elif isinstance(self.grade, Grade):
            grade = self.grade.value
        else:
            grade = self.grade

        score_total: None | str | Unset
        if isinstance(self.score_total, Unset):
            score_total = UNSET
        else:
            score_total = self.score_total

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "budget": budget,
                "effect": effect,
                "explanations": explanations,
                "filing": filing,
                "goal": goal,
                "output": output,
                "overall": overall,
                "rules_version": rules_version,
                "satisfaction": satisfaction,
                "scores": scores,
            }
        )
        if grade is not UNSET:
            field_dict["grade"] = grade
        if score_total is not UNSET:
            field_dict["score_total"] = score_total

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.report_lights_explanations import ReportLightsExplanations  # noqa: PLC0415
        from ..models.report_lights_scores import ReportLightsScores  # noqa: PLC0415

        d = dict(src_dict)
        budget = Light(d.pop("budget"))

        effect = Light(d.pop("effect"))

        explanations = ReportLightsExplanations.from_dict(d.pop("explanations"))

        filing = Light(d.pop("filing"))

        goal = Light(d.pop("goal"))

        output = Light(d.pop("output"))

        overall = Light(d.pop("overall"))

        rules_version = d.pop("rules_version")

        satisfaction = Light(d.pop("satisfaction"))

        scores = ReportLightsScores.from_dict(d.pop("scores"))

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

        def _parse_score_total(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        score_total = _parse_score_total(d.pop("score_total", UNSET))

        report_lights = cls(
            budget=budget,
            effect=effect,
            explanations=explanations,
            filing=filing,
            goal=goal,
            output=output,
            overall=overall,
            rules_version=rules_version,
            satisfaction=satisfaction,
            scores=scores,
            grade=grade,
            score_total=score_total,
        )

        report_lights.additional_properties = d
        return report_lights

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
