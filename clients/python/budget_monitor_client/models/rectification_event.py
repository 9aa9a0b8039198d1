from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="RectificationEvent")


@_attrs_define
class RectificationEvent:
    """
    Attributes:
        actor_name (str):
        at (datetime.datetime):
        comment (str):
        from_ (str):
        to (str):
    """

    actor_name: str
    at: datetime.datetime
    comment: str
    from_: str
    to: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        actor_name = self.actor_name

        at = self.at.isoformat()

        comment = self.comment

        from_ = self.from_

        to = self.to

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "actor_name": actor_name,
                "at": at,
                "comment": comment,
                "from": from_,
                "to": to,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        actor_name = d.pop("actor_name")

        at = datetime.datetime.fromisoformat(d.pop("at"))

        comment = d.pop("comment")

        from_ = d.pop("from")

        to = d.pop("to")

        rectification_event = cls(
            actor_name=actor_name,
            at=at,
            comment=comment,
            from_=from_,
            to=to,
        )

        rectification_event.additional_properties = d
        return rectification_event

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
