from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.figures import Figures
    from ..models.region_ref import RegionRef


T = TypeVar("T", bound="Overview")


@_attrs_define
class Overview:
    """
    Example:
        {'figures': {'adjusted_and_recovered': '3370000000.00', 'adjustments': {'increase': {'amount': '0.00', 'count':
            4}, 'reallocate': {'amount': '900000000.00', 'count': 21}, 'recover': {'amount': '820000000.00', 'count': 38},
            'reduce': {'amount': '1650000000.00', 'count': 57}, 'stop': {'amount': '0.00', 'count': 3}, 'suspend':
            {'amount': '0.00', 'count': 6}}, 'departments_monitored': 1260, 'findings': {'idle_funds': {'amount':
            '1180000000.00', 'count': 96}, 'non_standard_management': {'amount': '0.00', 'count': 235}, 'other': {'amount':
            '0.00', 'count': 41}, 'slow_progress': {'amount': '0.00', 'count': 412}, 'unclear_objectives': {'amount':
            '0.00', 'count': 97}, 'unreasonable_targets': {'amount': '0.00', 'count': 188}}, 'key_monitored_funds':
            '41770000000.00', 'key_monitored_projects': 1384, 'key_monitoring_items': 1384, 'lights': {'budget': {'blue': 0,
            'green': 3909, 'none': 92, 'red': 305, 'yellow': 820}, 'effect': {'blue': 120, 'green': 4468, 'none': 92, 'red':
            96, 'yellow': 350}, 'output': {'blue': 402, 'green': 4002, 'none': 92, 'red': 150, 'yellow': 480}, 'overall':
            {'blue': 187, 'green': 3980, 'none': 92, 'red': 212, 'yellow': 655}, 'satisfaction': {'blue': 35, 'green': 4749,
            'none': 92, 'red': 40, 'yellow': 210}}, 'opinions': 1020, 'policy_revisions': 131, 'projects_monitored': 5126,
            'projects_monitored_funds': '98350000000.00', 'rectifications': {'accepted': 1105, 'open': 143, 'overdue': 12},
            'report_fields': 102950, 'reports': {'approved': 4710, 'draft': 98, 'late': 131, 'missing': 156, 'returned': 58,
            'submitted': 260, 'total': 5126}, 'suggestions': 764, 'system_filled_fields': 73450, 'system_filled_share':
            '71.35'}, 'region': {'code': '370000', 'level': 'province', 'name': 'Shandong'}, 'round_id': None, 'year': 2021}

    Attributes:
        figures (Figures): The figures of one region (or level), for one fiscal year and optionally one round.
        region (RegionRef):
        year (int):  Example: 2021.
        round_id (None | Unset | UUID):
    """

    figures: Figures
    region: RegionRef
    year: int
    round_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        figures = self.figures.to_dict()

        region = self.region.to_dict()

        year = self.year

        round_id: None | str | Unset
        if isinstance(self.round_id, Unset):
            round_id = UNSET
        elif isinstance(self.round_id, UUID):
            round_id = str(self.round_id)
        else:
            round_id = self.round_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "figures": figures,
                "region": region,
                "year": year,
            }
        )
        if round_id is not UNSET:
            field_dict["round_id"] = round_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.figures import Figures  # noqa: PLC0415
        from ..models.region_ref import RegionRef  # noqa: PLC0415

        d = dict(src_dict)
        figures = Figures.from_dict(d.pop("figures"))

        region = RegionRef.from_dict(d.pop("region"))

        year = d.pop("year")

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

        overview = cls(
            figures=figures,
            region=region,
            year=year,
            round_id=round_id,
        )

        overview.additional_properties = d
        return overview

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
