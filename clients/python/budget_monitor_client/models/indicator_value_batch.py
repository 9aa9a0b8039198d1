from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.new_indicator_value import NewIndicatorValue


T = TypeVar("T", bound="IndicatorValueBatch")


@_attrs_define
class IndicatorValueBatch:
    """
    Attributes:
        items (list[NewIndicatorValue]): At most 10,000 values.
    """

    items: list[NewIndicatorValue]

    def to_dict(self) -> dict[str, Any]:
        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "items": items,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.new_indicator_value import NewIndicatorValue  # noqa: PLC0415

        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = NewIndicatorValue.from_dict(items_item_data)

            items.append(items_item)

        indicator_value_batch = cls(
            items=items,
        )

        return indicator_value_batch
