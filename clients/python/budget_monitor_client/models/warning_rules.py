from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.effective_rule import EffectiveRule
    from ..models.overrides import Overrides
    from ..models.settings import Settings
    from ..models.warning_rules_checks import WarningRulesChecks


T = TypeVar("T", bound="WarningRules")


@_attrs_define
class WarningRules:
    """
    Example:
        {'checks': {'actual_out_of_scale': 'warning', 'behind_without_reasons': 'error', 'executed_over_budget':
            'warning', 'forecast_below_spent': 'error', 'forecast_over_budget': 'warning', 'qualitative_without_value':
            'error', 'red_without_measures': 'error'}, 'own_changed_at': '2021-07-26T02:00:00Z', 'own_changed_by':
            'jinan.finance', 'own_overrides': {'checks': {'red_without_measures': 'error'}, 'rules': {'budget_execution':
            {'bands': [{'below': '70', 'light': 'red'}, {'below': '85', 'light': 'yellow'}, {'light': 'green'}], 'metric':
            'ratio_to_prorated'}}, 'settings': {'budget_rule': 'budget_execution', 'budget_share': '10', 'grade_edges':
            ['90', '80', '60'], 'lang': 'zh', 'likelihood_edges': ['60', '80'], 'result_suggestions': [{'grade': 'poor',
            'measures': ['reduce_next_year_budget', 'rectify'], 'name': 'poor_grade', 'next_year_change_percent': '-20'},
            {'measures': ['rectify'], 'name': 'red_overall_light', 'overall_light': 'red'}], 'time_progress': 'month'}},
            'own_version': 1, 'region_code': '370100', 'rules': [{'description': 'budget execution: execution rate ÷ time
            progress × 100', 'key': 'budget_execution', 'rule': {'bands': [{'below': '70', 'light': 'red'}, {'below': '85',
            'light': 'yellow'}, {'light': 'green'}], 'metric': 'ratio_to_prorated'}, 'source': '370100'}, {'description':
            "likelihood of reaching the target: raises an indicator's light to at least this", 'key': 'likelihood', 'rule':
            {'mapping': {'certain': 'none', 'impossible': 'red', 'possible': 'yellow'}, 'metric': 'enumerated'}, 'source':
            'default'}], 'settings': {'budget_rule': 'budget_execution', 'budget_share': '10', 'grade_edges': ['90', '80',
            '60'], 'lang': 'zh', 'likelihood_edges': ['60', '80'], 'result_suggestions': [{'grade': 'poor', 'measures':
            ['reduce_next_year_budget', 'rectify'], 'name': 'poor_grade', 'next_year_change_percent': '-20'}, {'measures':
            ['rectify'], 'name': 'red_overall_light', 'overall_light': 'red'}], 'time_progress': 'month'},
            'settings_source': '370100', 'version': '370100:1'}

    Attributes:
        checks (WarningRulesChecks): The severity of every logic check in force (`error` blocks submission, `warning` is
            shown on the report, `off` does not run); set per region with `checks` in the overrides.
        region_code (str):
        rules (list[EffectiveRule]):
        settings (Settings): Which budget metric the project light uses, and the bands of project grades.
        settings_source (str):
        version (str): The rule versions in force, e.g. `default` or `370000:2,370100:1`; reports record it.
        own_changed_at (datetime.datetime | None | Unset):
        own_changed_by (None | str | Unset):
        own_overrides (None | Overrides | Unset):
        own_version (int | None | Unset): The region's own overrides (latest version), if any.
    """

    checks: WarningRulesChecks
    region_code: str
    rules: list[EffectiveRule]
    settings: Settings
    settings_source: str
    version: str
    own_changed_at: datetime.datetime | None | Unset = UNSET
    own_changed_by: None | str | Unset = UNSET
    own_overrides: None | Overrides | Unset = UNSET
    own_version: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.overrides import Overrides  # noqa: PLC0415

        checks = self.checks.to_dict()

        region_code = self.region_code

        rules = []
        for rules_item_data in self.rules:
            rules_item = rules_item_data.to_dict()
            rules.append(rules_item)

        settings = self.settings.to_dict()

        settings_source = self.settings_source

        version = self.version

        own_changed_at: None | str | Unset
        if isinstance(self.own_changed_at, Unset):
            own_changed_at = UNSET
        elif isinstance(self.own_changed_at, datetime.datetime):
            own_changed_at = self.own_changed_at.isoformat()
        else:
            own_changed_at = self.own_changed_at

        own_changed_by: None | str | Unset
        if isinstance(self.own_changed_by, Unset):
            own_changed_by = UNSET
        else:
            own_changed_by = self.own_changed_by

        own_overrides: dict[str, Any] | None | Unset
        if isinstance(self.own_overrides, Unset):
            own_overrides = UNSET
        elif isinstance(self.own_overrides, Overrides):
            own_overrides = self.own_overrides.to_dict()
        else:
            own_overrides = self.own_overrides

        own_version: int | None | Unset
        if isinstance(self.own_version, Unset):
            own_version = UNSET
        else:
            own_version = self.own_version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "checks": checks,
                "region_code": region_code,
                "rules": rules,
                "settings": settings,
                "settings_source": settings_source,
                "version": version,
            }
        )
        if own_changed_at is not UNSET:
            field_dict["own_changed_at"] = own_changed_at
        if own_changed_by is not UNSET:
            field_dict["own_changed_by"] = own_changed_by
        if own_overrides is not UNSET:
            field_dict["own_overrides"] = own_overrides
        if own_version is not UNSET:
            field_dict["own_version"] = own_version

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.effective_rule import EffectiveRule  # noqa: PLC0415
        from ..models.overrides import Overrides  # noqa: PLC0415
        from ..models.settings import Settings  # noqa: PLC0415
        from ..models.warning_rules_checks import WarningRulesChecks  # noqa: PLC0415

        d = dict(src_dict)
        checks = WarningRulesChecks.from_dict(d.pop("checks"))

        region_code = d.pop("region_code")

        rules = []
        _rules = d.pop("rules")
        for rules_item_data in _rules:
            rules_item = EffectiveRule.from_dict(rules_item_data)

            rules.append(rules_item)

        settings = Settings.from_dict(d.pop("settings"))

        settings_source = d.pop("settings_source")

        version = d.pop("version")

        def _parse_own_changed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                own_changed_at_type_0 = datetime.datetime.fromisoformat(data)

                return own_changed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        own_changed_at = _parse_own_changed_at(d.pop("own_changed_at", UNSET))

        def _parse_own_changed_by(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        own_changed_by = _parse_own_changed_by(d.pop("own_changed_by", UNSET))

        def _parse_own_overrides(data: object) -> None | Overrides | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                own_overrides_type_0 = Overrides.from_dict(data)

                return own_overrides_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Overrides | Unset, data)

        own_overrides = _parse_own_overrides(d.pop("own_overrides", UNSET))

        def _parse_own_version(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        own_version = _parse_own_version(d.pop("own_version", UNSET))

        warning_rules = cls(
            checks=checks,
            region_code=region_code,
            rules=rules,
            settings=settings,
            settings_source=settings_source,
            version=version,
            own_changed_at=own_changed_at,
            own_changed_by=own_changed_by,
            own_overrides=own_overrides,
            own_version=own_version,
        )

        warning_rules.additional_properties = d
        return warning_rules

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
