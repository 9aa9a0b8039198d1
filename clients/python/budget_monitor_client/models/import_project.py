from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.project_status import ProjectStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.fund_source_amounts import FundSourceAmounts
    from ..models.new_indicator import NewIndicator


T = TypeVar("T", bound="ImportProject")


@_attrs_define
class ImportProject:
    """One project of an import, identified by region code, fiscal year and project code.

    Example:
        {'annual_goal': 'Incubate 40 start-ups', 'category': 'special', 'code': 'JN2021-KJ-003', 'department_code':
            'JNKJJ', 'end_date': '2021-12-31', 'fiscal_year': 2021, 'function_class': '20601', 'fund_sources': {'municipal':
            '30000000.00'}, 'indicators': [{'comparator': '>=', 'level1': 'output', 'level2': 'quantity', 'measurement':
            'Companies registered in the parks', 'name': 'Start-ups incubated', 'target_value': '40', 'unit': 'companies',
            'weight': '60'}, {'comparator': '>=', 'level1': 'satisfaction', 'level2': 'beneficiary_satisfaction',
            'measurement': 'Survey of the tenants in December', 'name': 'Tenant satisfaction', 'target_value': '90', 'unit':
            '%', 'weight': '30'}], 'initial_budget': '30000000.00', 'key_monitoring': True, 'name': 'Science park
            incubators', 'region_code': '370100', 'start_date': '2021-01-01'}

    Attributes:
        code (str):
        department_code (str): Code of a department of that region.
        fiscal_year (int):
        function_class (str):
        initial_budget (str):
        name (str):
        region_code (str):
        annual_goal (str | Unset):
        category (str | Unset):
        end_date (datetime.date | None | Unset):
        fund_sources (FundSourceAmounts | Unset): Amounts by fund source, in yuan, as decimal strings.
        indicators (list[NewIndicator] | Unset): The project's complete set of indicators, at most 100; on update they
            replace the
            current ones (matched by level 1, level 2 and name, so unchanged indicators keep their
            ids).
        key_monitoring (bool | Unset):
        start_date (datetime.date | None | Unset):
        status (ProjectStatus | Unset):
    """

    code: str
    department_code: str
    fiscal_year: int
    function_class: str
    initial_budget: str
    name: str
    region_code: str
    annual_goal: str | Unset = UNSET
    category: str | Unset = UNSET
    end_date: datetime.date | None | Unset = UNSET
    fund_sources: FundSourceAmounts | Unset = UNSET
    indicators: list[NewIndicator] | Unset = UNSET
    key_monitoring: bool | Unset = UNSET
    start_date: datetime.date | None | Unset = UNSET
    status: ProjectStatus | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        department_code = self.department_code

        fiscal_year = self.fiscal_year

        function_class = self.function_class

        initial_budget = self.initial_budget

        name = self.name

        region_code = self.region_code

        annual_goal = self.annual_goal

        category = self.category

        end_date: None | str | Unset
        if isinstance(self.end_date, Unset):
            end_date = UNSET
        elif isinstance(self.end_date, datetime.date):
            end_date = self.end_date.isoformat()
        else:
            end_date = self.end_date

        fund_sources: dict[str, Any] | Unset = UNSET
        if not isinstance(self.fund_sources, Unset):
            fund_sources = self.fund_sources.to_dict()

        indicators: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.indicators, Unset):
            indicators = []
            for indicators_item_data in self.indicators:
                indicators_item = indicators_item_data.to_dict()
                indicators.append(indicators_item)

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
                "department_code": department_code,
                "fiscal_year": fiscal_year,
                "function_class": function_class,
                "initial_budget": initial_budget,
                "name": name,
                "region_code": region_code,
            }
        )
        if annual_goal is not UNSET:
            field_dict["annual_goal"] = annual_goal
        if category is not UNSET:
            field_dict["category"] = category
        if end_date is not UNSET:
            field_dict["end_date"] = end_date
        if fund_sources is not UNSET:
            field_dict["fund_sources"] = fund_sources
        if indicators is not UNSET:
            field_dict["indicators"] = indicators
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
        from ..models.new_indicator import NewIndicator  # noqa: PLC0415

        d = dict(src_dict)
        code = d.pop("code")

        department_code = d.pop("department_code")

        fiscal_year = d.pop("fiscal_year")

        function_class = d.pop("function_class")

        initial_budget = d.pop("initial_budget")

        name = d.pop("name")

        region_code = d.pop("region_code")

        annual_goal = d.pop("annual_goal", UNSET)

        category = d.pop("category", UNSET)

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

        _fund_sources = d.pop("fund_sources", UNSET)
        fund_sources: FundSourceAmounts | Unset
        if isinstance(_fund_sources, Unset):
            fund_sources = UNSET
        else:
            fund_sources = FundSourceAmounts.from_dict(_fund_sources)

        _indicators = d.pop("indicators", UNSET)
        indicators: list[NewIndicator] | Unset = UNSET
        if _indicators is not UNSET:
            indicators = []
            for indicators_item_data in _indicators:
                indicators_item = NewIndicator.from_dict(indicators_item_data)

                indicators.append(indicators_item)

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

        import_project = cls(
            code=code,
            department_code=department_code,
            fiscal_year=fiscal_year,
            function_class=function_class,
            initial_budget=initial_budget,
            name=name,
            region_code=region_code,
            annual_goal=annual_goal,
            category=category,
            end_date=end_date,
            fund_sources=fund_sources,
            indicators=indicators,
            key_monitoring=key_monitoring,
            start_date=start_date,
            status=status,
        )

        return import_project
