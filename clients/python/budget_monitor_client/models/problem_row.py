from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.region_ref import RegionRef


T = TypeVar("T", bound="ProblemRow")


@_attrs_define
class ProblemRow:
    """
    Example:
        {'amount': '86000000.00', 'category': 'idle_funds', 'findings': 7, 'own_level': False, 'region': {'code':
            '370100', 'level': 'city', 'name': 'Jinan'}}

    Attributes:
        amount (str): Amounts named by the findings, yuan.
        category (str):  Example: slow_progress.
        findings (int):
        own_level (bool): Whether `region` is the requested region's own level.
        region (RegionRef):
    """

    amount: str
    category: str
    findings: int
    own_level: bool
    region: RegionRef
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        category = self.category

        findings = self.findings

        own_level = self.own_level

        region = self.region.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
                "category": category,
                "findings": findings,
                "own_level": own_level,
                "region": region,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.region_ref import RegionRef  # noqa: PLC0415

        d = dict(src_dict)
        amount = d.pop("amount")

        category = d.pop("category")

        findings = d.pop("findings")

        own_level = d.pop("own_level")

        region = RegionRef.from_dict(d.pop("region"))

        problem_row = cls(
            amount=amount,
            category=category,
            findings=findings,
            own_level=own_level,
            region=region,
        )

        problem_row.additional_properties = d
        return problem_row

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
