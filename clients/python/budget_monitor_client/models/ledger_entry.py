from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="LedgerEntry")


@_attrs_define
class LedgerEntry:
    """
    Example:
        {'actor_id': '0193a0c4-7f43-7000-8000-0000000000b2', 'actor_name': 'sd.finance', 'adjustment_id':
            '0193a0c4-7f43-7000-8000-000000000096', 'amount': '-25000000.00', 'counterpart_project_id': None, 'created_at':
            '2021-10-20T06:30:00Z', 'id': '0193a0c4-7f43-7000-8000-000000000098', 'kind': 'reduce', 'reason': 'reduce',
            'reference': 'adjustment 0193a0c4-7f43-7000-8000-000000000096 (济财绩〔2021〕12号)'}

    Attributes:
        amount (str): Signed change in yuan.
        created_at (datetime.datetime):
        id (UUID):
        kind (str): `initial` for the start-of-year budget, `correction` for a corrected initial budget;
            fund adjustments add their own kinds.
        reason (str):
        reference (str): What caused the entry.
        actor_id (None | Unset | UUID):
        actor_name (None | str | Unset):
        adjustment_id (None | Unset | UUID): The fund adjustment that booked the entry.
        counterpart_project_id (None | Unset | UUID): The other project of a reallocation.
    """

    amount: str
    created_at: datetime.datetime
    id: UUID
    kind: str
    reason: str
    reference: str
    actor_id: None | Unset | UUID = UNSET
    actor_name: None | str | Unset = UNSET
    adjustment_id: None | Unset | UUID = UNSET
    counterpart_project_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        created_at = self.created_at.isoformat()

        id = str(self.id)

        kind = self.kind

        reason = self.reason

        reference = self.reference

        actor_id: None | str | Unset
        if isinstance(self.actor_id, Unset):
            actor_id = UNSET
        elif isinstance(self.actor_id, UUID):
            actor_id = str(self.actor_id)
        else:
            actor_id = self.actor_id

        actor_name: None | str | Unset
        if isinstance(self.actor_name, Unset):
            actor_name = UNSET
        else:
            actor_name = self.actor_name

        adjustment_id: None | str | Unset
        if isinstance(self.adjustment_id, Unset):
            adjustment_id = UNSET
        elif isinstance(self.adjustment_id, UUID):
            adjustment_id = str(self.adjustment_id)
        else:
            adjustment_id = self.adjustment_id

        counterpart_project_id: None | str | Unset
        if isinstance(self.counterpart_project_id, Unset):
            counterpart_project_id = UNSET
        elif isinstance(self.counterpart_project_id, UUID):
            counterpart_project_id = str(self.counterpart_project_id)
        else:
            counterpart_project_id = self.counterpart_project_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
                "created_at": created_at,
                "id": id,
                "kind": kind,
                "reason": reason,
                "reference": reference,
            }
        )
        if actor_id is not UNSET:
            field_dict["actor_id"] = actor_id
        if actor_name is not UNSET:
            field_dict["actor_name"] = actor_name
        if adjustment_id is not UNSET:
            field_dict["adjustment_id"] = adjustment_id
        if counterpart_project_id is not UNSET:
            field_dict["counterpart_project_id"] = counterpart_project_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = UUID(d.pop("id"))

        kind = d.pop("kind")

        reason = d.pop("reason")

        reference = d.pop("reference")

        def _parse_actor_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                actor_id_type_0 = UUID(data)

                return actor_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        actor_id = _parse_actor_id(d.pop("actor_id", UNSET))

        def _parse_actor_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        actor_name = _parse_actor_name(d.pop("actor_name", UNSET))

        def _parse_adjustment_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                adjustment_id_type_0 = UUID(data)

                return adjustment_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        adjustment_id = _parse_adjustment_id(d.pop("adjustment_id", UNSET))

        def _parse_counterpart_project_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                counterpart_project_id_type_0 = UUID(data)

                return counterpart_project_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        counterpart_project_id = _parse_counterpart_project_id(d.pop("counterpart_project_id", UNSET))

        ledger_entry = cls(
            amount=amount,
            created_at=created_at,
            id=id,
            kind=kind,
            reason=reason,
            reference=reference,
            actor_id=actor_id,
            actor_name=actor_name,
            adjustment_id=adjustment_id,
            counterpart_project_id=counterpart_project_id,
        )

        ledger_entry.additional_properties = d
        return ledger_entry

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
