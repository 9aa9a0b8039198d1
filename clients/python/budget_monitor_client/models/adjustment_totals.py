from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.count_amount import CountAmount


T = TypeVar("T", bound="AdjustmentTotals")


@_attrs_define
class AdjustmentTotals:
    """Net of reversals: a reversal takes its original out of the count and the amount.

    Attributes:
        increase (CountAmount):
        reallocate (CountAmount):
        recover (CountAmount):
        reduce (CountAmount):
        stop (CountAmount):
        suspend (CountAmount):
    """

    increase: CountAmount
    reallocate: CountAmount
    recover: CountAmount
    reduce: CountAmount
    stop: CountAmount
    suspend: CountAmount
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        increase = self.increase.to_dict()

        reallocate = self.reallocate.to_dict()

        recover = self.recover.to_dict()

        reduce = self.reduce.to_dict()

        stop = self.stop.to_dict()

        suspend = self.suspend.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "increase": increase,
                "reallocate": reallocate,
                "recover": recover,
                "reduce": reduce,
                "stop": stop,
                "suspend": suspend,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.count_amount import CountAmount  # noqa: PLC0415

        d = dict(src_dict)
        increase = CountAmount.from_dict(d.pop("increase"))

        reallocate = CountAmount.from_dict(d.pop("reallocate"))

        recover = CountAmount.from_dict(d.pop("recover"))

        reduce = CountAmount.from_dict(d.pop("reduce"))

        stop = CountAmount.from_dict(d.pop("stop"))

        suspend = CountAmount.from_dict(d.pop("suspend"))

        adjustment_totals = cls(
            increase=increase,
            reallocate=reallocate,
            recover=recover,
            reduce=reduce,
            stop=stop,
            suspend=suspend,
        )

        adjustment_totals.additional_properties = d
        return adjustment_totals

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
