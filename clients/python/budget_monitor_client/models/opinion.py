from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.opinion_kind import OpinionKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="Opinion")


@_attrs_define
class Opinion:
    """
    Example:
        {'created_at': '2021-09-10T08:00:00Z', 'id': '0193a0c4-7f43-7000-8000-000000000099', 'kind': 'suggestion',
            'policy_name': None, 'revised': False, 'revised_at': None, 'revision_note': '', 'text': 'Return the idle funds
            to the provincial budget and plan the two bases for 2022.', 'version': 1}

    Attributes:
        created_at (datetime.datetime):
        id (UUID):
        kind (OpinionKind):
        revised (bool): For a `policy_revision`: whether the department has revised the policy.
        revision_note (str): What was revised, or why not yet.
        text (str):
        version (int):
        policy_name (None | str | Unset): For a `policy_revision`: the policy to revise; null for other kinds.
        revised_at (datetime.datetime | None | Unset):
    """

    created_at: datetime.datetime
    id: UUID
    kind: OpinionKind
    revised: bool
    revision_note: str
    text: str
    version: int
    policy_name: None | str | Unset = UNSET
    revised_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        id = str(self.id)

        kind = self.kind.value

        revised = self.revised

        revision_note = self.revision_note

        text = self.text

        version = self.version

        policy_name: None | str | Unset
        if isinstance(self.policy_name, Unset):
            policy_name = UNSET
        else:
            policy_name = self.policy_name

        revised_at: None | str | Unset
        if isinstance(self.revised_at, Unset):
            revised_at = UNSET
        elif isinstance(self.revised_at, datetime.datetime):
            revised_at = self.revised_at.isoformat()
        else:
            revised_at = self.revised_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "id": id,
                "kind": kind,
                "revised": revised,
                "revision_note": revision_note,
                "text": text,
                "version": version,
            }
        )
        if policy_name is not UNSET:
            field_dict["policy_name"] = policy_name
        if revised_at is not UNSET:
            field_dict["revised_at"] = revised_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = UUID(d.pop("id"))

        kind = OpinionKind(d.pop("kind"))

        revised = d.pop("revised")

        revision_note = d.pop("revision_note")

        text = d.pop("text")

        version = d.pop("version")

        def _parse_policy_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        policy_name = _parse_policy_name(d.pop("policy_name", UNSET))

        def _parse_revised_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                revised_at_type_0 = datetime.datetime.fromisoformat(data)

                return revised_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        revised_at = _parse_revised_at(d.pop("revised_at", UNSET))

        opinion = cls(
            created_at=created_at,
            id=id,
            kind=kind,
            revised=revised,
            revision_note=revision_note,
            text=text,
            version=version,
            policy_name=policy_name,
            revised_at=revised_at,
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
