from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="FollowedResult")


@_attrs_define
class FollowedResult:
    """A next-year budget measure of last year's monitoring that a project's budget followed.

    Attributes:
        amount (str): Yuan by which this year's budget was to move: negative when reduced. Example: -2000000.00.
        application_id (UUID): The result application (`/result-applications/{id}`).
        measure (str): `reduce_next_year_budget` or `raise_next_year_budget`.
    """

    amount: str
    application_id: UUID
    measure: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        application_id = str(self.application_id)

        measure = self.measure

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
                "application_id": application_id,
                "measure": measure,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        application_id = UUID(d.pop("application_id"))

        measure = d.pop("measure")

        followed_result = cls(
            amount=amount,
            application_id=application_id,
            measure=measure,
        )

        followed_result.additional_properties = d
        return followed_result

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
