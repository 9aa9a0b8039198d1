from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.forecast_method import ForecastMethod
from ..types import UNSET, Unset

T = TypeVar("T", bound="BudgetPart")


@_attrs_define
class BudgetPart:
    """Budget execution, as the system computed it at the round's cut-off.

    Attributes:
        adjusted_budget (str): System: the project's adjusted budget (the sum of its ledger).
        executed_amount (str): System: spending records up to the cut-off, refunds subtracted.
        time_progress (str): System: share of the year elapsed at the cut-off, in percent. Example: 58.33.
        execution_rate (None | str | Unset): System: executed ÷ adjusted budget, in percent; null without a budget.
            Example: 46.50.
        forecast_execution (None | str | Unset): Expected execution for the full year, in yuan: proposed by the system
            (see
            `forecast_method`) until the department sets it.
        forecast_method (ForecastMethod | None | Unset):
    """

    adjusted_budget: str
    executed_amount: str
    time_progress: str
    execution_rate: None | str | Unset = UNSET
    forecast_execution: None | str | Unset = UNSET
    forecast_method: ForecastMethod | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        adjusted_budget = self.adjusted_budget

        executed_amount = self.executed_amount

        time_progress = self.time_progress

        execution_rate: None | str | Unset
        if isinstance(self.execution_rate, Unset):
            execution_rate = UNSET
        else:
            execution_rate = self.execution_rate

        forecast_execution: None | str | Unset
        if isinstance(self.forecast_execution, Unset):
            forecast_execution = UNSET
        else:
            forecast_execution = self.forecast_execution

        forecast_method: None | str | Unset
        if isinstance(self.forecast_method, Unset):
            forecast_method = UNSET
        elif isinstance(self.forecast_method, ForecastMethod):
            forecast_method = self.forecast_method.value
        else:
            forecast_method = self.forecast_method

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "adjusted_budget": adjusted_budget,
                "executed_amount": executed_amount,
                "time_progress": time_progress,
            }
        )
        if execution_rate is not UNSET:
            field_dict["execution_rate"] = execution_rate
        if forecast_execution is not UNSET:
            field_dict["forecast_execution"] = forecast_execution
        if forecast_method is not UNSET:
            field_dict["forecast_method"] = forecast_method

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        adjusted_budget = d.pop("adjusted_budget")

        executed_amount = d.pop("executed_amount")

        time_progress = d.pop("time_progress")

        def _parse_execution_rate(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        execution_rate = _parse_execution_rate(d.pop("execution_rate", UNSET))

        def _parse_forecast_execution(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        forecast_execution = _parse_forecast_execution(d.pop("forecast_execution", UNSET))

        def _parse_forecast_method(data: object) -> ForecastMethod | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                forecast_method_type_0 = ForecastMethod(data)

                return forecast_method_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ForecastMethod | None | Unset, data)

        forecast_method = _parse_forecast_method(d.pop("forecast_method", UNSET))

        budget_part = cls(
            adjusted_budget=adjusted_budget,
            executed_amount=executed_amount,
            time_progress=time_progress,
            execution_rate=execution_rate,
            forecast_execution=forecast_execution,
            forecast_method=forecast_method,
        )

        budget_part.additional_properties = d
        return budget_part

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
