from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.finding_category import FindingCategory
from ..models.severity import Severity
from ..types import UNSET, Unset

T = TypeVar("T", bound="Finding")


@_attrs_define
class Finding:
    """
    Example:
        {'amount': '25000000.00', 'category': 'idle_funds', 'created_at': '2021-09-09T08:00:00Z', 'description':
            '25,000,000.00 yuan of two delayed rescue bases unspent on 31 August.', 'id':
            '0193a0c4-7f43-7000-8000-0000000000f1', 'inspection_id': '0193a0c4-7f43-7000-8000-000000000094', 'project_id':
            '0193a0c4-7f43-7000-8000-0000000000e1', 'severity': 'high'}

    Attributes:
        category (FindingCategory):
        created_at (datetime.datetime):
        description (str):
        id (UUID):
        inspection_id (UUID):
        project_id (UUID):
        severity (Severity):
        amount (None | str | Unset): Money involved (e.g. idle funds), in yuan.
    """

    category: FindingCategory
    created_at: datetime.datetime
    description: str
    id: UUID
    inspection_id: UUID
    project_id: UUID
    severity: Severity
    amount: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        category = self.category.value

        created_at = self.created_at.isoformat()

        description = self.description

        id = str(self.id)

        inspection_id = str(self.inspection_id)

        project_id = str(self.project_id)

        severity = self.severity.value

        amount: None | str | Unset
        if isinstance(self.amount, Unset):
            amount = UNSET
        else:
            amount = self.amount

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "category": category,
                "created_at": created_at,
                "description": description,
                "id": id,
                "inspection_id": inspection_id,
                "project_id": project_id,
                "severity": severity,
            }
        )
        if amount is not UNSET:
            field_dict["amount"] = amount

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        category = FindingCategory(d.pop("category"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        description = d.pop("description")

        id = UUID(d.pop("id"))

        inspection_id = UUID(d.pop("inspection_id"))

        project_id = UUID(d.pop("project_id"))

        severity = Severity(d.pop("severity"))

        def _parse_amount(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        amount = _parse_amount(d.pop("amount", UNSET))

        finding = cls(
            category=category,
            created_at=created_at,
            description=description,
            id=id,
            inspection_id=inspection_id,
            project_id=project_id,
            severity=severity,
            amount=amount,
        )

        finding.additional_properties = d
        return finding

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
