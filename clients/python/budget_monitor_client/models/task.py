from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.task_kind import TaskKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="Task")


@_attrs_define
class Task:
    """
    Attributes:
        code (str): The project's or the department's code.
        kind (TaskKind):
        link (str): The object's URL in this API. Example: /api/v1/reports/0193a0c4-7f43-7000-8000-000000000092.
        object_id (UUID):
        status (str): The object's state now.
        title (str): The project's (or department's, or the requirement's) name.
        days_left (int | None | Unset): Days from today to `due_date`; negative when past.
        due_date (datetime.date | None | Unset): The round's due date, or the rectification's deadline; null for target
            adjustments.
    """

    code: str
    kind: TaskKind
    link: str
    object_id: UUID
    status: str
    title: str
    days_left: int | None | Unset = UNSET
    due_date: datetime.date | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        kind = self.kind.value

        link = self.link

        object_id = str(self.object_id)

        status = self.status

        title = self.title

        days_left: int | None | Unset
        if isinstance(self.days_left, Unset):
            days_left = UNSET
        else:
            days_left = self.days_left

        due_date: None | str | Unset
        if isinstance(self.due_date, Unset):
            due_date = UNSET
        elif isinstance(self.due_date, datetime.date):
            due_date = self.due_date.isoformat()
        else:
            due_date = self.due_date

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "kind": kind,
                "link": link,
                "object_id": object_id,
                "status": status,
                "title": title,
            }
        )
        if days_left is not UNSET:
            field_dict["days_left"] = days_left
        if due_date is not UNSET:
            field_dict["due_date"] = due_date

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        kind = TaskKind(d.pop("kind"))

        link = d.pop("link")

        object_id = UUID(d.pop("object_id"))

        status = d.pop("status")

        title = d.pop("title")

        def _parse_days_left(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        days_left = _parse_days_left(d.pop("days_left", UNSET))

        def _parse_due_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                due_date_type_0 = datetime.date.fromisoformat(data)

                return due_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        due_date = _parse_due_date(d.pop("due_date", UNSET))

        task = cls(
            code=code,
            kind=kind,
            link=link,
            object_id=object_id,
            status=status,
            title=title,
            days_left=days_left,
            due_date=due_date,
        )

        task.additional_properties = d
        return task

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
