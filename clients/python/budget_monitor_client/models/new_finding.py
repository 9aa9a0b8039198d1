from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.finding_category import FindingCategory
from ..models.severity import Severity
from ..types import UNSET, Unset

T = TypeVar("T", bound="NewFinding")


@_attrs_define
class NewFinding:
    """
    Example:
        {'amount': '25000000.00', 'category': 'idle_funds', 'description': '25,000,000.00 yuan of two delayed rescue
            bases unspent on 31 August.', 'severity': 'high'}

    Attributes:
        category (FindingCategory):
        description (str):
        severity (Severity):
        amount (None | str | Unset):
    """

    category: FindingCategory
    description: str
    severity: Severity
    amount: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        category = self.category.value

        description = self.description

        severity = self.severity.value

        amount: None | str | Unset
        if isinstance(self.amount, Unset):
            amount = UNSET
        else:
            amount = self.amount

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "category": category,
                "description": description,
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

        description = d.pop("description")

        severity = Severity(d.pop("severity"))

        def _parse_amount(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        amount = _parse_amount(d.pop("amount", UNSET))

        new_finding = cls(
            category=category,
            description=description,
            severity=severity,
            amount=amount,
        )

        return new_finding
