from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.new_execution_record import NewExecutionRecord


T = TypeVar("T", bound="ExecutionBatch")


@_attrs_define
class ExecutionBatch:
    """
    Example:
        {'items': [{'amount': '12500000.00', 'description': 'First instalment, base equipment', 'external_ref':
            'GK-2021-000123', 'fiscal_year': 2021, 'payment_date': '2021-03-15', 'project_code': 'SD2021-KJ-007',
            'region_code': '370000'}, {'amount': '-150000.00', 'description': 'Refund of an overpaid invoice',
            'external_ref': 'GK-2021-000187', 'payment_date': '2021-04-02', 'project_id':
            '0193a0c4-7f43-7000-8000-0000000000e1'}]}

    Attributes:
        items (list[NewExecutionRecord]): At most 10,000 records.
    """

    items: list[NewExecutionRecord]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "items": items,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.new_execution_record import NewExecutionRecord  # noqa: PLC0415

        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = NewExecutionRecord.from_dict(items_item_data)

            items.append(items_item)

        execution_batch = cls(
            items=items,
        )

        execution_batch.additional_properties = d
        return execution_batch

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
