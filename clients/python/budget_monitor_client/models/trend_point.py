from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.light_counts import LightCounts


T = TypeVar("T", bound="TrendPoint")


@_attrs_define
class TrendPoint:
    """
    Example:
        {'adjusted_budget': '98350000000.00', 'cutoff_date': '2021-07-31', 'executed_amount': '52125500000.00',
            'execution_rate': '53.00', 'lights': {'blue': 187, 'green': 3980, 'none': 92, 'red': 212, 'yellow': 655},
            'reports': 5126, 'round_id': '0193a0c4-7f43-7000-8000-000000000091', 'round_name': '2021 January–July
            monitoring'}

    Attributes:
        adjusted_budget (str): Yuan.
        cutoff_date (datetime.date):
        executed_amount (str): Yuan, executed by the cut-off.
        lights (LightCounts):
        reports (int):
        round_id (UUID):
        round_name (str):
        execution_rate (None | str | Unset): executed ÷ adjusted budget × 100, two decimals.
    """

    adjusted_budget: str
    cutoff_date: datetime.date
    executed_amount: str
    lights: LightCounts
    reports: int
    round_id: UUID
    round_name: str
    execution_rate: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        adjusted_budget = self.adjusted_budget

        cutoff_date = self.cutoff_date.isoformat()

        executed_amount = self.executed_amount

        lights = self.lights.to_dict()

        reports = self.reports

        round_id = str(self.round_id)

        round_name = self.round_name

        execution_rate: None | str | Unset
        if isinstance(self.execution_rate, Unset):
            execution_rate = UNSET
        else:
            execution_rate = self.execution_rate

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "adjusted_budget": adjusted_budget,
                "cutoff_date": cutoff_date,
                "executed_amount": executed_amount,
                "lights": lights,
                "reports": reports,
                "round_id": round_id,
                "round_name": round_name,
            }
        )
        if execution_rate is not UNSET:
            field_dict["execution_rate"] = execution_rate

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.light_counts import LightCounts  # noqa: PLC0415

        d = dict(src_dict)
        adjusted_budget = d.pop("adjusted_budget")

        cutoff_date = datetime.date.fromisoformat(d.pop("cutoff_date"))

        executed_amount = d.pop("executed_amount")

        lights = LightCounts.from_dict(d.pop("lights"))

        reports = d.pop("reports")

        round_id = UUID(d.pop("round_id"))

        round_name = d.pop("round_name")

        def _parse_execution_rate(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        execution_rate = _parse_execution_rate(d.pop("execution_rate", UNSET))

        trend_point = cls(
            adjusted_budget=adjusted_budget,
            cutoff_date=cutoff_date,
            executed_amount=executed_amount,
            lights=lights,
            reports=reports,
            round_id=round_id,
            round_name=round_name,
            execution_rate=execution_rate,
        )

        trend_point.additional_properties = d
        return trend_point

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
