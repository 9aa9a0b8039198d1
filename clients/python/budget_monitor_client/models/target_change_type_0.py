from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.target_change_type_0_op import TargetChangeType0Op

if TYPE_CHECKING:
    from ..models.indicator_changes import IndicatorChanges


T = TypeVar("T", bound="TargetChangeType0")


@_attrs_define
class TargetChangeType0:
    """
    Attributes:
        indicator_id (UUID):
        op (TargetChangeType0Op):
        set_ (IndicatorChanges): Only the fields sent change; the result must still satisfy every indicator rule. Send
            `target_value: null` explicitly when turning a numeric indicator qualitative. Example: {'measurement': 'Bases
            accepted by the provincial emergency department', 'target_value': '10', 'weight': '25'}.
    """

    indicator_id: UUID
    op: TargetChangeType0Op
    set_: IndicatorChanges
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        indicator_id = str(self.indicator_id)

        op = self.op.value

        set_ = self.set_.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "indicator_id": indicator_id,
                "op": op,
                "set": set_,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.indicator_changes import IndicatorChanges  # noqa: PLC0415

        d = dict(src_dict)
        indicator_id = UUID(d.pop("indicator_id"))

        op = TargetChangeType0Op(d.pop("op"))

        set_ = IndicatorChanges.from_dict(d.pop("set"))

        target_change_type_0 = cls(
            indicator_id=indicator_id,
            op=op,
            set_=set_,
        )

        target_change_type_0.additional_properties = d
        return target_change_type_0

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
