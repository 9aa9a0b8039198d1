from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.report_status import ReportStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.status_count import StatusCount
    from ..models.transition import Transition


T = TypeVar("T", bound="DepartmentReport")


@_attrs_define
class DepartmentReport:
    """
    Example:
        {'adjusted_budget': '486000000.00', 'created_at': '2021-08-01T00:30:00Z', 'department_code': 'KJT',
            'department_id': '0193a0c4-7f43-7000-8000-0000000000a1', 'department_name': 'Department of Science and
            Technology', 'executed_amount': '251300000.00', 'execution_rate': '51.71', 'history': [{'actor_id':
            '0193a0c4-7f43-7000-8000-0000000000b3', 'actor_name': 'kjt.officer', 'at': '2021-08-19T07:40:00Z', 'comment':
            '', 'from': 'draft', 'to': 'submitted'}], 'id': '0193a0c4-7f43-7000-8000-000000000093', 'late': False,
            'region_code': '370000', 'reports_by_status': [{'count': 8, 'status': 'submitted'}, {'count': 1, 'status':
            'approved'}], 'round_id': '0193a0c4-7f43-7000-8000-000000000091', 'status': 'submitted', 'submitted_at':
            '2021-08-19T07:40:00Z', 'summary': 'Nine projects reported; aviation rescue spends slowly while two bases await
            airspace.', 'updated_at': '2021-08-19T07:40:00Z', 'version': 3}

    Attributes:
        adjusted_budget (str): Sum of the adjusted budgets of its project reports.
        created_at (datetime.datetime):
        department_code (str):
        department_id (UUID):
        department_name (str):
        executed_amount (str):
        history (list[Transition]):
        id (UUID):
        late (bool):
        region_code (str):
        reports_by_status (list[StatusCount]): Its project reports by status.
        round_id (UUID):
        status (ReportStatus):
        summary (str): The department's summary of the round.
        updated_at (datetime.datetime):
        version (int):
        execution_rate (None | str | Unset):
        submitted_at (datetime.datetime | None | Unset):
    """

    adjusted_budget: str
    created_at: datetime.datetime
    department_code: str
    department_id: UUID
    department_name: str
    executed_amount: str
    history: list[Transition]
    id: UUID
    late: bool
    region_code: str
    reports_by_status: list[StatusCount]
    round_id: UUID
    status: ReportStatus
    summary: str
    updated_at: datetime.datetime
    version: int
    execution_rate: None | str | Unset = UNSET
    submitted_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        adjusted_budget = self.adjusted_budget

        created_at = self.created_at.isoformat()

        department_code = self.department_code

        department_id = str(self.department_id)

        department_name = self.department_name

        executed_amount = self.executed_amount

        history = []
        for history_item_data in self.history:
            history_item = history_item_data.to_dict()
            history.append(history_item)

        id = str(self.id)

        late = self.late

        region_code = self.region_code

        reports_by_status = []
        for reports_by_status_item_data in self.reports_by_status:
            reports_by_status_item = reports_by_status_item_data.to_dict()
            reports_by_status.append(reports_by_status_item)

        round_id = str(self.round_id)

        status = self.status.value

        summary = self.summary

        updated_at = self.updated_at.isoformat()

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
                "created_at": created_at,
                "department_code": department_code,
                "department_id": department_id,
                "department_name": department_name,
                "executed_amount": executed_amount,
                "history": history,
                "id": id,
                "late": late,
                "region_code": region_code,
                "reports_by_status": reports_by_status,
                "round_id": round_id,
                "status": status,
                "summary": summary,
                "updated_at": updated_at,
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
        from ..models.status_count import StatusCount  # noqa: PLC0415
        from ..models.transition import Transition  # noqa: PLC0415

        d = dict(src_dict)
        adjusted_budget = d.pop("adjusted_budget")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        department_code = d.pop("department_code")

        department_id = UUID(d.pop("department_id"))

        department_name = d.pop("department_name")

        executed_amount = d.pop("executed_amount")

        history = []
        _history = d.pop("history")
        for history_item_data in _history:
            history_item = Transition.from_dict(history_item_data)

            history.append(history_item)

        id = UUID(d.pop("id"))

        late = d.pop("late")

        region_code = d.pop("region_code")

        reports_by_status = []
        _reports_by_status = d.pop("reports_by_status")
        for reports_by_status_item_data in _reports_by_status:
            reports_by_status_item = StatusCount.from_dict(reports_by_status_item_data)

            reports_by_status.append(reports_by_status_item)

        round_id = UUID(d.pop("round_id"))

        status = ReportStatus(d.pop("status"))

        summary = d.pop("summary")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

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

        department_report = cls(
            adjusted_budget=adjusted_budget,
            created_at=created_at,
            department_code=department_code,
            department_id=department_id,
            department_name=department_name,
            executed_amount=executed_amount,
            history=history,
            id=id,
            late=late,
            region_code=region_code,
            reports_by_status=reports_by_status,
            round_id=round_id,
            status=status,
            summary=summary,
            updated_at=updated_at,
            version=version,
            execution_rate=execution_rate,
            submitted_at=submitted_at,
        )

        department_report.additional_properties = d
        return department_report

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
