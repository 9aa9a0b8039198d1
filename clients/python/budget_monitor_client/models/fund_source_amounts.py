from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="FundSourceAmounts")


@_attrs_define
class FundSourceAmounts:
    """Amounts by fund source, in yuan, as decimal strings.

    Attributes:
        central (str | Unset):  Example: 300000000.00.
        county (str | Unset):  Example: 0.00.
        municipal (str | Unset):  Example: 0.00.
        other (str | Unset):  Example: 0.00.
        provincial (str | Unset):  Example: 0.00.
        self_raised (str | Unset):  Example: 0.00.
    """

    central: str | Unset = UNSET
    county: str | Unset = UNSET
    municipal: str | Unset = UNSET
    other: str | Unset = UNSET
    provincial: str | Unset = UNSET
    self_raised: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        central = self.central

        county = self.county

        municipal = self.municipal

        other = self.other

        provincial = self.provincial

        self_raised = self.self_raised

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if central is not UNSET:
            field_dict["central"] = central
        if county is not UNSET:
            field_dict["county"] = county
        if municipal is not UNSET:
            field_dict["municipal"] = municipal
        if other is not UNSET:
            field_dict["other"] = other
        if provincial is not UNSET:
            field_dict["provincial"] = provincial
        if self_raised is not UNSET:
            field_dict["self_raised"] = self_raised

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        central = d.pop("central", UNSET)

        county = d.pop("county", UNSET)

        municipal = d.pop("municipal", UNSET)

        other = d.pop("other", UNSET)

        provincial = d.pop("provincial", UNSET)

        self_raised = d.pop("self_raised", UNSET)

        fund_source_amounts = cls(
            central=central,
            county=county,
            municipal=municipal,
            other=other,
            provincial=provincial,
            self_raised=self_raised,
        )

        return fund_source_amounts
