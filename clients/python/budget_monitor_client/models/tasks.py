from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.task import Task
    from ..models.task_count import TaskCount


T = TypeVar("T", bound="Tasks")


@_attrs_define
class Tasks:
    """
    Example:
        {'counts': [{'count': 2, 'kind': 'report_to_fill'}, {'count': 1, 'kind': 'report_to_resubmit'}, {'count': 1,
            'kind': 'department_report_to_fill'}, {'count': 0, 'kind': 'department_report_to_resubmit'}, {'count': 1,
            'kind': 'rectification_to_answer'}, {'count': 0, 'kind': 'target_adjustment_rejected'}], 'items': [{'code':
            'SD2021-KJ-007', 'days_left': 3, 'due_date': '2021-08-20', 'kind': 'report_to_resubmit', 'link':
            '/api/v1/reports/0193a0c4-7f43-7000-8000-000000000092', 'object_id': '0193a0c4-7f43-7000-8000-000000000092',
            'status': 'returned', 'title': 'Aviation emergency rescue capability'}]}

    Attributes:
        counts (list[TaskCount]): Every kind the caller's role has, with its count (zeros included).
        items (list[Task]): Up to `limit` items of each kind, each kind's soonest due first, kinds in the order of
            `counts`.
    """

    counts: list[TaskCount]
    items: list[Task]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        counts = []
        for counts_item_data in self.counts:
            counts_item = counts_item_data.to_dict()
            counts.append(counts_item)

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "counts": counts,
                "items": items,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.task import Task  # noqa: PLC0415
        from ..models.task_count import TaskCount  # noqa: PLC0415

        d = dict(src_dict)
        counts = []
        _counts = d.pop("counts")
        for counts_item_data in _counts:
            counts_item = TaskCount.from_dict(counts_item_data)

            counts.append(counts_item)

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = Task.from_dict(items_item_data)

            items.append(items_item)

        tasks = cls(
            counts=counts,
            items=items,
        )

        tasks.additional_properties = d
        return tasks

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
