from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.check_key import CheckKey
from ..models.check_severity import CheckSeverity

T = TypeVar("T", bound="CheckResult")


@_attrs_define
class CheckResult:
    """One check that failed.

    Attributes:
        field (str): The field at fault, named as in the report's input (`indicators[0].actual_value`).
        message (str):
        rule (CheckKey): A logic check a region may configure.
        severity (CheckSeverity):
    """

    field: str
    message: str
    rule: CheckKey
    severity: CheckSeverity
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field = self.field

        message = self.message

        rule = self.rule.value

        severity = self.severity.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "field": field,
                "message": message,
                "rule": rule,
                "severity": severity,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        field = d.pop("field")

        message = d.pop("message")

        rule = CheckKey(d.pop("rule"))

        severity = CheckSeverity(d.pop("severity"))

        check_result = cls(
            field=field,
            message=message,
            rule=rule,
            severity=severity,
        )

        check_result.additional_properties = d
        return check_result

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
