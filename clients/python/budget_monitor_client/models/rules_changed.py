from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.warning_rules import WarningRules


T = TypeVar("T", bound="RulesChanged")


@_attrs_define
class RulesChanged:
    """
    Example:
        {'changed': 7, 'recomputed': 96, 'rules': {'checks': {'actual_out_of_scale': 'warning',
            'behind_without_reasons': 'error', 'executed_over_budget': 'warning', 'forecast_below_spent': 'error',
            'forecast_over_budget': 'warning', 'qualitative_without_value': 'error', 'red_without_measures': 'error'},
            'own_changed_at': '2021-07-26T02:00:00Z', 'own_changed_by': 'jinan.finance', 'own_overrides': {'checks':
            {'red_without_measures': 'error'}, 'rules': {'budget_execution': {'bands': [{'below': '70', 'light': 'red'},
            {'below': '85', 'light': 'yellow'}, {'light': 'green'}], 'metric': 'ratio_to_prorated'}}, 'settings':
            {'budget_rule': 'budget_execution', 'budget_share': '10', 'grade_edges': ['90', '80', '60'], 'lang': 'zh',
            'likelihood_edges': ['60', '80'], 'result_suggestions': [{'grade': 'poor', 'measures':
            ['reduce_next_year_budget', 'rectify'], 'name': 'poor_grade', 'next_year_change_percent': '-20'}, {'measures':
            ['rectify'], 'name': 'red_overall_light', 'overall_light': 'red'}], 'time_progress': 'month'}}, 'own_version':
            1, 'region_code': '370100', 'rules': [{'description': 'budget execution: execution rate ÷ time progress × 100',
            'key': 'budget_execution', 'rule': {'bands': [{'below': '70', 'light': 'red'}, {'below': '85', 'light':
            'yellow'}, {'light': 'green'}], 'metric': 'ratio_to_prorated'}, 'source': '370100'}, {'description': "likelihood
            of reaching the target: raises an indicator's light to at least this", 'key': 'likelihood', 'rule': {'mapping':
            {'certain': 'none', 'impossible': 'red', 'possible': 'yellow'}, 'metric': 'enumerated'}, 'source': 'default'}],
            'settings': {'budget_rule': 'budget_execution', 'budget_share': '10', 'grade_edges': ['90', '80', '60'], 'lang':
            'zh', 'likelihood_edges': ['60', '80'], 'result_suggestions': [{'grade': 'poor', 'measures':
            ['reduce_next_year_budget', 'rectify'], 'name': 'poor_grade', 'next_year_change_percent': '-20'}, {'measures':
            ['rectify'], 'name': 'red_overall_light', 'overall_light': 'red'}], 'time_progress': 'month'},
            'settings_source': '370100', 'version': '370100:1'}}

    Attributes:
        changed (int): Of those, how many changed.
        recomputed (int): Reports of open rounds in the region's subtree whose lights were recomputed. Secret-related
            reports are recomputed too but counted only for admins.
        rules (WarningRules):  Example: {'checks': {'actual_out_of_scale': 'warning', 'behind_without_reasons': 'error',
            'executed_over_budget': 'warning', 'forecast_below_spent': 'error', 'forecast_over_budget': 'warning',
            'qualitative_without_value': 'error', 'red_without_measures': 'error'}, 'own_changed_at':
            '2021-07-26T02:00:00Z', 'own_changed_by': 'jinan.finance', 'own_overrides': {'checks': {'red_without_measures':
            'error'}, 'rules': {'budget_execution': {'bands': [{'below': '70', 'light': 'red'}, {'below': '85', 'light':
            'yellow'}, {'light': 'green'}], 'metric': 'ratio_to_prorated'}}, 'settings': {'budget_rule': 'budget_execution',
            'budget_share': '10', 'grade_edges': ['90', '80', '60'], 'lang': 'zh', 'likelihood_edges': ['60', '80'],
            'result_suggestions': [{'grade': 'poor', 'measures': ['reduce_next_year_budget', 'rectify'], 'name':
            'poor_grade', 'next_year_change_percent': '-20'}, {'measures': ['rectify'], 'name': 'red_overall_light',
            'overall_light': 'red'}], 'time_progress': 'month'}}, 'own_version': 1, 'region_code': '370100', 'rules':
            [{'description': 'budget execution: execution rate ÷ time progress × 100', 'key': 'budget_execution', 'rule':
            {'bands': [{'below': '70', 'light': 'red'}, {'below': '85', 'light': 'yellow'}, {'light': 'green'}], 'metric':
            'ratio_to_prorated'}, 'source': '370100'}, {'description': "likelihood of reaching the target: raises an
            indicator's light to at least this", 'key': 'likelihood', 'rule': {'mapping': {'certain': 'none', 'impossible':
            'red', 'possible': 'yellow'}, 'metric': 'enumerated'}, 'source': 'default'}], 'settings': {'budget_rule':
            'budget_execution', 'budget_share': '10', 'grade_edges': ['90', '80', '60'], 'lang': 'zh', 'likelihood_edges':
            ['60', '80'], 'result_suggestions': [{'grade': 'poor', 'measures': ['reduce_next_year_budget', 'rectify'],
            'name': 'poor_grade', 'next_year_change_percent': '-20'}, {'measures': ['rectify'], 'name': 'red_overall_light',
            'overall_light': 'red'}], 'time_progress': 'month'}, 'settings_source': '370100', 'version': '370100:1'}.
    """

    changed: int
    recomputed: int
    rules: WarningRules
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        changed = self.changed

        recomputed = self.recomputed

        rules = self.rules.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "changed": changed,
                "recomputed": recomputed,
                "rules": rules,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.warning_rules import WarningRules  # noqa: PLC0415

        d = dict(src_dict)
        changed = d.pop("changed")

        recomputed = d.pop("recomputed")

        rules = WarningRules.from_dict(d.pop("rules"))

        rules_changed = cls(
            changed=changed,
            recomputed=recomputed,
            rules=rules,
        )

        rules_changed.additional_properties = d
        return rules_changed

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
