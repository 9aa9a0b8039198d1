from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ExecutionRecord")


@_attrs_define
class ExecutionRecord:
    """
    Example:
        {'amount': '12500000.00', 'created_at': '2021-03-16T01:00:00Z', 'description': 'First instalment, base
            equipment', 'external_ref': 'GK-2021-000123', 'id': '0193a0c4-7f43-7000-8000-000000000097', 'payment_date':
            '2021-03-15', 'project_id': '0193a0c4-7f43-7000-8000-0000000000e1', 'region_code': '370000'}

    Attributes:
        amount (str):
        created_at (datetime.datetime):
        description (str):
        external_ref (str):
        id (UUID):
        payment_date (datetime.date):
        project_id (UUID):
        region_code (str):
    """

    amount: str
    created_at: datetime.datetime
    description: str
    external_ref: str
    id: UUID
    payment_date: datetime.date
    project_id: UUID
    region_code: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        created_at = self.created_at.isoformat()

        description = self.description

        external_ref = self.external_ref

        id = str(self.id)

        payment_date = self.payment_date.isoformat()

        project_id = str(self.project_id)

        region_code = self.region_code

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
                "created_at": created_at,
                "description": description,
                "external_ref": external_ref,
                "id": id,
                "payment_date": payment_date,
                "project_id": project_id,
                "region_code": region_code,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        description = d.pop("description")

        external_ref = d.pop("external_ref")

        id = UUID(d.pop("id"))

        payment_date = datetime.date.fromisoformat(d.pop("payment_date"))

        project_id = UUID(d.pop("project_id"))

        region_code = d.pop("region_code")

        execution_record = cls(
            amount=amount,
            created_at=created_at,
            description=description,
            external_ref=external_ref,
            id=id,
            payment_date=payment_date,
            project_id=project_id,
            region_code=region_code,
        )

        execution_record.additional_properties = d
        return execution_record

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
