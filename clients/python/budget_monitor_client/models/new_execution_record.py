from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="NewExecutionRecord")


@_attrs_define
class NewExecutionRecord:
    """One spending record. The project is named by id, or by region code, fiscal year and code.

    Example:
        {'amount': '12500000.00', 'external_ref': 'GK-2021-000123', 'fiscal_year': 2021, 'payment_date': '2021-03-15',
            'project_code': 'SD2021-YJ-001', 'region_code': '370000'}

    Attributes:
        amount (str): Yuan; negative for a refund.
        external_ref (str): The sender's id of the record, unique per project: a resent record is recognised by it.
        payment_date (datetime.date):
        description (str | Unset):
        fiscal_year (int | None | Unset):
        project_code (None | str | Unset):
        project_id (None | Unset | UUID):
        region_code (None | str | Unset):
    """

    amount: str
    external_ref: str
    payment_date: datetime.date
    description: str | Unset = UNSET
    fiscal_year: int | None | Unset = UNSET
    project_code: None | str | Unset = UNSET
    project_id: None | Unset | UUID = UNSET
    region_code: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        external_ref = self.external_ref

        payment_date = self.payment_date.isoformat()

        description = self.description

        fiscal_year: int | None | Unset
        if isinstance(self.fiscal_year, Unset):
            fiscal_year = UNSET
        else:
            fiscal_year = self.fiscal_year

        project_code: None | str | Unset
        if isinstance(self.project_code, Unset):
            project_code = UNSET
        else:
            project_code = self.project_code

        project_id: None | str | Unset
        if isinstance(self.project_id, Unset):
            project_id = UNSET
        elif isinstance(self.project_id, UUID):
            project_id = str(self.project_id)
        else:
            project_id = self.project_id

        region_code: None | str | Unset
        if isinstance(self.region_code, Unset):
            region_code = UNSET
        else:
            region_code = self.region_code

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "amount": amount,
                "external_ref": external_ref,
                "payment_date": payment_date,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if fiscal_year is not UNSET:
            field_dict["fiscal_year"] = fiscal_year
        if project_code is not UNSET:
            field_dict["project_code"] = project_code
        if project_id is not UNSET:
            field_dict["project_id"] = project_id
        if region_code is not UNSET:
            field_dict["region_code"] = region_code

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        external_ref = d.pop("external_ref")

        payment_date = datetime.date.fromisoformat(d.pop("payment_date"))

        description = d.pop("description", UNSET)

        def _parse_fiscal_year(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        fiscal_year = _parse_fiscal_year(d.pop("fiscal_year", UNSET))

        def _parse_project_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        project_code = _parse_project_code(d.pop("project_code", UNSET))

        def _parse_project_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                project_id_type_0 = UUID(data)

                return project_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        project_id = _parse_project_id(d.pop("project_id", UNSET))

        def _parse_region_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        region_code = _parse_region_code(d.pop("region_code", UNSET))

        new_execution_record = cls(
            amount=amount,
            external_ref=external_ref,
            payment_date=payment_date,
            description=description,
            fiscal_year=fiscal_year,
            project_code=project_code,
            project_id=project_id,
            region_code=region_code,
        )

        return new_execution_record
