from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.result_application import ResultApplication


T = TypeVar("T", bound="PageResultApplication")


@_attrs_define
class PageResultApplication:
    """One page of a list.

    Example:
        {'items': [{'adjustment_id': None, 'created_at': '2021-10-20T06:30:00Z', 'created_by_name': 'sd.finance',
            'differs_from_suggestion': False, 'fiscal_year': 2021, 'grade': 'poor', 'id':
            '0193a0c4-7f43-7000-8000-0000000000b5', 'measures': ['reduce_next_year_budget', 'rectify'],
            'next_year_budget_change': '-19000000.00', 'overall_light': 'red', 'project_code': 'SD2021-KJ-007',
            'project_id': '0193a0c4-7f43-7000-8000-0000000000e1', 'report_id': '0193a0c4-7f43-7000-8000-000000000051',
            'round_id': '0193a0c4-7f43-7000-8000-000000000031', 'suggestion': {'measures': ['reduce_next_year_budget',
            'rectify'], 'next_year_budget_change': '-19000000.00', 'next_year_change_percent': '-20', 'rule': 'poor_grade'},
            'text': "Two rescue bases slipped to 2022: next year's budget is cut and the plan rectified.", 'updated_at':
            '2021-10-20T06:30:00Z', 'version': 1}], 'next_cursor': None}

    Attributes:
        items (list[ResultApplication]):
        next_cursor (None | str | Unset): Pass as `cursor` to get the next page; null on the last page.
    """

    items: list[ResultApplication]
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
        from ..models.result_application import ResultApplication  # noqa: PLC0415

        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = ResultApplication.from_dict(items_item_data)

            items.append(items_item)

        def _parse_next_cursor(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        next_cursor = _parse_next_cursor(d.pop("next_cursor", UNSET))

        page_result_application = cls(
            items=items,
            next_cursor=next_cursor,
        )

        page_result_application.additional_properties = d
        return page_result_application

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
