from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="DepartmentAssessmentWeights")


@_attrs_define
class DepartmentAssessmentWeights:
    """The weights the overall score was computed with (they sum to 100).

    Attributes:
        checks (int):  Example: 5.
        completeness (int):  Example: 10.
        not_returned (int):  Example: 5.
        rectification (int):  Example: 10.
        score (int):  Example: 60.
        timeliness (int):  Example: 10.
    """

    checks: int
    completeness: int
    not_returned: int
    rectification: int
    score: int
    timeliness: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        checks = self.checks

        completeness = self.completeness

        not_returned = self.not_returned

        rectification = self.rectification

        score = self.score

        timeliness = self.timeliness

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "checks": checks,
                "completeness": completeness,
                "not_returned": not_returned,
                "rectification": rectification,
                "score": score,
                "timeliness": timeliness,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        checks = d.pop("checks")

        completeness = d.pop("completeness")

        not_returned = d.pop("not_returned")

        rectification = d.pop("rectification")

        score = d.pop("score")

        timeliness = d.pop("timeliness")

        department_assessment_weights = cls(
            checks=checks,
            completeness=completeness,
            not_returned=not_returned,
            rectification=rectification,
            score=score,
            timeliness=timeliness,
        )

        department_assessment_weights.additional_properties = d
        return department_assessment_weights

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
