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
    Attributes:
        changed (int): Of those, how many changed.
        recomputed (int): Reports of open rounds in the region's subtree whose lights were recomputed.
        rules (WarningRules):
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
