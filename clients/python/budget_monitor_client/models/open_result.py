from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.round_ import Round
    from ..models.skipped_project import SkippedProject


T = TypeVar("T", bound="OpenResult")


@_attrs_define
class OpenResult:
    """
    Example:
        {'created': 5126, 'existing': 0, 'not_ready': [{'code': 'SD2021-JT-015', 'name': 'Rural road maintenance',
            'project_id': '0193a0c4-7f43-7000-8000-0000000000e3', 'reasons': ['the project has no performance
            indicators']}], 'round': {'closed_at': None, 'created_at': '2021-07-20T03:00:00Z', 'cutoff_date': '2021-07-31',
            'due_date': '2021-08-20', 'fiscal_year': 2021, 'id': '0193a0c4-7f43-7000-8000-000000000091', 'name': '2021
            January–July monitoring', 'open_date': '2021-08-01', 'opened_at': '2021-08-01T00:30:00Z', 'region_code':
            '370000', 'status': 'open', 'time_progress': '58.33', 'updated_at': '2021-08-01T00:30:00Z', 'version': 2,
            'warning_days': 5}}

    Attributes:
        created (int): Reports created by this call.
        existing (int): Projects that already had a report in the round.
        not_ready (list[SkippedProject]): Projects left out because they are not ready for monitoring.
        round_ (Round):  Example: {'closed_at': None, 'created_at': '2021-07-20T03:00:00Z', 'cutoff_date': '2021-07-31',
            'due_date': '2021-08-20', 'fiscal_year': 2021, 'id': '0193a0c4-7f43-7000-8000-000000000091', 'name': '2021
            January–July monitoring', 'open_date': '2021-08-01', 'opened_at': '2021-08-01T00:30:00Z', 'region_code':
            '370000', 'status': 'open', 'time_progress': '58.33', 'updated_at': '2021-08-01T00:30:00Z', 'version': 2,
            'warning_days': 5}.
    """

    created: int
    existing: int
    not_ready: list[SkippedProject]
    round_: Round
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created = self.created

        existing = self.existing

        not_ready = []
        for not_ready_item_data in self.not_ready:
            not_ready_item = not_ready_item_data.to_dict()
            not_ready.append(not_ready_item)

        round_ = self.round_.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created": created,
                "existing": existing,
                "not_ready": not_ready,
                "round": round_,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.round_ import Round  # noqa: PLC0415
        from ..models.skipped_project import SkippedProject  # noqa: PLC0415

        d = dict(src_dict)
        created = d.pop("created")

        existing = d.pop("existing")

        not_ready = []
        _not_ready = d.pop("not_ready")
        for not_ready_item_data in _not_ready:
            not_ready_item = SkippedProject.from_dict(not_ready_item_data)

            not_ready.append(not_ready_item)

        round_ = Round.from_dict(d.pop("round"))

        open_result = cls(
            created=created,
            existing=existing,
            not_ready=not_ready,
            round_=round_,
        )

        open_result.additional_properties = d
        return open_result

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
