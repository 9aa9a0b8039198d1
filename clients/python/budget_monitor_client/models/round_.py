from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.round_status import RoundStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="Round")


@_attrs_define
class Round:
    """
    Example:
        {'closed_at': None, 'created_at': '2021-07-20T03:00:00Z', 'cutoff_date': '2021-07-31', 'due_date': '2021-08-20',
            'fiscal_year': 2021, 'id': '0193a0c4-7f43-7000-8000-000000000091', 'name': '2021 January–July monitoring',
            'open_date': '2021-08-01', 'opened_at': '2021-08-01T00:30:00Z', 'region_code': '370000', 'status': 'open',
            'time_progress': '58.33', 'updated_at': '2021-08-01T00:30:00Z', 'version': 2, 'warning_days': 5}

    Attributes:
        created_at (datetime.datetime):
        cutoff_date (datetime.date): Data up to this date count (e.g. 2021-07-31 for January to July).
        due_date (datetime.date):
        fiscal_year (int):
        id (UUID):
        name (str):
        open_date (datetime.date):
        region_code (str): The region whose subtree the round covers.
        status (RoundStatus):
        time_progress (str): Share of the year elapsed at the cut-off, in percent. Example: 58.33.
        updated_at (datetime.datetime):
        version (int):
        warning_days (int): Days before the due date when filing warnings start.
        closed_at (datetime.datetime | None | Unset):
        opened_at (datetime.datetime | None | Unset):
    """

    created_at: datetime.datetime
    cutoff_date: datetime.date
    due_date: datetime.date
    fiscal_year: int
    id: UUID
    name: str
    open_date: datetime.date
    region_code: str
    status: RoundStatus
    time_progress: str
    updated_at: datetime.datetime
    version: int
    warning_days: int
    closed_at: datetime.datetime | None | Unset = UNSET
    opened_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        cutoff_date = self.cutoff_date.isoformat()

        due_date = self.due_date.isoformat()

        fiscal_year = self.fiscal_year

        id = str(self.id)

        name = self.name

        open_date = self.open_date.isoformat()

        region_code = self.region_code

        status = self.status.value

        time_progress = self.time_progress

        updated_at = self.updated_at.isoformat()

        version = self.version

        warning_days = self.warning_days

        closed_at: None | str | Unset
        if isinstance(self.closed_at, Unset):
            closed_at = UNSET
        elif isinstance(self.closed_at, datetime.datetime):
            closed_at = self.closed_at.isoformat()
        else:
            closed_at = self.closed_at

        opened_at: None | str | Unset
        if isinstance(self.opened_at, Unset):
            opened_at = UNSET
        elif isinstance(self.opened_at, datetime.datetime):
            opened_at = self.opened_at.isoformat()
        else:
            opened_at = self.opened_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "cutoff_date": cutoff_date,
                "due_date": due_date,
                "fiscal_year": fiscal_year,
                "id": id,
                "name": name,
                "open_date": open_date,
                "region_code": region_code,
                "status": status,
                "time_progress": time_progress,
                "updated_at": updated_at,
                "version": version,
                "warning_days": warning_days,
            }
        )
        if closed_at is not UNSET:
            field_dict["closed_at"] = closed_at
        if opened_at is not UNSET:
            field_dict["opened_at"] = opened_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        cutoff_date = datetime.date.fromisoformat(d.pop("cutoff_date"))

        due_date = datetime.date.fromisoformat(d.pop("due_date"))

        fiscal_year = d.pop("fiscal_year")

        id = UUID(d.pop("id"))

        name = d.pop("name")

        open_date = datetime.date.fromisoformat(d.pop("open_date"))

        region_code = d.pop("region_code")

        status = RoundStatus(d.pop("status"))

        time_progress = d.pop("time_progress")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        warning_days = d.pop("warning_days")

        def _parse_closed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                closed_at_type_0 = datetime.datetime.fromisoformat(data)

                return closed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        closed_at = _parse_closed_at(d.pop("closed_at", UNSET))

        def _parse_opened_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                opened_at_type_0 = datetime.datetime.fromisoformat(data)

                return opened_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        opened_at = _parse_opened_at(d.pop("opened_at", UNSET))

        round_ = cls(
            created_at=created_at,
            cutoff_date=cutoff_date,
            due_date=due_date,
            fiscal_year=fiscal_year,
            id=id,
            name=name,
            open_date=open_date,
            region_code=region_code,
            status=status,
            time_progress=time_progress,
            updated_at=updated_at,
            version=version,
            warning_days=warning_days,
            closed_at=closed_at,
            opened_at=opened_at,
        )

        round_.additional_properties = d
        return round_

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
