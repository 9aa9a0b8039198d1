from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="NewInspection")


@_attrs_define
class NewInspection:
    """
    Example:
        {'end_date': '2021-09-10', 'project_id': '0193a0c4-7f43-7000-8000-0000000000e1', 'round_id':
            '0193a0c4-7f43-7000-8000-000000000091', 'start_date': '2021-09-06'}

    Attributes:
        project_id (UUID): The project to key-monitor; it is marked `key_monitoring`.
        end_date (datetime.date | None | Unset):
        round_id (None | Unset | UUID): The round the inspection belongs to, if any.
        start_date (datetime.date | None | Unset):
    """

    project_id: UUID
    end_date: datetime.date | None | Unset = UNSET
    round_id: None | Unset | UUID = UNSET
    start_date: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        project_id = str(self.project_id)

        end_date: None | str | Unset
        if isinstance(self.end_date, Unset):
            end_date = UNSET
        elif isinstance(self.end_date, datetime.date):
            end_date = self.end_date.isoformat()
        else:
            end_date = self.end_date

        round_id: None | str | Unset
        if isinstance(self.round_id, Unset):
            round_id = UNSET
        elif isinstance(self.round_id, UUID):
            round_id = str(self.round_id)
        else:
            round_id = self.round_id

        start_date: None | str | Unset
        if isinstance(self.start_date, Unset):
            start_date = UNSET
        elif isinstance(self.start_date, datetime.date):
            start_date = self.start_date.isoformat()
        else:
            start_date = self.start_date

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "project_id": project_id,
            }
        )
        if end_date is not UNSET:
            field_dict["end_date"] = end_date
        if round_id is not UNSET:
            field_dict["round_id"] = round_id
        if start_date is not UNSET:
            field_dict["start_date"] = start_date

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        project_id = UUID(d.pop("project_id"))

        def _parse_end_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                end_date_type_0 = datetime.date.fromisoformat(data)

                return end_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        end_date = _parse_end_date(d.pop("end_date", UNSET))

        def _parse_round_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                round_id_type_0 = UUID(data)

                return round_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        round_id = _parse_round_id(d.pop("round_id", UNSET))

        def _parse_start_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                start_date_type_0 = datetime.date.fromisoformat(data)

                return start_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        start_date = _parse_start_date(d.pop("start_date", UNSET))

        new_inspection = cls(
            project_id=project_id,
            end_date=end_date,
            round_id=round_id,
            start_date=start_date,
        )

        return new_inspection
