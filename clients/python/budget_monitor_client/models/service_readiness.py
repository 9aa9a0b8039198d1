from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.check_status import CheckStatus
from ..models.readiness_status import ReadinessStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.replica_readiness import ReplicaReadiness


T = TypeVar("T", bound="ServiceReadiness")


@_attrs_define
class ServiceReadiness:
    """The service can answer requests that need the database.

    Example:
        {'database': 'ok', 'status': 'ready'}

    Attributes:
        database (CheckStatus): A check that passed.
        status (ReadinessStatus): The service's state when it can serve requests that need the database.
        read_replica (None | ReplicaReadiness | Unset):
    """

    database: CheckStatus
    status: ReadinessStatus
    read_replica: None | ReplicaReadiness | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.replica_readiness import ReplicaReadiness  # noqa: PLC0415

        database = self.database.value

        status = self.status.value

        read_replica: dict[str, Any] | None | Unset
        if isinstance(self.read_replica, Unset):
            read_replica = UNSET
        elif isinstance(self.read_replica, ReplicaReadiness):
            read_replica = self.read_replica.to_dict()
        else:
            read_replica = self.read_replica

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "database": database,
                "status": status,
            }
        )
        if read_replica is not UNSET:
            field_dict["read_replica"] = read_replica

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.replica_readiness import ReplicaReadiness  # noqa: PLC0415

        d = dict(src_dict)
        database = CheckStatus(d.pop("database"))

        status = ReadinessStatus(d.pop("status"))

        def _parse_read_replica(data: object) -> None | ReplicaReadiness | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                read_replica_type_0 = ReplicaReadiness.from_dict(data)

                return read_replica_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ReplicaReadiness | Unset, data)

        read_replica = _parse_read_replica(d.pop("read_replica", UNSET))

        service_readiness = cls(
            database=database,
            status=status,
            read_replica=read_replica,
        )

        service_readiness.additional_properties = d
        return service_readiness

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
