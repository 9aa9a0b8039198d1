from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.opinion_kind import OpinionKind

T = TypeVar("T", bound="Opinion")


@_attrs_define
class Opinion:
    """
    Example:
        {'created_at': '2021-09-10T08:00:00Z', 'id': '0193a0c4-7f43-7000-8000-000000000099', 'kind': 'suggestion',
            'text': 'Return the idle funds to the provincial budget and plan the two bases for 2022.'}

    Attributes:
        created_at (datetime.datetime):
        id (UUID):
        kind (OpinionKind):
        text (str):
    """

    created_at: datetime.datetime
    id: UUID
    kind: OpinionKind
    text: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        id = str(self.id)

        kind = self.kind.value

        text = self.text

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "id": id,
                "kind": kind,
                "text": text,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = UUID(d.pop("id"))

        kind = OpinionKind(d.pop("kind"))

        text = d.pop("text")

        opinion = cls(
            created_at=created_at,
            id=id,
            kind=kind,
            text=text,
        )

        opinion.additional_properties = d
        return opinion

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
