from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.project_status import ProjectStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.fund_source_amounts import FundSourceAmounts


T = TypeVar("T", bound="ProjectChanges")


@_attrs_define
class ProjectChanges:
    """Only the fields sent change. Department officers may change name, function class, category,
    dates and goal; budgets, status and key monitoring are for finance officers and admins;
    `classified` for admins.

        Example:
            {'annual_goal': 'Build eight aviation rescue bases covering every city of the province', 'end_date':
                '2021-12-31'}

        Attributes:
            annual_goal (None | str | Unset):
            category (None | str | Unset):
            classified (bool | None | Unset):
            end_date (datetime.date | None | Unset):
            function_class (None | str | Unset):
            fund_sources (FundSourceAmounts | None | Unset):
            initial_budget (None | str | Unset): A change is booked in the budget ledger as a correction.
            key_monitoring (bool | None | Unset):
            name (None | str | Unset): 1 to 200 characters, not only spaces.
            start_date (datetime.date | None | Unset):
            status (None | ProjectStatus | Unset):
    """

    annual_goal: None | str | Unset = UNSET
    category: None | str | Unset = UNSET
    classified: bool | None | Unset = UNSET
    end_date: datetime.date | None | Unset = UNSET
    function_class: None | str | Unset = UNSET
    fund_sources: FundSourceAmounts | None | Unset = UNSET
    initial_budget: None | str | Unset = UNSET
    key_monitoring: bool | None | Unset = UNSET
    name: None | str | Unset = UNSET
    start_date: datetime.date | None | Unset = UNSET
    status: None | ProjectStatus | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.fund_source_amounts import FundSourceAmounts  # noqa: PLC0415

        annual_goal: None | str | Unset
        if isinstance(self.annual_goal, Unset):
            annual_goal = UNSET
        else:
            annual_goal = self.annual_goal

        category: None | str | Unset
        if isinstance(self.category, Unset):
            category = UNSET
        else:
            category = self.category

        classified: bool | None | Unset
        if isinstance(self.classified, Unset):
            classified = UNSET
        else:
            classified = self.classified

        end_date: None | str | Unset
        if isinstance(self.end_date, Unset):
            end_date = UNSET
        elif isinstance(self.end_date, datetime.date):
            end_date = self.end_date.isoformat()
        else:
            end_date = self.end_date

        function_class: None | str | Unset
        if isinstance(self.function_class, Unset):
            function_class = UNSET
        else:
            function_class = self.function_class

        fund_sources: dict[str, Any] | None | Unset
        if isinstance(self.fund_sources, Unset):
            fund_sources = UNSET
        elif isinstance(self.fund_sources, FundSourceAmounts):
            fund_sources = self.fund_sources.to_dict()
        else:
            fund_sources = self.fund_sources

        initial_budget: None | str | Unset
        if isinstance(self.initial_budget, Unset):
            initial_budget = UNSET
        else:
            initial_budget = self.initial_budget

        key_monitoring: bool | None | Unset
        if isinstance(self.key_monitoring, Unset):
            key_monitoring = UNSET
        else:
            key_monitoring = self.key_monitoring

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        start_date: None | str | Unset
        if isinstance(self.start_date, Unset):
            start_date = UNSET
        elif isinstance(self.start_date, datetime.date):
            start_date = self.start_date.isoformat()
        else:
            start_date = self.start_date

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, ProjectStatus):
            status = self.status.value
        else:
            status = self.status

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if annual_goal is not UNSET:
            field_dict["annual_goal"] = annual_goal
        if category is not UNSET:
            field_dict["category"] = category
        if classified is not UNSET:
            field_dict["classified"] = classified
        if end_date is not UNSET:
            field_dict["end_date"] = end_date
        if function_class is not UNSET:
            field_dict["function_class"] = function_class
        if fund_sources is not UNSET:
            field_dict["fund_sources"] = fund_sources
        if initial_budget is not UNSET:
            field_dict["initial_budget"] = initial_budget
        if key_monitoring is not UNSET:
            field_dict["key_monitoring"] = key_monitoring
        if name is not UNSET:
            field_dict["name"] = name
        if start_date is not UNSET:
            field_dict["start_date"] = start_date
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.fund_source_amounts import FundSourceAmounts  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_annual_goal(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        annual_goal = _parse_annual_goal(d.pop("annual_goal", UNSET))

        def _parse_category(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        category = _parse_category(d.pop("category", UNSET))

        def _parse_classified(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        classified = _parse_classified(d.pop("classified", UNSET))

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

        def _parse_function_class(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        function_class = _parse_function_class(d.pop("function_class", UNSET))

        def _parse_fund_sources(data: object) -> FundSourceAmounts | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                fund_sources_type_0 = FundSourceAmounts.from_dict(data)

                return fund_sources_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FundSourceAmounts | None | Unset, data)

        fund_sources = _parse_fund_sources(d.pop("fund_sources", UNSET))

        def _parse_initial_budget(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        initial_budget = _parse_initial_budget(d.pop("initial_budget", UNSET))

        def _parse_key_monitoring(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        key_monitoring = _parse_key_monitoring(d.pop("key_monitoring", UNSET))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

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

        def _parse_status(data: object) -> None | ProjectStatus | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = ProjectStatus(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ProjectStatus | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        project_changes = cls(
            annual_goal=annual_goal,
            category=category,
            classified=classified,
            end_date=end_date,
            function_class=function_class,
            fund_sources=fund_sources,
            initial_budget=initial_budget,
            key_monitoring=key_monitoring,
            name=name,
            start_date=start_date,
            status=status,
        )

        return project_changes
