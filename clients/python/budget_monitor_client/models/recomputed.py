from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Recomputed")


@_attrs_define
class Recomputed:
    """
    Example:
        {'changed': 41, 'elapsed_ms': 2350, 'recomputed': 1382}

    Attributes:
        changed (int): Of those, how many evaluations changed.
        elapsed_ms (int):
        recomputed (int): Reports of the round that were evaluated. Secret-related reports are evaluated too but
            counted only for admins.
    """

    changed: int
    elapsed_ms: int
    recomputed: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        changed = self.changed

        elapsed_ms = self.elapsed_ms

        recomputed = self.recomputed

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "changed": changed,
                "elapsed_ms": elapsed_ms,
                "recomputed": recomputed,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        changed = d.pop("changed")

        elapsed_ms = d.pop("elapsed_ms")

        recomputed = d.pop("recomputed")

        recomputed = cls(
            changed=changed,
            elapsed_ms=elapsed_ms,
            recomputed=recomputed,
        )

        recomputed.additional_properties = d
        return recomputed

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
