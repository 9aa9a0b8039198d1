from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ImportSummary")


@_attrs_define
class ImportSummary:
    """
    Attributes:
        created (int):
        received (int):
        rejected (int):
        unchanged (int):
        updated (int):
        not_processed (int | Unset): Items to resend: the database became unreachable or the server failed before they
            were
            written.
    """

    created: int
    received: int
    rejected: int
    unchanged: int
    updated: int
    not_processed: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created = self.created

        received = self.received

        rejected = self.rejected

        unchanged = self.unchanged

        updated = self.updated

        not_processed = self.not_processed

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created": created,
                "received": received,
                "rejected": rejected,
                "unchanged": unchanged,
                "updated": updated,
            }
        )
        if not_processed is not UNSET:
            field_dict["not_processed"] = not_processed

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created = d.pop("created")

        received = d.pop("received")

        rejected = d.pop("rejected")

        unchanged = d.pop("unchanged")

        updated = d.pop("updated")

        not_processed = d.pop("not_processed", UNSET)

        import_summary = cls(
            created=created,
            received=received,
            rejected=rejected,
            unchanged=unchanged,
            updated=updated,
            not_processed=not_processed,
        )

        import_summary.additional_properties = d
        return import_summary

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
