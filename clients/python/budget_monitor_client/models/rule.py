from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.metric import Metric
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.band import Band
    from ..models.rule_mapping import RuleMapping


T = TypeVar("T", bound="Rule")


@_attrs_define
class Rule:
    """
    Attributes:
        metric (Metric):
        bands (list[Band] | Unset): For numeric metrics: ascending bands, the last without an edge.
        mapping (RuleMapping | Unset): For `inside_target` and `enumerated`: value → light.
    """

    metric: Metric
    bands: list[Band] | Unset = UNSET
    mapping: RuleMapping | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        metric = self.metric.value

        bands: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.bands, Unset):
            bands = []
            for bands_item_data in self.bands:
                bands_item = bands_item_data.to_dict()
                bands.append(bands_item)

        mapping: dict[str, Any] | Unset = UNSET
        if not isinstance(self.mapping, Unset):
            mapping = self.mapping.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "metric": metric,
            }
        )
        if bands is not UNSET:
            field_dict["bands"] = bands
        if mapping is not UNSET:
            field_dict["mapping"] = mapping

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.band import Band  # noqa: PLC0415
        from ..models.rule_mapping import RuleMapping  # noqa: PLC0415

        d = dict(src_dict)
        metric = Metric(d.pop("metric"))

        _bands = d.pop("bands", UNSET)
        bands: list[Band] | Unset = UNSET
        if _bands is not UNSET:
            bands = []
            for bands_item_data in _bands:
                bands_item = Band.from_dict(bands_item_data)

                bands.append(bands_item)

        _mapping = d.pop("mapping", UNSET)
        mapping: RuleMapping | Unset
        if isinstance(_mapping, Unset):
            mapping = UNSET
        else:
            mapping = RuleMapping.from_dict(_mapping)

        rule = cls(
            metric=metric,
            bands=bands,
            mapping=mapping,
        )

        return rule
