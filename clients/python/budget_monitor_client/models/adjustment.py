from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.adjustment_kind import AdjustmentKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="Adjustment")


@_attrs_define
class Adjustment:
    """
    Example:
        {'amount': '25000000.00', 'created_at': '2021-10-20T06:30:00Z', 'created_by_name': 'sd.finance',
            'destination_function_class': None, 'destination_project_id': None, 'destination_text': None, 'document_number':
            '济财绩〔2021〕12号', 'finding_id': '0193a0c4-7f43-7000-8000-0000000000f1', 'id':
            '0193a0c4-7f43-7000-8000-000000000096', 'kind': 'reduce', 'note': 'Idle funds of the two delayed bases',
            'project_id': '0193a0c4-7f43-7000-8000-0000000000e1', 'report_id': None, 'reverses_id': None}

    Attributes:
        created_at (datetime.datetime):
        created_by_name (str):
        document_number (str): The decision document (文号).
        id (UUID):
        kind (AdjustmentKind):
        note (str):
        project_id (UUID):
        amount (None | str | Unset): Yuan; null for suspend and stop.
        destination_function_class (None | str | Unset):
        destination_project_id (None | Unset | UUID): The project receiving a reallocation; null also when the caller
            may not see it.
        destination_text (None | str | Unset):
        finding_id (None | Unset | UUID):
        report_id (None | Unset | UUID):
        reverses_id (None | Unset | UUID): The adjustment this one reverses.
    """

    created_at: datetime.datetime
    created_by_name: str
    document_number: str
    id: UUID
    kind: AdjustmentKind
    note: str
    project_id: UUID
    amount: None | str | Unset = UNSET
    destination_function_class: None | str | Unset = UNSET
    destination_project_id: None | Unset | UUID = UNSET
    destination_text: None | str | Unset = UNSET
    finding_id: None | Unset | UUID = UNSET
    report_id: None | Unset | UUID = UNSET
    reverses_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        created_by_name = self.created_by_name

        document_number = self.document_number

        id = str(self.id)

        kind = self.kind.value

        note = self.note

        project_id = str(self.project_id)

        amount: None | str | Unset
        if isinstance(self.amount, Unset):
            amount = UNSET
        else:
            amount = self.amount

        destination_function_class: None | str | Unset
        if isinstance(self.destination_function_class, Unset):
            destination_function_class = UNSET
        else:
            destination_function_class = self.destination_function_class

        destination_project_id: None | str | Unset
        if isinstance(self.destination_project_id, Unset):
            destination_project_id = UNSET
        elif isinstance(self.destination_project_id, UUID):
            destination_project_id = str(self.destination_project_id)
        else:
            destination_project_id = self.destination_project_id

        destination_text: None | str | Unset
        if isinstance(self.destination_text, Unset):
            destination_text = UNSET
        else:
            destination_text = self.destination_text

        finding_id: None | str | Unset
        if isinstance(self.finding_id, Unset):
            finding_id = UNSET
        elif isinstance(self.finding_id, UUID):
            finding_id = str(self.finding_id)
        else:
            finding_id = self.finding_id

        report_id: None | str | Unset
        if isinstance(self.report_id, Unset):
            report_id = UNSET
        elif isinstance(self.report_id, UUID):
            report_id = str(self.report_id)
        else:
            report_id = self.report_id

        reverses_id: None | str | Unset
        if isinstance(self.reverses_id, Unset):
            reverses_id = UNSET
        elif isinstance(self.reverses_id, UUID):
            reverses_id = str(self.reverses_id)
        else:
            reverses_id = self.reverses_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "created_by_name": created_by_name,
                "document_number": document_number,
                "id": id,
                "kind": kind,
                "note": note,
                "project_id": project_id,
            }
        )
        if amount is not UNSET:
            field_dict["amount"] = amount
        if destination_function_class is not UNSET:
            field_dict["destination_function_class"] = destination_function_class
        if destination_project_id is not UNSET:
            field_dict["destination_project_id"] = destination_project_id
        if destination_text is not UNSET:
            field_dict["destination_text"] = destination_text
        if finding_id is not UNSET:
            field_dict["finding_id"] = finding_id
        if report_id is not UNSET:
            field_dict["report_id"] = report_id
        if reverses_id is not UNSET:
            field_dict["reverses_id"] = reverses_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        created_by_name = d.pop("created_by_name")

        document_number = d.pop("document_number")

        id = UUID(d.pop("id"))

        kind = AdjustmentKind(d.pop("kind"))

        note = d.pop("note")

        project_id = UUID(d.pop("project_id"))

        def _parse_amount(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        amount = _parse_amount(d.pop("amount", UNSET))

        def _parse_destination_function_class(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        destination_function_class = _parse_destination_function_class(d.pop("destination_function_class", UNSET))

        def _parse_destination_project_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                destination_project_id_type_0 = UUID(data)

                return destination_project_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        destination_project_id = _parse_destination_project_id(d.pop("destination_project_id", UNSET))

        def _parse_destination_text(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        destination_text = _parse_destination_text(d.pop("destination_text", UNSET))

        def _parse_finding_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finding_id_type_0 = UUID(data)

                return finding_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        finding_id = _parse_finding_id(d.pop("finding_id", UNSET))

        def _parse_report_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                report_id_type_0 = UUID(data)

                return report_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        report_id = _parse_report_id(d.pop("report_id", UNSET))

        def _parse_reverses_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reverses_id_type_0 = UUID(data)

                return reverses_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        reverses_id = _parse_reverses_id(d.pop("reverses_id", UNSET))

        adjustment = cls(
            created_at=created_at,
            created_by_name=created_by_name,
            document_number=document_number,
            id=id,
            kind=kind,
            note=note,
            project_id=project_id,
            amount=amount,
            destination_function_class=destination_function_class,
            destination_project_id=destination_project_id,
            destination_text=destination_text,
            finding_id=finding_id,
            report_id=report_id,
            reverses_id=reverses_id,
        )

        adjustment.additional_properties = d
        return adjustment

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
