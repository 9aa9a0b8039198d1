from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.import_project import ImportProject


T = TypeVar("T", bound="ImportRequest")


@_attrs_define
class ImportRequest:
    """
    Example:
        {'items': [{'category': 'special', 'code': 'JN2021-KJ-003', 'department_code': 'JNKJJ', 'fiscal_year': 2021,
            'function_class': '20601', 'fund_sources': {'municipal': '30000000.00'}, 'indicators': [{'comparator': '>=',
            'level1': 'output', 'level2': 'quantity', 'name': 'Start-ups incubated', 'target_value': '40', 'unit':
            'companies', 'weight': '90'}], 'initial_budget': '30000000.00', 'name': 'Science park incubators',
            'region_code': '370100'}]}

    Attributes:
        items (list[ImportProject]): At most 5,000 projects.
    """

    items: list[ImportProject]

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
        from ..models.import_project import ImportProject  # noqa: PLC0415

        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = ImportProject.from_dict(items_item_data)

            items.append(items_item)

        import_request = cls(
            items=items,
        )

        return import_request
