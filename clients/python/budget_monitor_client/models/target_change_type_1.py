from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.target_change_type_1_op import TargetChangeType1Op

if TYPE_CHECKING:
    from ..models.new_indicator import NewIndicator


T = TypeVar("T", bound="TargetChangeType1")


@_attrs_define
class TargetChangeType1:
    """
    Attributes:
        indicator (NewIndicator):  Example: {'comparator': '>=', 'level1': 'output', 'level2': 'quantity',
            'measurement': 'Bases accepted by the provincial emergency department', 'name': 'Rescue bases built',
            'target_value': '8', 'unit': 'bases', 'weight': '30'}.
        op (TargetChangeType1Op):
    """

    indicator: NewIndicator
    op: TargetChangeType1Op
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        indicator = self.indicator.to_dict()

        op = self.op.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "indicator": indicator,
                "op": op,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.new_indicator import NewIndicator  # noqa: PLC0415

        d = dict(src_dict)
        indicator = NewIndicator.from_dict(d.pop("indicator"))

        op = TargetChangeType1Op(d.pop("op"))

        target_change_type_1 = cls(
            indicator=indicator,
            op=op,
        )

        target_change_type_1.additional_properties = d
        return target_change_type_1

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
