from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.check_status import CheckStatus
from ..models.readiness_status import ReadinessStatus

T = TypeVar("T", bound="ServiceReadiness")


@_attrs_define
class ServiceReadiness:
    """The service can answer requests that need the database.

    Example:
        {'database': 'ok', 'status': 'ready'}

    Attributes:
        database (CheckStatus): A check that passed.
        status (ReadinessStatus): The service's state when it can serve requests that need the database.
    """

    database: CheckStatus
    status: ReadinessStatus
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        database = self.database.value

        status = self.status.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "database": database,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        database = CheckStatus(d.pop("database"))

        status = ReadinessStatus(d.pop("status"))

        service_readiness = cls(
            database=database,
            status=status,
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
