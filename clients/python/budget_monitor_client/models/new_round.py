from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="NewRound")


@_attrs_define
class NewRound:
    """
    Example:
        {'cutoff_date': '2021-07-31', 'due_date': '2021-08-20', 'fiscal_year': 2021, 'name': '2021 January–July
            monitoring', 'open_date': '2021-08-01', 'region_code': '370000', 'warning_days': 5}

    Attributes:
        cutoff_date (datetime.date): Must fall in the fiscal year.
        due_date (datetime.date): Not before the open date.
        fiscal_year (int):
        name (str):
        open_date (datetime.date):
        region_code (str):
        warning_days (int | Unset):
    """

    cutoff_date: datetime.date
    due_date: datetime.date
    fiscal_year: int
    name: str
    open_date: datetime.date
    region_code: str
    warning_days: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        cutoff_date = self.cutoff_date.isoformat()

        due_date = self.due_date.isoformat()

        fiscal_year = self.fiscal_year

        name = self.name

        open_date = self.open_date.isoformat()

        region_code = self.region_code

        warning_days = self.warning_days

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "cutoff_date": cutoff_date,
                "due_date": due_date,
                "fiscal_year": fiscal_year,
                "name": name,
                "open_date": open_date,
                "region_code": region_code,
            }
        )
        if warning_days is not UNSET:
            field_dict["warning_days"] = warning_days

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        cutoff_date = datetime.date.fromisoformat(d.pop("cutoff_date"))

        due_date = datetime.date.fromisoformat(d.pop("due_date"))

        fiscal_year = d.pop("fiscal_year")

        name = d.pop("name")

        open_date = datetime.date.fromisoformat(d.pop("open_date"))

        region_code = d.pop("region_code")

        warning_days = d.pop("warning_days", UNSET)

        new_round = cls(
            cutoff_date=cutoff_date,
            due_date=due_date,
            fiscal_year=fiscal_year,
            name=name,
            open_date=open_date,
            region_code=region_code,
            warning_days=warning_days,
        )

        return new_round
