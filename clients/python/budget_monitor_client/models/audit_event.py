from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.audit_event_after_type_0 import AuditEventAfterType0
    from ..models.audit_event_before_type_0 import AuditEventBeforeType0
    from ..models.audit_event_details import AuditEventDetails


T = TypeVar("T", bound="AuditEvent")


@_attrs_define
class AuditEvent:
    """
    Example:
        {'action': 'adjustment.created', 'actor_id': '0193a0c4-7f43-7000-8000-0000000000b2', 'actor_name': 'sd.finance',
            'after': {'amount': '25000000.00', 'document_number': '济财绩〔2021〕12号', 'kind': 'reduce'}, 'before': None,
            'department_id': None, 'details': {}, 'entity_id': '0193a0c4-7f43-7000-8000-000000000096', 'entity_type':
            'adjustment', 'id': '0193a0c4-7f43-7000-8000-00000000009a', 'occurred_at': '2021-10-20T06:30:00Z', 'project_id':
            '0193a0c4-7f43-7000-8000-0000000000e1', 'region_code': '370000', 'request_id':
            '0193a0c4-7f43-7000-8000-0000000001a0'}

    Attributes:
        action (str): What happened, e.g. `project.updated`, `auth.login_failed`.
        details (AuditEventDetails):
        entity_type (str): What kind of entity, e.g. `project`, `indicator`, `user`, `session`.
        id (UUID):
        occurred_at (datetime.datetime):
        actor_id (None | Unset | UUID): The acting user; null for the command line and for failed logins of unknown
            users.
        actor_name (None | str | Unset):
        after (AuditEventAfterType0 | None | Unset): The entity after the write (null for a deletion).
        before (AuditEventBeforeType0 | None | Unset): The entity before the write (null for a creation).
        department_id (None | Unset | UUID): The department the entity is or belongs to, where the event names one.
        entity_id (None | str | Unset):
        project_id (None | Unset | UUID): The project the entity is or belongs to.
        region_code (None | str | Unset): The region the entity belongs to.
        request_id (None | str | Unset): The `X-Request-Id` of the request that made the change.
    """

    action: str
    details: AuditEventDetails
    entity_type: str
    id: UUID
    occurred_at: datetime.datetime
    actor_id: None | Unset | UUID = UNSET
    actor_name: None | str | Unset = UNSET
    after: AuditEventAfterType0 | None | Unset = UNSET
    before: AuditEventBeforeType0 | None | Unset = UNSET
    department_id: None | Unset | UUID = UNSET
    entity_id: None | str | Unset = UNSET
    project_id: None | Unset | UUID = UNSET
    region_code: None | str | Unset = UNSET
    request_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.audit_event_after_type_0 import AuditEventAfterType0  # noqa: PLC0415
        from ..models.audit_event_before_type_0 import AuditEventBeforeType0  # noqa: PLC0415

        action = self.action

        details = self.details.to_dict()

        entity_type = self.entity_type

        id = str(self.id)

        occurred_at = self.occurred_at.isoformat()

        actor_id: None | str | Unset
        if isinstance(self.actor_id, Unset):
            actor_id = UNSET
        elif isinstance(self.actor_id, UUID):
            actor_id = str(self.actor_id)
        else:
            actor_id = self.actor_id

        actor_name: None | str | Unset
        if isinstance(self.actor_name, Unset):
            actor_name = UNSET
        else:
            actor_name = self.actor_name

        after: dict[str, Any] | None | Unset
        if isinstance(self.after, Unset):
            after = UNSET
        elif isinstance(self.after, AuditEventAfterType0):
            after = self.after.to_dict()
        else:
            after = self.after

        before: dict[str, Any] | None | Unset
        if isinstance(self.before, Unset):
            before = UNSET
        elif isinstance(self.before, AuditEventBeforeType0):
            before = self.before.to_dict()
        else:
            before = self.before

        department_id: None | str | Unset
        if isinstance(self.department_id, Unset):
            department_id = UNSET
        elif isinstance(self.department_id, UUID):
            department_id = str(self.department_id)
        else:
            department_id = self.department_id

        entity_id: None | str | Unset
        if isinstance(self.entity_id, Unset):
            entity_id = UNSET
        else:
            entity_id = self.entity_id

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

        request_id: None | str | Unset
        if isinstance(self.request_id, Unset):
            request_id = UNSET
        else:
            request_id = self.request_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "action": action,
                "details": details,
                "entity_type": entity_type,
                "id": id,
                "occurred_at": occurred_at,
            }
        )
        if actor_id is not UNSET:
            field_dict["actor_id"] = actor_id
        if actor_name is not UNSET:
            field_dict["actor_name"] = actor_name
        if after is not UNSET:
            field_dict["after"] = after
        if before is not UNSET:
            field_dict["before"] = before
        if department_id is not UNSET:
            field_dict["department_id"] = department_id
        if entity_id is not UNSET:
            field_dict["entity_id"] = entity_id
        if project_id is not UNSET:
            field_dict["project_id"] = project_id
        if region_code is not UNSET:
            field_dict["region_code"] = region_code
        if request_id is not UNSET:
            field_dict["request_id"] = request_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.audit_event_after_type_0 import AuditEventAfterType0  # noqa: PLC0415
        from ..models.audit_event_before_type_0 import AuditEventBeforeType0  # noqa: PLC0415
        from ..models.audit_event_details import AuditEventDetails  # noqa: PLC0415

        d = dict(src_dict)
        action = d.pop("action")

        details = AuditEventDetails.from_dict(d.pop("details"))

        entity_type = d.pop("entity_type")

        id = UUID(d.pop("id"))

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        def _parse_actor_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                actor_id_type_0 = UUID(data)

                return actor_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        actor_id = _parse_actor_id(d.pop("actor_id", UNSET))

        def _parse_actor_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        actor_name = _parse_actor_name(d.pop("actor_name", UNSET))

        def _parse_after(data: object) -> AuditEventAfterType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                after_type_0 = AuditEventAfterType0.from_dict(data)

                return after_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AuditEventAfterType0 | None | Unset, data)

        after = _parse_after(d.pop("after", UNSET))

        def _parse_before(data: object) -> AuditEventBeforeType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                before_type_0 = AuditEventBeforeType0.from_dict(data)

                return before_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AuditEventBeforeType0 | None | Unset, data)

        before = _parse_before(d.pop("before", UNSET))

        def _parse_department_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                department_id_type_0 = UUID(data)

                return department_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        department_id = _parse_department_id(d.pop("department_id", UNSET))

        def _parse_entity_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        entity_id = _parse_entity_id(d.pop("entity_id", UNSET))

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

        def _parse_request_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        request_id = _parse_request_id(d.pop("request_id", UNSET))

        audit_event = cls(
            action=action,
            details=details,
            entity_type=entity_type,
            id=id,
            occurred_at=occurred_at,
            actor_id=actor_id,
            actor_name=actor_name,
            after=after,
            before=before,
            department_id=department_id,
            entity_id=entity_id,
            project_id=project_id,
            region_code=region_code,
            request_id=request_id,
        )

        audit_event.additional_properties = d
        return audit_event

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
