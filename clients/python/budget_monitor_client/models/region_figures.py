from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.figures import Figures
    from ..models.region_ref import RegionRef


T = TypeVar("T", bound="RegionFigures")


@_attrs_define
class RegionFigures:
    """
    Attributes:
        figures (Figures): The figures of one region (or level), for one fiscal year and optionally one round.
        region (RegionRef):
    """

    figures: Figures
    region: RegionRef
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        figures = self.figures.to_dict()

        region = self.region.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "figures": figures,
                "region": region,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.figures import Figures  # noqa: PLC0415
        from ..models.region_ref import RegionRef  # noqa: PLC0415

        d = dict(src_dict)
        figures = Figures.from_dict(d.pop("figures"))

        region = RegionRef.from_dict(d.pop("region"))

        region_figures = cls(
            figures=figures,
            region=region,
        )

        region_figures.additional_properties = d
        return region_figures

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
