from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.department_report import DepartmentReport


T = TypeVar("T", bound="PageDepartmentReport")


@_attrs_define
class PageDepartmentReport:
    """One page of a list.

    Example:
        {'items': [{'adjusted_budget': '486000000.00', 'created_at': '2021-08-01T00:30:00Z', 'department_code': 'KJT',
            'department_id': '0193a0c4-7f43-7000-8000-0000000000a1', 'department_name': 'Department of Science and
            Technology', 'executed_amount': '251300000.00', 'execution_rate': '51.71', 'history': [{'actor_id':
            '0193a0c4-7f43-7000-8000-0000000000b3', 'actor_name': 'kjt.officer', 'at': '2021-08-19T07:40:00Z', 'comment':
            '', 'from': 'draft', 'to': 'submitted'}], 'id': '0193a0c4-7f43-7000-8000-000000000093', 'late': False,
            'region_code': '370000', 'reports_by_status': [{'count': 8, 'status': 'submitted'}, {'count': 1, 'status':
            'approved'}], 'round_id': '0193a0c4-7f43-7000-8000-000000000091', 'status': 'submitted', 'submitted_at':
            '2021-08-19T07:40:00Z', 'summary': 'Nine projects reported; aviation rescue spends slowly while two bases await
            airspace.', 'updated_at': '2021-08-19T07:40:00Z', 'version': 3}], 'next_cursor': None}

    Attributes:
        items (list[DepartmentReport]):
        next_cursor (None | str | Unset): Pass as `cursor` to get the next page; null on the last page.
    """

    items: list[DepartmentReport]
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
        from ..models.department_report import DepartmentReport  # noqa: PLC0415

        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = DepartmentReport.from_dict(items_item_data)

            items.append(items_item)

        def _parse_next_cursor(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        next_cursor = _parse_next_cursor(d.pop("next_cursor", UNSET))

        page_department_report = cls(
            items=items,
            next_cursor=next_cursor,
        )

        page_department_report.additional_properties = d
        return page_department_report

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
