from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.record_summary import RecordSummary
    from ..models.value_result import ValueResult


T = TypeVar("T", bound="IndicatorValueReport")


@_attrs_define
class IndicatorValueReport:
    """
    Example:
        {'items': [{'id': '0193a0c4-7f43-7000-8000-0000000000f1', 'index': 0, 'indicator_id':
            '0193a0c4-7f43-7000-8000-0000000000c1', 'status': 'created'}, {'errors': {'value': ['a numeric indicator takes
            value, not achievement']}, 'id': None, 'index': 1, 'indicator_id': None, 'status': 'rejected'}], 'summary':
            {'created': 1, 'duplicate': 0, 'not_processed': 0, 'received': 2, 'rejected': 1}}

    Attributes:
        items (list[ValueResult]):
        summary (RecordSummary):
    """

    items: list[ValueResult]
    summary: RecordSummary
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
        from ..models.record_summary import RecordSummary  # noqa: PLC0415
        from ..models.value_result import ValueResult  # noqa: PLC0415

        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = ValueResult.from_dict(items_item_data)

            items.append(items_item)

        summary = RecordSummary.from_dict(d.pop("summary"))

        indicator_value_report = cls(
            items=items,
            summary=summary,
        )

        indicator_value_report.additional_properties = d
        return indicator_value_report

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
