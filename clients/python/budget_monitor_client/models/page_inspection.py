from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.inspection import Inspection


T = TypeVar("T", bound="PageInspection")


@_attrs_define
class PageInspection:
    """One page of a list.

    Example:
        {'items': [{'conclusion': 'Six of eight bases in service; the two delayed ones leave 25,000,000.00 yuan idle.',
            'created_at': '2021-09-01T02:00:00Z', 'end_date': '2021-09-10', 'findings': [{'amount': '25000000.00',
            'category': 'idle_funds', 'created_at': '2021-09-09T08:00:00Z', 'description': '25,000,000.00 yuan of two
            delayed rescue bases unspent on 31 August.', 'id': '0193a0c4-7f43-7000-8000-0000000000f1', 'inspection_id':
            '0193a0c4-7f43-7000-8000-000000000094', 'project_id': '0193a0c4-7f43-7000-8000-0000000000e1', 'severity':
            'high'}], 'id': '0193a0c4-7f43-7000-8000-000000000094', 'inspector_id': '0193a0c4-7f43-7000-8000-0000000000b2',
            'inspector_name': 'Zhang Wei', 'opinions': [{'created_at': '2021-09-10T08:00:00Z', 'id':
            '0193a0c4-7f43-7000-8000-000000000099', 'kind': 'suggestion', 'policy_name': None, 'revised': False,
            'revised_at': None, 'revision_note': '', 'text': 'Return the idle funds to the provincial budget and plan the
            two bases for 2022.', 'version': 1}], 'project_id': '0193a0c4-7f43-7000-8000-0000000000e1', 'round_id':
            '0193a0c4-7f43-7000-8000-000000000091', 'start_date': '2021-09-06', 'status': 'concluded', 'updated_at':
            '2021-09-10T09:00:00Z', 'version': 3}], 'next_cursor': None}

    Attributes:
        items (list[Inspection]):
        next_cursor (None | str | Unset): Pass as `cursor` to get the next page; null on the last page.
    """

    items: list[Inspection]
    next_cursor: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        next_cursor: None | str | Unset
        if isinstance(self.next_cursor, Unset):
            next_cursor = UNSET
        else:
            next_cursor = self.next_cursor

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "items": items,
            }
        )
        if next_cursor is not UNSET:
            field_dict["next_cursor"] = next_cursor

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.inspection import Inspection  # noqa: PLC0415

        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = Inspection.from_dict(items_item_data)

            items.append(items_item)

        def _parse_next_cursor(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        next_cursor = _parse_next_cursor(d.pop("next_cursor", UNSET))

        page_inspection = cls(
            items=items,
            next_cursor=next_cursor,
        )

        page_inspection.additional_properties = d
        return page_inspection

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
