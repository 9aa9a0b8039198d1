from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ReportCounts")


@_attrs_define
class ReportCounts:
    """
    Attributes:
        approved (int):
        draft (int):
        late (int): Submitted after the due date (also counted under their status).
        missing (int): Draft or returned after the round's due date.
        returned (int):
        submitted (int):
        total (int):
    """

    approved: int
    draft: int
    late: int
    missing: int
    returned: int
    submitted: int
    total: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        approved = self.approved

        draft = self.draft

        late = self.late

        missing = self.missing

        returned = self.returned

        submitted = self.submitted

        total = self.total

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "approved": approved,
                "draft": draft,
                "late": late,
                "missing": missing,
                "returned": returned,
                "submitted": submitted,
                "total": total,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        approved = d.pop("approved")

        draft = d.pop("draft")

        late = d.pop("late")

        missing = d.pop("missing")

        returned = d.pop("returned")

        submitted = d.pop("submitted")

        total = d.pop("total")

        report_counts = cls(
            approved=approved,
            draft=draft,
            late=late,
            missing=missing,
            returned=returned,
            submitted=submitted,
            total=total,
        )

        report_counts.additional_properties = d
        return report_counts

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
