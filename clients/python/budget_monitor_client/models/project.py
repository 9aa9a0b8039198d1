from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.project_status import ProjectStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.followed_result import FollowedResult
    from ..models.fund_source_amounts import FundSourceAmounts
    from ..models.readiness import Readiness


T = TypeVar("T", bound="Project")


@_attrs_define
class Project:
    """
    Example:
        {'adjusted_budget': '95000000.00', 'annual_goal': 'Build a provincial aviation rescue network', 'category':
            'special', 'classified': False, 'code': 'SD2021-KJ-007', 'created_at': '2021-01-05T02:00:00Z',
            'department_code': 'KJT', 'department_id': '0193a0c4-7f43-7000-8000-0000000000a1', 'end_date': '2021-12-31',
            'fiscal_year': 2021, 'follows_result': None, 'function_class': '22401', 'fund_sources': {'central': '0.00',
            'county': '0.00', 'municipal': '0.00', 'other': '0.00', 'provincial': '120000000.00', 'self_raised': '0.00'},
            'id': '0193a0c4-7f43-7000-8000-0000000000e1', 'indicator_set_version': 1, 'initial_budget': '120000000.00',
            'key_monitoring': True, 'name': 'Aviation emergency rescue capability', 'readiness': {'ready': True, 'reasons':
            []}, 'region_code': '370000', 'start_date': '2021-01-01', 'status': 'active', 'updated_at':
            '2021-10-20T06:30:00Z', 'version': 3}

    Attributes:
        adjusted_budget (str): The sum of the budget ledger (`/budget-history`): the initial budget and every change
            since. Example: 270000000.00.
        annual_goal (str): The overall annual goal.
        category (str):
        classified (bool): Secret-related: visible only to admins and the department's own officers. True also when
            the department is classified.
        code (str): Unique within the region and fiscal year.
        created_at (datetime.datetime):
        department_code (str):
        department_id (UUID):
        fiscal_year (int):
        function_class (str): Expenditure function classification (class, section or item), e.g. `20601`.
        fund_sources (FundSourceAmounts): Amounts by fund source, in yuan, as decimal strings.
        id (UUID):
        indicator_set_version (int): The version of its indicator set: 1 as registered, one more per approved target
            adjustment (`/projects/{id}/indicator-versions`).
        initial_budget (str): Budget at the start of the year; equals the sum of the fund sources. Example:
            300000000.00.
        key_monitoring (bool): Selected by the finance department for key monitoring.
        name (str):
        readiness (Readiness):
        region_code (str):
        status (ProjectStatus):
        updated_at (datetime.datetime):
        version (int):
        end_date (datetime.date | None | Unset):
        follows_result (FollowedResult | None | Unset):
        start_date (datetime.date | None | Unset):
    """

    adjusted_budget: str
    annual_goal: str
    category: str
    classified: bool
    code: str
    created_at: datetime.datetime
    department_code: str
    department_id: UUID
    fiscal_year: int
    function_class: str
    fund_sources: FundSourceAmounts
    id: UUID
    indicator_set_version: int
    initial_budget: str
    key_monitoring: bool
    name: str
    readiness: Readiness
    region_code: str
    status: ProjectStatus
    updated_at: datetime.datetime
    version: int
    end_date: datetime.date | None | Unset = UNSET
    follows_result: FollowedResult | None | Unset = UNSET
    start_date: datetime.date | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.followed_result import FollowedResult  # noqa: PLC0415

        adjusted_budget = self.adjusted_budget

        annual_goal = self.annual_goal

        category = self.category

        classified = self.classified

        code = self.code

        created_at = self.created_at.isoformat()

        department_code = self.department_code

        department_id = str(self.department_id)

        fiscal_year = self.fiscal_year

        function_class = self.function_class

        fund_sources = self.fund_sources.to_dict()

        id = str(self.id)

        indicator_set_version = self.indicator_set_version

        initial_budget = self.initial_budget

        key_monitoring = self.key_monitoring

        name = self.name

        readiness = self.readiness.to_dict()

        region_code = self.region_code

        status = self.status.value

        updated_at = self.updated_at.isoformat()

        version = self.version

        end_date: None | str | Unset
        if isinstance(self.end_date, Unset):
            end_date = UNSET
        elif isinstance(self.end_date, datetime.date):
            end_date = self.end_date.isoformat()
        else:
            end_date = self.end_date

        follows_result: dict[str, Any] | None | Unset
        if isinstance(self.follows_result, Unset):
            follows_result = UNSET
        elif isinstance(self.follows_result, FollowedResult):
            follows_result = self.follows_result.to_dict()
        else:
            follows_result = self.follows_result

        start_date: None | str | Unset
        if isinstance(self.start_date, Unset):
            start_date = UNSET
        elif isinstance(self.start_date, datetime.date):
            start_date = self.start_date.isoformat()
        else:
            start_date = self.start_date

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "adjusted_budget": adjusted_budget,
                "annual_goal": annual_goal,
                "category": category,
                "classified": classified,
                "code": code,
                "created_at": created_at,
                "department_code": department_code,
                "department_id": department_id,
                "fiscal_year": fiscal_year,
                "function_class": function_class,
                "fund_sources": fund_sources,
                "id": id,
                "indicator_set_version": indicator_set_version,
                "initial_budget": initial_budget,
                "key_monitoring": key_monitoring,
                "name": name,
                "readiness": readiness,
                "region_code": region_code,
                "status": status,
                "updated_at": updated_at,
                "version": version,
            }
        )
        if end_date is not UNSET:
            field_dict["end_date"] = end_date
        if follows_result is not UNSET:
            field_dict["follows_result"] = follows_result
        if start_date is not UNSET:
            field_dict["start_date"] = start_date

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.followed_result import FollowedResult  # noqa: PLC0415
        from ..models.fund_source_amounts import FundSourceAmounts  # noqa: PLC0415
        from ..models.readiness import Readiness  # noqa: PLC0415

        d = dict(src_dict)
        adjusted_budget = d.pop("adjusted_budget")

        annual_goal = d.pop("annual_goal")

        category = d.pop("category")

        classified = d.pop("classified")

        code = d.pop("code")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        department_code = d.pop("department_code")

        department_id = UUID(d.pop("department_id"))

        fiscal_year = d.pop("fiscal_year")

        function_class = d.pop("function_class")

        fund_sources = FundSourceAmounts.from_dict(d.pop("fund_sources"))

        id = UUID(d.pop("id"))

        indicator_set_version = d.pop("indicator_set_version")

        initial_budget = d.pop("initial_budget")

        key_monitoring = d.pop("key_monitoring")

        name = d.pop("name")

        readiness = Readiness.from_dict(d.pop("readiness"))

        region_code = d.pop("region_code")

        status = ProjectStatus(d.pop("status"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

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

        def _parse_follows_result(data: object) -> FollowedResult | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                follows_result_type_0 = FollowedResult.from_dict(data)

                return follows_result_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FollowedResult | None | Unset, data)

        follows_result = _parse_follows_result(d.pop("follows_result", UNSET))

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

        project = cls(
            adjusted_budget=adjusted_budget,
            annual_goal=annual_goal,
            category=category,
            classified=classified,
            code=code,
            created_at=created_at,
            department_code=department_code,
            department_id=department_id,
            fiscal_year=fiscal_year,
            function_class=function_class,
            fund_sources=fund_sources,
            id=id,
            indicator_set_version=indicator_set_version,
            initial_budget=initial_budget,
            key_monitoring=key_monitoring,
            name=name,
            readiness=readiness,
            region_code=region_code,
            status=status,
            updated_at=updated_at,
            version=version,
            end_date=end_date,
            follows_result=follows_result,
            start_date=start_date,
        )

        project.additional_properties = d
        return project

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
