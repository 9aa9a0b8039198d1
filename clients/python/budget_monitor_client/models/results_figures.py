from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.policy_revision_counts import PolicyRevisionCounts
    from ..models.region_ref import RegionRef
    from ..models.result_application_figures import ResultApplicationFigures
    from ..models.target_adjustment_counts import TargetAdjustmentCounts


T = TypeVar("T", bound="ResultsFigures")


@_attrs_define
class ResultsFigures:
    """
    Example:
        {'policy_revisions': {'revised': 23, 'suggested': 23}, 'region': {'code': '371100', 'level': 'city', 'name':
            'Rizhao'}, 'result_applications': {'by_measure': [{'count': 31, 'measure': 'rectify'}, {'count': 5, 'measure':
            'reduce_next_year_budget'}], 'differing_from_suggestion': 6, 'next_year_budget_net': '-19000000.00',
            'next_year_budget_raised': '0.00', 'next_year_budget_reduced': '19000000.00', 'next_year_projects_following': 2,
            'recorded': 49}, 'target_adjustments': {'approved': 3, 'open': 0, 'rejected': 1, 'requested': 4}, 'year': 2021}

    Attributes:
        policy_revisions (PolicyRevisionCounts):
        region (RegionRef):
        result_applications (ResultApplicationFigures):
        target_adjustments (TargetAdjustmentCounts):
        year (int):
    """

    policy_revisions: PolicyRevisionCounts
    region: RegionRef
    result_applications: ResultApplicationFigures
    target_adjustments: TargetAdjustmentCounts
    year: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        policy_revisions = self.policy_revisions.to_dict()

        region = self.region.to_dict()

        result_applications = self.result_applications.to_dict()

        target_adjustments = self.target_adjustments.to_dict()

        year = self.year

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "policy_revisions": policy_revisions,
                "region": region,
                "result_applications": result_applications,
                "target_adjustments": target_adjustments,
                "year": year,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.policy_revision_counts import PolicyRevisionCounts  # noqa: PLC0415
        from ..models.region_ref import RegionRef  # noqa: PLC0415
        from ..models.result_application_figures import ResultApplicationFigures  # noqa: PLC0415
        from ..models.target_adjustment_counts import TargetAdjustmentCounts  # noqa: PLC0415

        d = dict(src_dict)
        policy_revisions = PolicyRevisionCounts.from_dict(d.pop("policy_revisions"))

        region = RegionRef.from_dict(d.pop("region"))

        result_applications = ResultApplicationFigures.from_dict(d.pop("result_applications"))

        target_adjustments = TargetAdjustmentCounts.from_dict(d.pop("target_adjustments"))

        year = d.pop("year")

        results_figures = cls(
            policy_revisions=policy_revisions,
            region=region,
            result_applications=result_applications,
            target_adjustments=target_adjustments,
            year=year,
        )

        results_figures.additional_properties = d
        return results_figures

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
