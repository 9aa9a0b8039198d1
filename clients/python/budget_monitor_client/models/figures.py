from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.adjustment_totals import AdjustmentTotals
    from ..models.finding_counts import FindingCounts
    from ..models.lights_by_category import LightsByCategory
    from ..models.rectification_counts import RectificationCounts
    from ..models.report_counts import ReportCounts


T = TypeVar("T", bound="Figures")


@_attrs_define
class Figures:
    """The figures of one region (or level), for one fiscal year and optionally one round.

    Attributes:
        adjusted_and_recovered (str): Reduced, recovered and reallocated, yuan: the money taken off projects. Example:
            3370000000.00.
        adjustments (AdjustmentTotals): Net of reversals: a reversal takes its original out of the count and the amount.
        departments_monitored (int): Departments with at least one project report.
        findings (FindingCounts):
        key_monitored_funds (str): Budgets at the start of the year of the key-monitored projects, yuan. Example:
            41770000000.00.
        key_monitored_projects (int):
        key_monitoring_items (int): Inspections of key-monitored projects.
        lights (LightsByCategory):
        opinions (int):
        policy_revisions (int):
        projects_monitored (int): Projects with at least one report.
        projects_monitored_funds (str): Their budgets at the start of the year, yuan.
        rectifications (RectificationCounts):
        report_fields (int): Sum of the reports' `applicable_fields` (the rule is on the report's `applicable_fields`).
        reports (ReportCounts):
        suggestions (int):
        system_filled_fields (int): Sum of the reports' `generated_fields`: fields that apply and that the system filled
            and nobody changed since.
        system_filled_share (None | str | Unset): `system_filled_fields` ÷ `report_fields` × 100, two decimals; absent
            without reports. Example: 71.35.
    """

    adjusted_and_recovered: str
    adjustments: AdjustmentTotals
    departments_monitored: int
    findings: FindingCounts
    key_monitored_funds: str
    key_monitored_projects: int
    key_monitoring_items: int
    lights: LightsByCategory
    opinions: int
    policy_revisions: int
    projects_monitored: int
    projects_monitored_funds: str
    rectifications: RectificationCounts
    report_fields: int
    reports: ReportCounts
    suggestions: int
    system_filled_fields: int
    system_filled_share: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        adjusted_and_recovered = self.adjusted_and_recovered

        adjustments = self.adjustments.to_dict()

        departments_monitored = self.departments_monitored

        findings = self.findings.to_dict()

        key_monitored_funds = self.key_monitored_funds

        key_monitored_projects = self.key_monitored_projects

        key_monitoring_items = self.key_monitoring_items

        lights = self.lights.to_dict()

        opinions = self.opinions

        policy_revisions = self.policy_revisions

        projects_monitored = self.projects_monitored

        projects_monitored_funds = self.projects_monitored_funds

        rectifications = self.rectifications.to_dict()

        report_fields = self.report_fields

        reports = self.reports.to_dict()

        suggestions = self.suggestions

        system_filled_fields = self.system_filled_fields

        system_filled_share: None | str | Unset
        if isinstance(self.system_filled_share, Unset):
            system_filled_share = UNSET
        else:
            system_filled_share = self.system_filled_share

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "adjusted_and_recovered": adjusted_and_recovered,
                "adjustments": adjustments,
                "departments_monitored": departments_monitored,
                "findings": findings,
                "key_monitored_funds": key_monitored_funds,
                "key_monitored_projects": key_monitored_projects,
                "key_monitoring_items": key_monitoring_items,
                "lights": lights,
                "opinions": opinions,
                "policy_revisions": policy_revisions,
                "projects_monitored": projects_monitored,
                "projects_monitored_funds": projects_monitored_funds,
                "rectifications": rectifications,
                "report_fields": report_fields,
                "reports": reports,
                "suggestions": suggestions,
                "system_filled_fields": system_filled_fields,
            }
        )
        if system_filled_share is not UNSET:
            field_dict["system_filled_share"] = system_filled_share

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.adjustment_totals import AdjustmentTotals  # noqa: PLC0415
        from ..models.finding_counts import FindingCounts  # noqa: PLC0415
        from ..models.lights_by_category import LightsByCategory  # noqa: PLC0415
        from ..models.rectification_counts import RectificationCounts  # noqa: PLC0415
        from ..models.report_counts import ReportCounts  # noqa: PLC0415

        d = dict(src_dict)
        adjusted_and_recovered = d.pop("adjusted_and_recovered")

        adjustments = AdjustmentTotals.from_dict(d.pop("adjustments"))

        departments_monitored = d.pop("departments_monitored")

        findings = FindingCounts.from_dict(d.pop("findings"))

        key_monitored_funds = d.pop("key_monitored_funds")

        key_monitored_projects = d.pop("key_monitored_projects")

        key_monitoring_items = d.pop("key_monitoring_items")

        lights = LightsByCategory.from_dict(d.pop("lights"))

        opinions = d.pop("opinions")

        policy_revisions = d.pop("policy_revisions")

        projects_monitored = d.pop("projects_monitored")

        projects_monitored_funds = d.pop("projects_monitored_funds")

        rectifications = RectificationCounts.from_dict(d.pop("rectifications"))

        report_fields = d.pop("report_fields")

        reports = ReportCounts.from_dict(d.pop("reports"))

        suggestions = d.pop("suggestions")

        system_filled_fields = d.pop("system_filled_fields")

        def _parse_system_filled_share(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        system_filled_share = _parse_system_filled_share(d.pop("system_filled_share", UNSET))

        figures = cls(
            adjusted_and_recovered=adjusted_and_recovered,
            adjustments=adjustments,
            departments_monitored=departments_monitored,
            findings=findings,
            key_monitored_funds=key_monitored_funds,
            key_monitored_projects=key_monitored_projects,
            key_monitoring_items=key_monitoring_items,
            lights=lights,
            opinions=opinions,
            policy_revisions=policy_revisions,
            projects_monitored=projects_monitored,
            projects_monitored_funds=projects_monitored_funds,
            rectifications=rectifications,
            report_fields=report_fields,
            reports=reports,
            suggestions=suggestions,
            system_filled_fields=system_filled_fields,
            system_filled_share=system_filled_share,
        )

        figures.additional_properties = d
        return figures

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
