from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="DepartmentAssessmentRound")


@_attrs_define
class DepartmentAssessmentRound:
    """A round of the year that reached the region's departments (the region's own or one above).

    Attributes:
        cutoff_date (datetime.date):
        id (UUID):
        name (str):
    """

    cutoff_date: datetime.date
    id: UUID
    name: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        cutoff_date = self.cutoff_date.isoformat()

        id = str(self.id)

        name = self.name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "cutoff_date": cutoff_date,
                "id": id,
                "name": name,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        cutoff_date = datetime.date.fromisoformat(d.pop("cutoff_date"))

        id = UUID(d.pop("id"))

        name = d.pop("name")

        department_assessment_round = cls(
            cutoff_date=cutoff_date,
            id=id,
            name=name,
        )

        department_assessment_round.additional_properties = d
        return department_assessment_round

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
