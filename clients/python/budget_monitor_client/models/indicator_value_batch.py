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
    Example:
        {'items': [{'external_ref': 'QDJT-2021-07-25-014', 'fiscal_year': 2021, 'indicator_name': 'Bus lanes opened',
            'measured_on': '2021-07-25', 'project_code': 'QD2021-JT-014', 'region_code': '370200', 'source_system':
            'qingdao-transport', 'value': '18'}, {'achievement': 'partly_achieved', 'external_ref': 'QDPM-2021-0731-88',
            'indicator_id': '0193a0c4-7f43-7000-8000-0000000000c3', 'measured_on': '2021-07-30', 'source_system': 'qingdao-
            project-management'}]}

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
