from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="NewRectification")


@_attrs_define
class NewRectification:
    """
    Example:
        {'deadline': '2021-10-31', 'finding_id': '0193a0c4-7f43-7000-8000-0000000000f1', 'requirement': 'Submit a
            revised spending plan for the two delayed bases', 'warning_days': 7}

    Attributes:
        deadline (datetime.date):
        finding_id (UUID):
        requirement (str):
        department_id (None | Unset | UUID): Defaults to the project's department.
        warning_days (int | Unset): Days before the deadline when the task turns yellow.
    """

    deadline: datetime.date
    finding_id: UUID
    requirement: str
    department_id: None | Unset | UUID = UNSET
    warning_days: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        deadline = self.deadline.isoformat()

        finding_id = str(self.finding_id)

        requirement = self.requirement

        department_id: None | str | Unset
        if isinstance(self.department_id, Unset):
            department_id = UNSET
        elif isinstance(self.department_id, UUID):
            department_id = str(self.department_id)
        else:
            department_id = self.department_id

        warning_days = self.warning_days

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "deadline": deadline,
                "finding_id": finding_id,
                "requirement": requirement,
            }
        )
        if department_id is not UNSET:
            field_dict["department_id"] = department_id
        if warning_days is not UNSET:
            field_dict["warning_days"] = warning_days

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        deadline = datetime.date.fromisoformat(d.pop("deadline"))

        finding_id = UUID(d.pop("finding_id"))

        requirement = d.pop("requirement")

        def _parse_department_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                department_id_type_0 = UUID(data)

                return department_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        department_id = _parse_department_id(d.pop("department_id", UNSET))

        warning_days = d.pop("warning_days", UNSET)

        new_rectification = cls(
            deadline=deadline,
            finding_id=finding_id,
            requirement=requirement,
            department_id=department_id,
            warning_days=warning_days,
        )

        return new_rectification
