from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Narrative")


@_attrs_define
class Narrative:
    """
    Attributes:
        construction (str):
        corrective_measures (str):
        financial_management (str):
        goal_progress (str):
        management (str):
        problems (str):
        targets_need_adjusting (bool | None | Unset):
    """

    construction: str
    corrective_measures: str
    financial_management: str
    goal_progress: str
    management: str
    problems: str
    targets_need_adjusting: bool | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        construction = self.construction

        corrective_measures = self.corrective_measures

        financial_management = self.financial_management

        goal_progress = self.goal_progress

        management = self.management

        problems = self.problems

        targets_need_adjusting: bool | None | Unset
        if isinstance(self.targets_need_adjusting, Unset):
            targets_need_adjusting = UNSET
        else:
            targets_need_adjusting = self.targets_need_adjusting

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "construction": construction,
                "corrective_measures": corrective_measures,
                "financial_management": financial_management,
                "goal_progress": goal_progress,
                "management": management,
                "problems": problems,
            }
        )
        if targets_need_adjusting is not UNSET:
            field_dict["targets_need_adjusting"] = targets_need_adjusting

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        construction = d.pop("construction")

        corrective_measures = d.pop("corrective_measures")

        financial_management = d.pop("financial_management")

        goal_progress = d.pop("goal_progress")

        management = d.pop("management")

        problems = d.pop("problems")

        def _parse_targets_need_adjusting(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        targets_need_adjusting = _parse_targets_need_adjusting(d.pop("targets_need_adjusting", UNSET))

        narrative = cls(
            construction=construction,
            corrective_measures=corrective_measures,
            financial_management=financial_management,
            goal_progress=goal_progress,
            management=management,
            problems=problems,
            targets_need_adjusting=targets_need_adjusting,
        )

        narrative.additional_properties = d
        return narrative

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
