from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.light import Light
from ..models.report_status import ReportStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="ReportListItem")


@_attrs_define
class ReportListItem:
    """
    Example:
        {'adjusted_budget': '120000000.00', 'budget_light': 'yellow', 'department_code': 'KJT', 'department_id':
            '0193a0c4-7f43-7000-8000-0000000000a1', 'executed_amount': '55800000.00', 'execution_rate': '46.50', 'id':
            '0193a0c4-7f43-7000-8000-000000000092', 'key_monitoring': True, 'late': False, 'light': 'yellow',
            'project_code': 'SD2021-KJ-007', 'project_id': '0193a0c4-7f43-7000-8000-0000000000e1', 'project_name': 'Aviation
            emergency rescue capability', 'region_code': '370000', 'round_id': '0193a0c4-7f43-7000-8000-000000000091',
            'status': 'submitted', 'submitted_at': '2021-08-18T09:12:00Z', 'version': 4}

    Attributes:
        adjusted_budget (str):
        budget_light (Light):
        department_code (str):
        department_id (UUID):
        executed_amount (str):
        id (UUID):
        key_monitoring (bool):
        late (bool):
        light (Light):
        project_code (str):
        project_id (UUID):
        project_name (str):
        region_code (str):
        round_id (UUID):
        status (ReportStatus):
        version (int):
        execution_rate (None | str | Unset):
        submitted_at (datetime.datetime | None | Unset):
    """

    adjusted_budget: str
    budget_light: Light
    department_code: str
    department_id: UUID
    executed_amount: str
    id: UUID
    key_monitoring: bool
    late: bool
    light: Light
    project_code: str
    project_id: UUID
    project_name: str
    region_code: str
    round_id: UUID
    status: ReportStatus
    version: int
    execution_rate: None | str | Unset = UNSET
    submitted_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        adjusted_budget = self.adjusted_budget

        budget_light = self.budget_light.value

        department_code = self.department_code

        department_id = str(self.department_id)

        executed_amount = self.executed_amount

        id = str(self.id)

        key_monitoring = self.key_monitoring

        late = self.late

        light = self.light.value

        project_code = self.project_code

        project_id = str(self.project_id)

        project_name = self.project_name

        region_code = self.region_code

        round_id = str(self.round_id)

        status = self.status.value

        version = self.version

        execution_rate: None | str | Unset
        if isinstance(self.execution_rate, Unset):
            execution_rate = UNSET
        else:
            execution_rate = self.execution_rate

        submitted_at: None | str | Unset
        if isinstance(self.submitted_at, Unset):
            submitted_at = UNSET
        elif isinstance(self.submitted_at, datetime.datetime):
            submitted_at = self.submitted_at.isoformat()
        else:
            submitted_at = self.submitted_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "adjusted_budget": adjusted_budget,
                "budget_light": budget_light,
                "department_code": department_code,
                "department_id": department_id,
                "executed_amount": executed_amount,
                "id": id,
                "key_monitoring": key_monitoring,
                "late": late,
                "light": light,
                "project_code": project_code,
                "project_id": project_id,
                "project_name": project_name,
                "region_code": region_code,
                "round_id": round_id,
                "status": status,
                "version": version,
            }
        )
        if execution_rate is not UNSET:
            field_dict["execution_rate"] = execution_rate
        if submitted_at is not UNSET:
            field_dict["submitted_at"] = submitted_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        adjusted_budget = d.pop("adjusted_budget")

        budget_light = Light(d.pop("budget_light"))

        department_code = d.pop("department_code")

        department_id = UUID(d.pop("department_id"))

        executed_amount = d.pop("executed_amount")

        id = UUID(d.pop("id"))

        key_monitoring = d.pop("key_monitoring")

        late = d.pop("late")

        light = Light(d.pop("light"))

        project_code = d.pop("project_code")

        project_id = UUID(d.pop("project_id"))

        project_name = d.pop("project_name")

        region_code = d.pop("region_code")

        round_id = UUID(d.pop("round_id"))

        status = ReportStatus(d.pop("status"))

        version = d.pop("version")

        def _parse_execution_rate(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        execution_rate = _parse_execution_rate(d.pop("execution_rate", UNSET))

        def _parse_submitted_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                submitted_at_type_0 = datetime.datetime.fromisoformat(data)

                return submitted_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        submitted_at = _parse_submitted_at(d.pop("submitted_at", UNSET))

        report_list_item = cls(
            adjusted_budget=adjusted_budget,
            budget_light=budget_light,
            department_code=department_code,
            department_id=department_id,
            executed_amount=executed_amount,
            id=id,
            key_monitoring=key_monitoring,
            late=late,
            light=light,
            project_code=project_code,
            project_id=project_id,
            project_name=project_name,
            region_code=region_code,
            round_id=round_id,
            status=status,
            version=version,
            execution_rate=execution_rate,
            submitted_at=submitted_at,
        )

        report_list_item.additional_properties = d
        return report_list_item

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
