from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="SkippedProject")


@_attrs_define
class SkippedProject:
    """
    Attributes:
        code (str):
        name (str):
        project_id (UUID):
        reasons (list[str]): Why the project is not ready for monitoring.
    """

    code: str
    name: str
    project_id: UUID
    reasons: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        name = self.name

        project_id = str(self.project_id)

        reasons = self.reasons

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "name": name,
                "project_id": project_id,
                "reasons": reasons,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        name = d.pop("name")

        project_id = UUID(d.pop("project_id"))

        reasons = cast(list[str], d.pop("reasons"))

        skipped_project = cls(
            code=code,
            name=name,
            project_id=project_id,
            reasons=reasons,
        )

        skipped_project.additional_properties = d
        return skipped_project

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
