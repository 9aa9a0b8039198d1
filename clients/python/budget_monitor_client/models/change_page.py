from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.change import Change


T = TypeVar("T", bound="ChangePage")


@_attrs_define
class ChangePage:
    """
    Example:
        {'items': [{'action': 'report.submitted', 'cursor': '7719-01a23ec0-27de-740c-bede-53551fdc4d95', 'event_id':
            '01a23ec0-27de-740c-bede-53551fdc4d95', 'object_id': '0193a0c4-7f43-7000-8000-000000000092', 'object_type':
            'report', 'occurred_at': '2021-08-18T09:12:00Z', 'project_id': '0193a0c4-7f43-7000-8000-0000000000e1',
            'region_code': '370100'}], 'next_cursor': '7719-01a23ec0-27de-740c-bede-53551fdc4d95'}

    Attributes:
        items (list[Change]):
        next_cursor (str): Where to continue: the last item's cursor, or the one given when nothing came. Keep it
            across restarts; polling with it never misses or repeats a change.
    """

    items: list[Change]
    next_cursor: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        next_cursor = self.next_cursor

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "items": items,
                "next_cursor": next_cursor,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.change import Change  # noqa: PLC0415

        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = Change.from_dict(items_item_data)

            items.append(items_item)

        next_cursor = d.pop("next_cursor")

        change_page = cls(
            items=items,
            next_cursor=next_cursor,
        )

        change_page.additional_properties = d
        return change_page

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
