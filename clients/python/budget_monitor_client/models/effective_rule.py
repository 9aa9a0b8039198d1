from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.rule import Rule


T = TypeVar("T", bound="EffectiveRule")


@_attrs_define
class EffectiveRule:
    """
    Attributes:
        description (str):
        key (str):
        rule (Rule):
        source (str): The region whose override sets this rule, or `default`.
    """

    description: str
    key: str
    rule: Rule
    source: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        description = self.description

        key = self.key

        rule = self.rule.to_dict()

        source = self.source

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "description": description,
                "key": key,
                "rule": rule,
                "source": source,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.rule import Rule  # noqa: PLC0415

        d = dict(src_dict)
        description = d.pop("description")

        key = d.pop("key")

        rule = Rule.from_dict(d.pop("rule"))

        source = d.pop("source")

        effective_rule = cls(
            description=description,
            key=key,
            rule=rule,
            source=source,
        )

        effective_rule.additional_properties = d
        return effective_rule

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
