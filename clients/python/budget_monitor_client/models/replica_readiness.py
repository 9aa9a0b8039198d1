from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.replica_status import ReplicaStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="ReplicaReadiness")


@_attrs_define
class ReplicaReadiness:
    """The read replica's state.

    Example:
        {'replay_lag_bytes': 0, 'replay_lag_seconds': 0.0, 'standby': True, 'status': 'ok'}

    Attributes:
        status (ReplicaStatus): Whether the read replica answers.
        replay_lag_bytes (int | None | Unset): Bytes of WAL between the primary's current position and what the replica
            has replayed.
            Absent when unavailable.
        replay_lag_seconds (float | None | Unset): 0 when the replica has replayed everything the primary held when
            asked; otherwise the
            seconds since the last transaction it replayed was committed. Absent when unavailable or
            not known.
        standby (bool | None | Unset): True when it is a standby in recovery (false for a server that is not, such as
            the
            primary itself under another URL). Absent when unavailable.
    """

    status: ReplicaStatus
    replay_lag_bytes: int | None | Unset = UNSET
    replay_lag_seconds: float | None | Unset = UNSET
    standby: bool | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        replay_lag_bytes: int | None | Unset
        if isinstance(self.replay_lag_bytes, Unset):
            replay_lag_bytes = UNSET
        else:
            replay_lag_bytes = self.replay_lag_bytes

        replay_lag_seconds: float | None | Unset
        if isinstance(self.replay_lag_seconds, Unset):
            replay_lag_seconds = UNSET
        else:
            replay_lag_seconds = self.replay_lag_seconds

        standby: bool | None | Unset
        if isinstance(self.standby, Unset):
            standby = UNSET
        else:
            standby = self.standby

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
            }
        )
        if replay_lag_bytes is not UNSET:
            field_dict["replay_lag_bytes"] = replay_lag_bytes
        if replay_lag_seconds is not UNSET:
            field_dict["replay_lag_seconds"] = replay_lag_seconds
        if standby is not UNSET:
            field_dict["standby"] = standby

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        status = ReplicaStatus(d.pop("status"))

        def _parse_replay_lag_bytes(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        replay_lag_bytes = _parse_replay_lag_bytes(d.pop("replay_lag_bytes", UNSET))

        def _parse_replay_lag_seconds(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        replay_lag_seconds = _parse_replay_lag_seconds(d.pop("replay_lag_seconds", UNSET))

        def _parse_standby(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        standby = _parse_standby(d.pop("standby", UNSET))

        replica_readiness = cls(
            status=status,
            replay_lag_bytes=replay_lag_bytes,
            replay_lag_seconds=replay_lag_seconds,
            standby=standby,
        )

        replica_readiness.additional_properties = d
        return replica_readiness

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
