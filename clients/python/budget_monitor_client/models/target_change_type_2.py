from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.target_change_type_2_op import TargetChangeType2Op

T = TypeVar("T", bound="TargetChangeType2")


@_attrs_define
class TargetChangeType2:
    """
    Attributes:
        indicator_id (UUID):
        op (TargetChangeType2Op):
    """

    indicator_id: UUID
    op: TargetChangeType2Op
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        indicator_id = str(self.indicator_id)

        op = self.op.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "indicator_id": indicator_id,
                "op": op,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        indicator_id = UUID(d.pop("indicator_id"))

        op = TargetChangeType2Op(d.pop("op"))

        target_change_type_2 = cls(
            indicator_id=indicator_id,
            op=op,
        )

        target_change_type_2.additional_properties = d
        return target_change_type_2

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
