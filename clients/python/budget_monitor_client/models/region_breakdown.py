from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.figures import Figures
    from ..models.region_figures import RegionFigures
    from ..models.region_ref import RegionRef


T = TypeVar("T", bound="RegionBreakdown")


@_attrs_define
class RegionBreakdown:
    """A region's figures split into its own level and each child region: the parts add up to the
    region's overview.

        Example:
            {'children': [{'figures': {'adjusted_and_recovered': '300000000.00', 'adjustments': {'increase': {'amount':
                '0.00', 'count': 0}, 'reallocate': {'amount': '0.00', 'count': 1}, 'recover': {'amount': '0.00', 'count': 2},
                'reduce': {'amount': '300000000.00', 'count': 3}, 'stop': {'amount': '0.00', 'count': 0}, 'suspend': {'amount':
                '0.00', 'count': 0}}, 'departments_monitored': 78, 'findings': {'idle_funds': {'amount': '86000000.00', 'count':
                6}, 'non_standard_management': {'amount': '0.00', 'count': 14}, 'other': {'amount': '0.00', 'count': 2},
                'slow_progress': {'amount': '0.00', 'count': 25}, 'unclear_objectives': {'amount': '0.00', 'count': 6},
                'unreasonable_targets': {'amount': '0.00', 'count': 11}}, 'key_monitored_funds': '2890000000.00',
                'key_monitored_projects': 96, 'key_monitoring_items': 96, 'lights': {'budget': {'blue': 0, 'green': 245, 'none':
                5, 'red': 19, 'yellow': 51}, 'effect': {'blue': 7, 'green': 280, 'none': 5, 'red': 6, 'yellow': 21}, 'output':
                {'blue': 25, 'green': 251, 'none': 5, 'red': 9, 'yellow': 30}, 'overall': {'blue': 11, 'green': 250, 'none': 5,
                'red': 13, 'yellow': 40}, 'satisfaction': {'blue': 2, 'green': 298, 'none': 5, 'red': 2, 'yellow': 13}},
                'opinions': 63, 'policy_revisions': 8, 'projects_monitored': 320, 'projects_monitored_funds': '6420000000.00',
                'rectifications': {'accepted': 69, 'open': 8, 'overdue': 0}, 'report_fields': 6434, 'reports': {'approved': 294,
                'draft': 6, 'late': 8, 'missing': 9, 'returned': 3, 'submitted': 16, 'total': 320}, 'suggestions': 47,
                'system_filled_fields': 4590, 'system_filled_share': '71.35'}, 'region': {'code': '370100', 'level': 'city',
                'name': 'Jinan'}}], 'own_level': {'adjusted_and_recovered': '25000000.00', 'adjustments': {'increase':
                {'amount': '0.00', 'count': 0}, 'reallocate': {'amount': '0.00', 'count': 1}, 'recover': {'amount': '0.00',
                'count': 2}, 'reduce': {'amount': '25000000.00', 'count': 3}, 'stop': {'amount': '0.00', 'count': 0}, 'suspend':
                {'amount': '0.00', 'count': 0}}, 'departments_monitored': 78, 'findings': {'idle_funds': {'amount':
                '25000000.00', 'count': 6}, 'non_standard_management': {'amount': '0.00', 'count': 14}, 'other': {'amount':
                '0.00', 'count': 2}, 'slow_progress': {'amount': '0.00', 'count': 25}, 'unclear_objectives': {'amount': '0.00',
                'count': 6}, 'unreasonable_targets': {'amount': '0.00', 'count': 11}}, 'key_monitored_funds': '1630000000.00',
                'key_monitored_projects': 9, 'key_monitoring_items': 9, 'lights': {'budget': {'blue': 0, 'green': 245, 'none':
                5, 'red': 19, 'yellow': 51}, 'effect': {'blue': 7, 'green': 280, 'none': 5, 'red': 6, 'yellow': 21}, 'output':
                {'blue': 25, 'green': 251, 'none': 5, 'red': 9, 'yellow': 30}, 'overall': {'blue': 11, 'green': 250, 'none': 5,
                'red': 13, 'yellow': 40}, 'satisfaction': {'blue': 2, 'green': 298, 'none': 5, 'red': 2, 'yellow': 13}},
                'opinions': 63, 'policy_revisions': 8, 'projects_monitored': 320, 'projects_monitored_funds': '6420000000.00',
                'rectifications': {'accepted': 69, 'open': 8, 'overdue': 0}, 'report_fields': 6434, 'reports': {'approved': 294,
                'draft': 6, 'late': 8, 'missing': 9, 'returned': 3, 'submitted': 16, 'total': 320}, 'suggestions': 47,
                'system_filled_fields': 4590, 'system_filled_share': '71.35'}, 'own_level_label': 'provincial level', 'parent':
                {'code': '370000', 'level': 'province', 'name': 'Shandong'}, 'round_id': None, 'year': 2021}

        Attributes:
            children (list[RegionFigures]):
            own_level (Figures): The figures of one region (or level), for one fiscal year and optionally one round.
            own_level_label (str): The parent's own departments ("provincial level" for a province). Example: provincial
                level.
            parent (RegionRef):
            year (int):
            round_id (None | Unset | UUID):
    """

    children: list[RegionFigures]
    own_level: Figures
    own_level_label: str
    parent: RegionRef
    year: int
    round_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        children = []
        for children_item_data in self.children:
            children_item = children_item_data.to_dict()
            children.append(children_item)

        own_level = self.own_level.to_dict()

        own_level_label = self.own_level_label

        parent = self.parent.to_dict()

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
                "children": children,
                "own_level": own_level,
                "own_level_label": own_level_label,
                "parent": parent,
                "year": year,
            }
        )
        if round_id is not UNSET:
            field_dict["round_id"] = round_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.figures import Figures  # noqa: PLC0415
        from ..models.region_figures import RegionFigures  # noqa: PLC0415
        from ..models.region_ref import RegionRef  # noqa: PLC0415

        d = dict(src_dict)
        children = []
        _children = d.pop("children")
        for children_item_data in _children:
            children_item = RegionFigures.from_dict(children_item_data)

            children.append(children_item)

        own_level = Figures.from_dict(d.pop("own_level"))

        own_level_label = d.pop("own_level_label")

        parent = RegionRef.from_dict(d.pop("parent"))

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

        region_breakdown = cls(
            children=children,
            own_level=own_level,
            own_level_label=own_level_label,
            parent=parent,
            year=year,
            round_id=round_id,
        )

        region_breakdown.additional_properties = d
        return region_breakdown

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
