from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.record_status import RecordStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.value_result_errors_type_0 import ValueResultErrorsType0


T = TypeVar("T", bound="ValueResult")


@_attrs_define
class ValueResult:
    """
    Attributes:
        index (int):
        status (RecordStatus):
        errors (None | Unset | ValueResultErrorsType0):
        id (None | Unset | UUID):
        indicator_id (None | Unset | UUID):
    """

    index: int
    status: RecordStatus
    errors: None | Unset | ValueResultErrorsType0 = UNSET
    id: None | Unset | UUID = UNSET
    indicator_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.value_result_errors_type_0 import ValueResultErrorsType0  # noqa: PLC0415

        index = self.index

        status = self.status.value

        errors: dict[str, Any] | None | Unset
        if isinstance(self.errors, Unset):
            errors = UNSET
        elif isinstance(self.errors, ValueResultErrorsType0):
            errors = self.errors.to_dict()
        else:
            errors = self.errors

        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        elif isinstance(self.id, UUID):
            id = str(self.id)
        else:
            id = self.id

        indicator_id: None | str | Unset
        if isinstance(self.indicator_id, Unset):
            indicator_id = UNSET
        elif isinstance(self.indicator_id, UUID):
            indicator_id = str(self.indicator_id)
        else:
            indicator_id = self.indicator_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "index": index,
                "status": status,
            }
        )
        if errors is not UNSET:
            field_dict["errors"] = errors
        if id is not UNSET:
            field_dict["id"] = id
        if indicator_id is not UNSET:
            field_dict["indicator_id"] = indicator_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.value_result_errors_type_0 import ValueResultErrorsType0  # noqa: PLC0415

        d = dict(src_dict)
        index = d.pop("index")

        status = RecordStatus(d.pop("status"))

        def _parse_errors(data: object) -> None | Unset | ValueResultErrorsType0:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                errors_type_0 = ValueResultErrorsType0.from_dict(data)

                return errors_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | ValueResultErrorsType0, data)

        errors = _parse_errors(d.pop("errors", UNSET))

        def _parse_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                id_type_0 = UUID(data)

                return id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        id = _parse_id(d.pop("id", UNSET))

        def _parse_indicator_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                indicator_id_type_0 = UUID(data)

                return indicator_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        indicator_id = _parse_indicator_id(d.pop("indicator_id", UNSET))

        value_result = cls(
            index=index,
            status=status,
            errors=errors,
            id=id,
            indicator_id=indicator_id,
        )

        value_result.additional_properties = d
        return value_result

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
