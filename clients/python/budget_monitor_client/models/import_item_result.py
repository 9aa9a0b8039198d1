from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.import_status import ImportStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.import_item_result_errors_type_0 import ImportItemResultErrorsType0


T = TypeVar("T", bound="ImportItemResult")


@_attrs_define
class ImportItemResult:
    """
    Attributes:
        index (int): Position of the item in `items` (for CSV: in order of first appearance).
        status (ImportStatus):
        code (None | str | Unset):
        errors (ImportItemResultErrorsType0 | None | Unset): Why the item was rejected: field → messages.
        fiscal_year (int | None | Unset):
        project_id (None | Unset | UUID):
        region_code (None | str | Unset):
        rows (list[int] | None | Unset): For CSV: the data rows (1 = first row after the header) that made this item.
    """

    index: int
    status: ImportStatus
    code: None | str | Unset = UNSET
    errors: ImportItemResultErrorsType0 | None | Unset = UNSET
    fiscal_year: int | None | Unset = UNSET
    project_id: None | Unset | UUID = UNSET
    region_code: None | str | Unset = UNSET
    rows: list[int] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.import_item_result_errors_type_0 import ImportItemResultErrorsType0  # noqa: PLC0415

        index = self.index

        status = self.status.value

        code: None | str | Unset
        if isinstance(self.code, Unset):
            code = UNSET
        else:
            code = self.code

        errors: dict[str, Any] | None | Unset
        if isinstance(self.errors, Unset):
            errors = UNSET
        elif isinstance(self.errors, ImportItemResultErrorsType0):
            errors = self.errors.to_dict()
        else:
            errors = self.errors

        fiscal_year: int | None | Unset
        if isinstance(self.fiscal_year, Unset):
            fiscal_year = UNSET
        else:
            fiscal_year = self.fiscal_year

        project_id: None | str | Unset
        if isinstance(self.project_id, Unset):
            project_id = UNSET
        elif isinstance(self.project_id, UUID):
            project_id = str(self.project_id)
        else:
            project_id = self.project_id

        region_code: None | str | Unset
        if isinstance(self.region_code, Unset):
            region_code = UNSET
        else:
            region_code = self.region_code

        rows: list[int] | None | Unset
        if isinstance(self.rows, Unset):
            rows = UNSET
        elif isinstance(self.rows, list):
            rows = self.rows

        else:
            rows = self.rows

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "index": index,
                "status": status,
            }
        )
        if code is not UNSET:
            field_dict["code"] = code
        if errors is not UNSET:
            field_dict["errors"] = errors
        if fiscal_year is not UNSET:
            field_dict["fiscal_year"] = fiscal_year
        if project_id is not UNSET:
            field_dict["project_id"] = project_id
        if region_code is not UNSET:
            field_dict["region_code"] = region_code
        if rows is not UNSET:
            field_dict["rows"] = rows

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.import_item_result_errors_type_0 import ImportItemResultErrorsType0  # noqa: PLC0415

        d = dict(src_dict)
        index = d.pop("index")

        status = ImportStatus(d.pop("status"))

        def _parse_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        code = _parse_code(d.pop("code", UNSET))

        def _parse_errors(data: object) -> ImportItemResultErrorsType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                errors_type_0 = ImportItemResultErrorsType0.from_dict(data)

                return errors_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ImportItemResultErrorsType0 | None | Unset, data)

        errors = _parse_errors(d.pop("errors", UNSET))

        def _parse_fiscal_year(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        fiscal_year = _parse_fiscal_year(d.pop("fiscal_year", UNSET))

        def _parse_project_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                project_id_type_0 = UUID(data)

                return project_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        project_id = _parse_project_id(d.pop("project_id", UNSET))

        def _parse_region_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        region_code = _parse_region_code(d.pop("region_code", UNSET))

        def _parse_rows(data: object) -> list[int] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                rows_type_0 = cast(list[int], data)

                return rows_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[int] | None | Unset, data)

        rows = _parse_rows(d.pop("rows", UNSET))

        import_item_result = cls(
            index=index,
            status=status,
            code=code,
            errors=errors,
            fiscal_year=fiscal_year,
            project_id=project_id,
            region_code=region_code,
            rows=rows,
        )

        import_item_result.additional_properties = d
        return import_item_result

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
