from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.project_status import ProjectStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.fund_source_amounts import FundSourceAmounts


T = TypeVar("T", bound="NewProject")


@_attrs_define
class NewProject:
    """
    Example:
        {'annual_goal': 'Build a provincial aviation rescue network', 'category': 'special', 'code': 'SD2021-KJ-007',
            'department_id': '0193a0c4-7f43-7000-8000-0000000000a1', 'end_date': '2021-12-31', 'fiscal_year': 2021,
            'function_class': '22401', 'fund_sources': {'provincial': '120000000.00'}, 'initial_budget': '120000000.00',
            'name': 'Aviation emergency rescue capability', 'start_date': '2021-01-01'}

    Attributes:
        code (str): Letters, digits, `_`, `.` and `-`, starting with a letter or digit; at most 64.
        department_id (UUID):
        fiscal_year (int):
        function_class (str):
        fund_sources (FundSourceAmounts): Amounts by fund source, in yuan, as decimal strings.
        initial_budget (str):
        name (str): 1 to 200 characters, not only spaces.
        annual_goal (str | Unset):
        category (str | Unset):
        classified (bool | Unset): Admins only.
        end_date (datetime.date | None | Unset):
        key_monitoring (bool | Unset): Finance officers and admins only.
        start_date (datetime.date | None | Unset):
        status (ProjectStatus | Unset):
    """

    code: str
    department_id: UUID
    fiscal_year: int
    function_class: str
    fund_sources: FundSourceAmounts
    initial_budget: str
    name: str
    annual_goal: str | Unset = UNSET
    category: str | Unset = UNSET
    classified: bool | Unset = UNSET
    end_date: datetime.date | None | Unset = UNSET
    key_monitoring: bool | Unset = UNSET
    start_date: datetime.date | None | Unset = UNSET
    status: ProjectStatus | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        department_id = str(self.department_id)

        fiscal_year = self.fiscal_year

        function_class = self.function_class

        fund_sources = self.fund_sources.to_dict()

        initial_budget = self.initial_budget

        name = self.name

        annual_goal = self.annual_goal

        category = self.category

        classified = self.classified

        end_date: None | str | Unset
        if isinstance(self.end_date, Unset):
            end_date = UNSET
        elif isinstance(self.end_date, datetime.date):
            end_date = self.end_date.isoformat()
        else:
            end_date = self.end_date

        key_monitoring = self.key_monitoring

        start_date: None | str | Unset
        if isinstance(self.start_date, Unset):
            start_date = UNSET
        elif isinstance(self.start_date, datetime.date):
            start_date = self.start_date.isoformat()
        else:
            start_date = self.start_date

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "code": code,
                "department_id": department_id,
                "fiscal_year": fiscal_year,
                "function_class": function_class,
                "fund_sources": fund_sources,
                "initial_budget": initial_budget,
                "name": name,
            }
        )
        if annual_goal is not UNSET:
            field_dict["annual_goal"] = annual_goal
        if category is not UNSET:
            field_dict["category"] = category
        if classified is not UNSET:
            field_dict["classified"] = classified
        if end_date is not UNSET:
            field_dict["end_date"] = end_date
        if key_monitoring is not UNSET:
            field_dict["key_monitoring"] = key_monitoring
        if start_date is not UNSET:
            field_dict["start_date"] = start_date
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.fund_source_amounts import FundSourceAmounts  # noqa: PLC0415

        d = dict(src_dict)
        code = d.pop("code")

        department_id = UUID(d.pop("department_id"))

        fiscal_year = d.pop("fiscal_year")

        function_class = d.pop("function_class")

        fund_sources = FundSourceAmounts.from_dict(d.pop("fund_sources"))

        initial_budget = d.pop("initial_budget")

        name = d.pop("name")

        annual_goal = d.pop("annual_goal", UNSET)

        category = d.pop("category", UNSET)

        classified = d.pop("classified", UNSET)

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

        key_monitoring = d.pop("key_monitoring", UNSET)

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

        _status = d.pop("status", UNSET)
        status: ProjectStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = ProjectStatus(_status)

        new_project = cls(
            code=code,
            department_id=department_id,
            fiscal_year=fiscal_year,
            function_class=function_class,
            fund_sources=fund_sources,
            initial_budget=initial_budget,
            name=name,
            annual_goal=annual_goal,
            category=category,
            classified=classified,
            end_date=end_date,
            key_monitoring=key_monitoring,
            start_date=start_date,
            status=status,
        )

        return new_project
