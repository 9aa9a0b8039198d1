from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.light import Light
from ..models.rectification_status import RectificationStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.rectification_event import RectificationEvent


T = TypeVar("T", bound="Rectification")


@_attrs_define
class Rectification:
    """
    Example:
        {'accepted_at': None, 'answered_at': '2021-10-12T03:00:00Z', 'created_at': '2021-09-13T02:00:00Z', 'deadline':
            '2021-10-31', 'department_id': '0193a0c4-7f43-7000-8000-0000000000a1', 'finding_id':
            '0193a0c4-7f43-7000-8000-0000000000f1', 'history': [{'actor_name': 'kjt.officer', 'at': '2021-10-12T03:00:00Z',
            'comment': '', 'from': 'open', 'to': 'answered'}], 'id': '0193a0c4-7f43-7000-8000-000000000095', 'light':
            'green', 'overdue': False, 'project_id': '0193a0c4-7f43-7000-8000-0000000000e1', 'requirement': 'Submit a
            revised spending plan for the two delayed bases', 'response': 'Revised plan approved on 12 October; the idle
            25,000,000.00 yuan are returned.', 'status': 'answered', 'version': 2, 'warning_days': 7}

    Attributes:
        created_at (datetime.datetime):
        deadline (datetime.date):
        department_id (UUID): The department responsible for the fix.
        finding_id (UUID):
        history (list[RectificationEvent]):
        id (UUID):
        light (Light):
        overdue (bool): Not accepted and past the deadline.
        project_id (UUID):
        requirement (str):
        response (str):
        status (RectificationStatus): Where a rectification task stands.
        version (int):
        warning_days (int):
        accepted_at (datetime.datetime | None | Unset):
        answered_at (datetime.datetime | None | Unset):
    """

    created_at: datetime.datetime
    deadline: datetime.date
    department_id: UUID
    finding_id: UUID
    history: list[RectificationEvent]
    id: UUID
    light: Light
    overdue: bool
    project_id: UUID
    requirement: str
    response: str
    status: RectificationStatus
    version: int
    warning_days: int
    accepted_at: datetime.datetime | None | Unset = UNSET
    answered_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        deadline = self.deadline.isoformat()

        department_id = str(self.department_id)

        finding_id = str(self.finding_id)

        history = []
        for history_item_data in self.history:
            history_item = history_item_data.to_dict()
            history.append(history_item)

        id = str(self.id)

        light = self.light.value

        overdue = self.overdue

        project_id = str(self.project_id)

        requirement = self.requirement

        response = self.response

        status = self.status.value

        version = self.version

        warning_days = self.warning_days

        accepted_at: None | str | Unset
        if isinstance(self.accepted_at, Unset):
            accepted_at = UNSET
        elif isinstance(self.accepted_at, datetime.datetime):
            accepted_at = self.accepted_at.isoformat()
        else:
            accepted_at = self.accepted_at

        answered_at: None | str | Unset
        if isinstance(self.answered_at, Unset):
            answered_at = UNSET
        elif isinstance(self.answered_at, datetime.datetime):
            answered_at = self.answered_at.isoformat()
        else:
            answered_at = self.answered_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "deadline": deadline,
                "department_id": department_id,
                "finding_id": finding_id,
                "history": history,
                "id": id,
                "light": light,
                "overdue": overdue,
                "project_id": project_id,
                "requirement": requirement,
                "response": response,
                "status": status,
                "version": version,
                "warning_days": warning_days,
            }
        )
        if accepted_at is not UNSET:
            field_dict["accepted_at"] = accepted_at
        if answered_at is not UNSET:
            field_dict["answered_at"] = answered_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.rectification_event import RectificationEvent  # noqa: PLC0415

        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        deadline = datetime.date.fromisoformat(d.pop("deadline"))

        department_id = UUID(d.pop("department_id"))

        finding_id = UUID(d.pop("finding_id"))

        history = []
        _history = d.pop("history")
        for history_item_data in _history:
            history_item = RectificationEvent.from_dict(history_item_data)

            history.append(history_item)

        id = UUID(d.pop("id"))

        light = Light(d.pop("light"))

        overdue = d.pop("overdue")

        project_id = UUID(d.pop("project_id"))

        requirement = d.pop("requirement")

        response = d.pop("response")

        status = RectificationStatus(d.pop("status"))

        version = d.pop("version")

        warning_days = d.pop("warning_days")

        def _parse_accepted_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                accepted_at_type_0 = datetime.datetime.fromisoformat(data)

                return accepted_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        accepted_at = _parse_accepted_at(d.pop("accepted_at", UNSET))

        def _parse_answered_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                answered_at_type_0 = datetime.datetime.fromisoformat(data)

                return answered_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        answered_at = _parse_answered_at(d.pop("answered_at", UNSET))

        rectification = cls(
            created_at=created_at,
            deadline=deadline,
            department_id=department_id,
            finding_id=finding_id,
            history=history,
            id=id,
            light=light,
            overdue=overdue,
            project_id=project_id,
            requirement=requirement,
            response=response,
            status=status,
            version=version,
            warning_days=warning_days,
            accepted_at=accepted_at,
            answered_at=answered_at,
        )

        rectification.additional_properties = d
        return rectification

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
