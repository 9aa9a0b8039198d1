from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.target_adjustment_status import TargetAdjustmentStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.target_change_type_0 import TargetChangeType0
    from ..models.target_change_type_1 import TargetChangeType1
    from ..models.target_change_type_2 import TargetChangeType2


T = TypeVar("T", bound="TargetAdjustment")


@_attrs_define
class TargetAdjustment:
    """
    Example:
        {'changes': [{'indicator_id': '0193a0c4-7f43-7000-8000-0000000000c1', 'op': 'change', 'set': {'target_value':
            '7'}}], 'created_at': '2021-08-18T09:00:00Z', 'decided_at': '2021-08-20T03:00:00Z', 'decided_by_name':
            'jn.finance', 'decision_comment': 'Agreed.', 'finding_id': '0193a0c4-7f43-7000-8000-0000000000f1',
            'from_version': 1, 'id': '0193a0c4-7f43-7000-8000-0000000000a7', 'project_id':
            '0193a0c4-7f43-7000-8000-0000000000e1', 'reason': 'The second rescue base cannot be built this year: the site
            was reassigned.', 'report_id': None, 'requested_by_name': 'jn.kj.officer', 'status': 'approved', 'to_version':
            2, 'updated_at': '2021-08-20T03:00:00Z', 'version': 2}

    Attributes:
        changes (list[TargetChangeType0 | TargetChangeType1 | TargetChangeType2]): The changes as requested.
        created_at (datetime.datetime):
        decision_comment (str):
        from_version (int): The indicator-set version the request was made against.
        id (UUID):
        project_id (UUID):
        reason (str):
        requested_by_name (str):
        status (TargetAdjustmentStatus):
        updated_at (datetime.datetime):
        version (int):
        decided_at (datetime.datetime | None | Unset):
        decided_by_name (None | str | Unset):
        finding_id (None | Unset | UUID):
        report_id (None | Unset | UUID):
        to_version (int | None | Unset): The version the approval made; null until approved.
    """

    changes: list[TargetChangeType0 | TargetChangeType1 | TargetChangeType2]
    created_at: datetime.datetime
    decision_comment: str
    from_version: int
    id: UUID
    project_id: UUID
    reason: str
    requested_by_name: str
    status: TargetAdjustmentStatus
    updated_at: datetime.datetime
    version: int
    decided_at: datetime.datetime | None | Unset = UNSET
    decided_by_name: None | str | Unset = UNSET
    finding_id: None | Unset | UUID = UNSET
    report_id: None | Unset | UUID = UNSET
    to_version: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.target_change_type_0 import TargetChangeType0  # noqa: PLC0415
        from ..models.target_change_type_1 import TargetChangeType1  # noqa: PLC0415

        changes = []
        for changes_item_data in self.changes:
            changes_item: dict[str, Any]
            if isinstance(changes_item_data, TargetChangeType0):
                changes_item = changes_item_data.to_dict()
            elif isinstance(changes_item_data, TargetChangeType1):
                changes_item = changes_item_data.to_dict()
            else:
                changes_item = changes_item_data.to_dict()

            changes.append(changes_item)

        created_at = self.created_at.isoformat()

        decision_comment = self.decision_comment

        from_version = self.from_version

        id = str(self.id)

        project_id = str(self.project_id)

        reason = self.reason

        requested_by_name = self.requested_by_name

        status = self.status.value

        updated_at = self.updated_at.isoformat()

        version = self.version

        decided_at: None | str | Unset
        if isinstance(self.decided_at, Unset):
            decided_at = UNSET
        elif isinstance(self.decided_at, datetime.datetime):
            decided_at = self.decided_at.isoformat()
        else:
            decided_at = self.decided_at

        decided_by_name: None | str | Unset
        if isinstance(self.decided_by_name, Unset):
            decided_by_name = UNSET
        else:
            decided_by_name = self.decided_by_name

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

        to_version: int | None | Unset
        if isinstance(self.to_version, Unset):
            to_version = UNSET
        else:
            to_version = self.to_version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "changes": changes,
                "created_at": created_at,
                "decision_comment": decision_comment,
                "from_version": from_version,
                "id": id,
                "project_id": project_id,
                "reason": reason,
                "requested_by_name": requested_by_name,
                "status": status,
                "updated_at": updated_at,
                "version": version,
            }
        )
        if decided_at is not UNSET:
            field_dict["decided_at"] = decided_at
        if decided_by_name is not UNSET:
            field_dict["decided_by_name"] = decided_by_name
        if finding_id is not UNSET:
            field_dict["finding_id"] = finding_id
        if report_id is not UNSET:
            field_dict["report_id"] = report_id
        if to_version is not UNSET:
            field_dict["to_version"] = to_version

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.target_change_type_0 import TargetChangeType0  # noqa: PLC0415
        from ..models.target_change_type_1 import TargetChangeType1  # noqa: PLC0415
        from ..models.target_change_type_2 import TargetChangeType2  # noqa: PLC0415

        d = dict(src_dict)
        changes = []
        _changes = d.pop("changes")
        for changes_item_data in _changes:

            def _parse_changes_item(data: object) -> TargetChangeType0 | TargetChangeType1 | TargetChangeType2:
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_target_change_type_0 = TargetChangeType0.from_dict(data)

                    return componentsschemas_target_change_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_target_change_type_1 = TargetChangeType1.from_dict(data)

                    return componentsschemas_target_change_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_target_change_type_2 = TargetChangeType2.from_dict(data)

                return componentsschemas_target_change_type_2

            changes_item = _parse_changes_item(changes_item_data)

            changes.append(changes_item)

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        decision_comment = d.pop("decision_comment")

        from_version = d.pop("from_version")

        id = UUID(d.pop("id"))

        project_id = UUID(d.pop("project_id"))

        reason = d.pop("reason")

        requested_by_name = d.pop("requested_by_name")

        status = TargetAdjustmentStatus(d.pop("status"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        def _parse_decided_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decided_at_type_0 = datetime.datetime.fromisoformat(data)

                return decided_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        decided_at = _parse_decided_at(d.pop("decided_at", UNSET))

        def _parse_decided_by_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        decided_by_name = _parse_decided_by_name(d.pop("decided_by_name", UNSET))

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

        def _parse_to_version(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        to_version = _parse_to_version(d.pop("to_version", UNSET))

        target_adjustment = cls(
            changes=changes,
            created_at=created_at,
            decision_comment=decision_comment,
            from_version=from_version,
            id=id,
            project_id=project_id,
            reason=reason,
            requested_by_name=requested_by_name,
            status=status,
            updated_at=updated_at,
            version=version,
            decided_at=decided_at,
            decided_by_name=decided_by_name,
            finding_id=finding_id,
            report_id=report_id,
            to_version=to_version,
        )

        target_adjustment.additional_properties = d
        return target_adjustment

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
