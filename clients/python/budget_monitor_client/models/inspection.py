from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.inspection_status import InspectionStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.finding import Finding
    from ..models.opinion import Opinion


T = TypeVar("T", bound="Inspection")


@_attrs_define
class Inspection:
    """
    Example:
        {'conclusion': 'Six of eight bases in service; the two delayed ones leave 25,000,000.00 yuan idle.',
            'created_at': '2021-09-01T02:00:00Z', 'end_date': '2021-09-10', 'findings': [{'amount': '25000000.00',
            'category': 'idle_funds', 'created_at': '2021-09-09T08:00:00Z', 'description': '25,000,000.00 yuan of two
            delayed rescue bases unspent on 31 August.', 'id': '0193a0c4-7f43-7000-8000-0000000000f1', 'inspection_id':
            '0193a0c4-7f43-7000-8000-000000000094', 'project_id': '0193a0c4-7f43-7000-8000-0000000000e1', 'severity':
            'high'}], 'id': '0193a0c4-7f43-7000-8000-000000000094', 'inspector_id': '0193a0c4-7f43-7000-8000-0000000000b2',
            'inspector_name': 'Zhang Wei', 'opinions': [{'created_at': '2021-09-10T08:00:00Z', 'id':
            '0193a0c4-7f43-7000-8000-000000000099', 'kind': 'suggestion', 'policy_name': None, 'revised': False,
            'revised_at': None, 'revision_note': '', 'text': 'Return the idle funds to the provincial budget and plan the
            two bases for 2022.', 'version': 1}], 'project_id': '0193a0c4-7f43-7000-8000-0000000000e1', 'round_id':
            '0193a0c4-7f43-7000-8000-000000000091', 'start_date': '2021-09-06', 'status': 'concluded', 'updated_at':
            '2021-09-10T09:00:00Z', 'version': 3}

    Attributes:
        conclusion (str):
        created_at (datetime.datetime):
        findings (list[Finding]):
        id (UUID):
        inspector_id (UUID):
        inspector_name (str):
        opinions (list[Opinion]): Opinions, suggestions and policy revisions.
        project_id (UUID):
        status (InspectionStatus):
        updated_at (datetime.datetime):
        version (int):
        end_date (datetime.date | None | Unset):
        round_id (None | Unset | UUID):
        start_date (datetime.date | None | Unset):
    """

    conclusion: str
    created_at: datetime.datetime
    findings: list[Finding]
    id: UUID
    inspector_id: UUID
    inspector_name: str
    opinions: list[Opinion]
    project_id: UUID
    status: InspectionStatus
    updated_at: datetime.datetime
    version: int
    end_date: datetime.date | None | Unset = UNSET
    round_id: None | Unset | UUID = UNSET
    start_date: datetime.date | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        conclusion = self.conclusion

        created_at = self.created_at.isoformat()

        findings = []
        for findings_item_data in self.findings:
            findings_item = findings_item_data.to_dict()
            findings.append(findings_item)

        id = str(self.id)

        inspector_id = str(self.inspector_id)

        inspector_name = self.inspector_name

        opinions = []
        for opinions_item_data in self.opinions:
            opinions_item = opinions_item_data.to_dict()
            opinions.append(opinions_item)

        project_id = str(self.project_id)

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
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "conclusion": conclusion,
                "created_at": created_at,
                "findings": findings,
                "id": id,
                "inspector_id": inspector_id,
                "inspector_name": inspector_name,
                "opinions": opinions,
                "project_id": project_id,
                "status": status,
                "updated_at": updated_at,
                "version": version,
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
        from ..models.finding import Finding  # noqa: PLC0415
        from ..models.opinion import Opinion  # noqa: PLC0415

        d = dict(src_dict)
        conclusion = d.pop("conclusion")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        findings = []
        _findings = d.pop("findings")
        for findings_item_data in _findings:
            findings_item = Finding.from_dict(findings_item_data)

            findings.append(findings_item)

        id = UUID(d.pop("id"))

        inspector_id = UUID(d.pop("inspector_id"))

        inspector_name = d.pop("inspector_name")

        opinions = []
        _opinions = d.pop("opinions")
        for opinions_item_data in _opinions:
            opinions_item = Opinion.from_dict(opinions_item_data)

            opinions.append(opinions_item)

        project_id = UUID(d.pop("project_id"))

        status = InspectionStatus(d.pop("status"))

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

        inspection = cls(
            conclusion=conclusion,
            created_at=created_at,
            findings=findings,
            id=id,
            inspector_id=inspector_id,
            inspector_name=inspector_name,
            opinions=opinions,
            project_id=project_id,
            status=status,
            updated_at=updated_at,
            version=version,
            end_date=end_date,
            round_id=round_id,
            start_date=start_date,
        )

        inspection.additional_properties = d
        return inspection

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
