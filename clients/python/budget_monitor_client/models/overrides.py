from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.overrides_checks import OverridesChecks
    from ..models.overrides_rules import OverridesRules
    from ..models.settings import Settings


T = TypeVar("T", bound="Overrides")


@_attrs_define
class Overrides:
    """What a region stores: the rules it overrides and, optionally, its settings.

    Example:
        {'checks': {'red_without_measures': 'error'}, 'rules': {'budget_execution': {'bands': [{'below': '70', 'light':
            'red'}, {'below': '85', 'light': 'yellow'}, {'light': 'green'}], 'metric': 'ratio_to_prorated'}}, 'settings':
            {'budget_rule': 'budget_execution', 'budget_share': '10', 'grade_edges': ['90', '80', '60'], 'lang': 'zh',
            'likelihood_edges': ['60', '80'], 'result_suggestions': [{'grade': 'poor', 'measures':
            ['reduce_next_year_budget', 'rectify'], 'name': 'poor_grade', 'next_year_change_percent': '-20'}, {'measures':
            ['rectify'], 'name': 'red_overall_light', 'overall_light': 'red'}], 'time_progress': 'month'}}

    Attributes:
        checks (OverridesChecks | Unset): Severities of the logic checks the region changes (`error`, `warning` or
            `off`).
        rules (OverridesRules | Unset):
        settings (None | Settings | Unset):
    """

    checks: OverridesChecks | Unset = UNSET
    rules: OverridesRules | Unset = UNSET
    settings: None | Settings | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.settings import Settings  # noqa: PLC0415

        checks: dict[str, Any] | Unset = UNSET
        if not isinstance(self.checks, Unset):
            checks = self.checks.to_dict()

        rules: dict[str, Any] | Unset = UNSET
        if not isinstance(self.rules, Unset):
            rules = self.rules.to_dict()

        settings: dict[str, Any] | None | Unset
        if isinstance(self.settings, Unset):
            settings = UNSET
        elif isinstance(self.settings, Settings):
            settings = self.settings.to_dict()
        else:
            settings = self.settings

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if checks is not UNSET:
            field_dict["checks"] = checks
        if rules is not UNSET:
            field_dict["rules"] = rules
        if settings is not UNSET:
            field_dict["settings"] = settings

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.overrides_checks import OverridesChecks  # noqa: PLC0415
        from ..models.overrides_rules import OverridesRules  # noqa: PLC0415
        from ..models.settings import Settings  # noqa: PLC0415

        d = dict(src_dict)
        _checks = d.pop("checks", UNSET)
        checks: OverridesChecks | Unset
        if isinstance(_checks, Unset):
            checks = UNSET
        else:
            checks = OverridesChecks.from_dict(_checks)

        _rules = d.pop("rules", UNSET)
        rules: OverridesRules | Unset
        if isinstance(_rules, Unset):
            rules = UNSET
        else:
            rules = OverridesRules.from_dict(_rules)

        def _parse_settings(data: object) -> None | Settings | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                settings_type_0 = Settings.from_dict(data)

                return settings_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Settings | Unset, data)

        settings = _parse_settings(d.pop("settings", UNSET))

        overrides = cls(
            checks=checks,
            rules=rules,
            settings=settings,
        )

        return overrides
