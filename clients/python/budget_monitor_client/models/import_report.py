from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.import_item_result import ImportItemResult
    from ..models.import_summary import ImportSummary


T = TypeVar("T", bound="ImportReport")


@_attrs_define
class ImportReport:
    """
    Example:
        {'items': [{'code': 'JN2021-KJ-003', 'fiscal_year': 2021, 'index': 0, 'project_id':
            '0193a0c4-7f43-7000-8000-0000000000e2', 'region_code': '370100', 'rows': [1, 2], 'status': 'created'}, {'code':
            'JN2021-KJ-004', 'errors': {'indicators': ['the weights of the indicators must add up to 90']}, 'fiscal_year':
            2021, 'index': 1, 'project_id': None, 'region_code': '370100', 'rows': [3], 'status': 'rejected'}], 'summary':
            {'created': 1, 'not_processed': 0, 'received': 2, 'rejected': 1, 'unchanged': 0, 'updated': 0}}

    Attributes:
        items (list[ImportItemResult]):
        summary (ImportSummary):
    """

    items: list[ImportItemResult]
    summary: ImportSummary
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        summary = self.summary.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "items": items,
                "summary": summary,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.import_item_result import ImportItemResult  # noqa: PLC0415
        from ..models.import_summary import ImportSummary  # noqa: PLC0415

        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = ImportItemResult.from_dict(items_item_data)

            items.append(items_item)

        summary = ImportSummary.from_dict(d.pop("summary"))

        import_report = cls(
            items=items,
            summary=summary,
        )

        import_report.additional_properties = d
        return import_report

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
