from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.indicator import Indicator


T = TypeVar("T", bound="IndicatorSetVersion")


@_attrs_define
class IndicatorSetVersion:
    """
    Example:
        {'adjustment_id': '0193a0c4-7f43-7000-8000-0000000000f1', 'current': True, 'indicators': [], 'valid_from':
            '2021-08-20T03:00:00Z', 'version': 2}

    Attributes:
        current (bool): Whether new reports monitor this version.
        indicators (list[Indicator]):
        valid_from (datetime.datetime): When the version began: the project's registration for version 1, else the
            approval.
        version (int): 1 for the set as registered; each approved target adjustment adds one.
        adjustment_id (None | Unset | UUID): The target adjustment whose approval made it; null for version 1.
    """

    current: bool
    indicators: list[Indicator]
    valid_from: datetime.datetime
    version: int
    adjustment_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        current = self.current

        indicators = []
        for indicators_item_data in self.indicators:
            indicators_item = indicators_item_data.to_dict()
            indicators.append(indicators_item)

        valid_from = self.valid_from.isoformat()

        version = self.version

        adjustment_id: None | str | Unset
        if isinstance(self.adjustment_id, Unset):
            adjustment_id = UNSET
        elif isinstance(self.adjustment_id, UUID):
            adjustment_id = str(self.adjustment_id)
        else:
            adjustment_id = self.adjustment_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "current": current,
                "indicators": indicators,
                "valid_from": valid_from,
                "version": version,
            }
        )
        if adjustment_id is not UNSET:
            field_dict["adjustment_id"] = adjustment_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.indicator import Indicator  # noqa: PLC0415

        d = dict(src_dict)
        current = d.pop("current")

        indicators = []
        _indicators = d.pop("indicators")
        for indicators_item_data in _indicators:
            indicators_item = Indicator.from_dict(indicators_item_data)

            indicators.append(indicators_item)

        valid_from = datetime.datetime.fromisoformat(d.pop("valid_from"))

        version = d.pop("version")

        def _parse_adjustment_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                adjustment_id_type_0 = UUID(data)

                return adjustment_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        adjustment_id = _parse_adjustment_id(d.pop("adjustment_id", UNSET))

        indicator_set_version = cls(
            current=current,
            indicators=indicators,
            valid_from=valid_from,
            version=version,
            adjustment_id=adjustment_id,
        )

        indicator_set_version.additional_properties = d
        return indicator_set_version

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
