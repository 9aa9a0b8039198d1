from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

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

        return execution_batch
