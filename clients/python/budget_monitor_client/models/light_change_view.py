from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.light import Light

T = TypeVar("T", bound="LightChangeView")


@_attrs_define
class LightChangeView:
    """
    Example:
        {'at': '2021-08-18T09:12:01Z', 'from': 'none', 'reason': 'budget execution is behind', 'report_id':
            '0193a0c4-7f43-7000-8000-000000000092', 'round_id': '0193a0c4-7f43-7000-8000-000000000091', 'rules_version':
            'default', 'to': 'yellow'}

    Attributes:
        at (datetime.datetime):
        from_ (Light):
        reason (str):
        report_id (UUID):
        round_id (UUID):
        rules_version (str):
        to (Light):
    """

    at: datetime.datetime
    from_: Light
    reason: str
    report_id: UUID
    round_id: UUID
    rules_version: str
    to: Light
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        at = self.at.isoformat()

        from_ = self.from_.value

        reason = self.reason

        report_id = str(self.report_id)

        round_id = str(self.round_id)

        rules_version = self.rules_version

        to = self.to.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "at": at,
                "from": from_,
                "reason": reason,
                "report_id": report_id,
                "round_id": round_id,
                "rules_version": rules_version,
                "to": to,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        at = datetime.datetime.fromisoformat(d.pop("at"))

        from_ = Light(d.pop("from"))

        reason = d.pop("reason")

        report_id = UUID(d.pop("report_id"))

        round_id = UUID(d.pop("round_id"))

        rules_version = d.pop("rules_version")

        to = Light(d.pop("to"))

        light_change_view = cls(
            at=at,
            from_=from_,
            reason=reason,
            report_id=report_id,
            round_id=round_id,
            rules_version=rules_version,
            to=to,
        )

        light_change_view.additional_properties = d
        return light_change_view

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
