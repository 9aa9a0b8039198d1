from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.adjustment import Adjustment
    from ..models.inspection import Inspection
    from ..models.rectification import Rectification


T = TypeVar("T", bound="KeyMonitoringHistory")


@_attrs_define
class KeyMonitoringHistory:
    """
    Attributes:
        adjustments (list[Adjustment]): Adjustments of the project, and those moving money to it.
        inspections (list[Inspection]):
        key_monitoring (bool):
        project_id (UUID):
        rectifications (list[Rectification]):
    """

    adjustments: list[Adjustment]
    inspections: list[Inspection]
    key_monitoring: bool
    project_id: UUID
    rectifications: list[Rectification]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        adjustments = []
        for adjustments_item_data in self.adjustments:
            adjustments_item = adjustments_item_data.to_dict()
            adjustments.append(adjustments_item)

        inspections = []
        for inspections_item_data in self.inspections:
            inspections_item = inspections_item_data.to_dict()
            inspections.append(inspections_item)

        key_monitoring = self.key_monitoring

        project_id = str(self.project_id)

        rectifications = []
        for rectifications_item_data in self.rectifications:
            rectifications_item = rectifications_item_data.to_dict()
            rectifications.append(rectifications_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "adjustments": adjustments,
                "inspections": inspections,
                "key_monitoring": key_monitoring,
                "project_id": project_id,
                "rectifications": rectifications,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.adjustment import Adjustment  # noqa: PLC0415
        from ..models.inspection import Inspection  # noqa: PLC0415
        from ..models.rectification import Rectification  # noqa: PLC0415

        d = dict(src_dict)
        adjustments = []
        _adjustments = d.pop("adjustments")
        for adjustments_item_data in _adjustments:
            adjustments_item = Adjustment.from_dict(adjustments_item_data)

            adjustments.append(adjustments_item)

        inspections = []
        _inspections = d.pop("inspections")
        for inspections_item_data in _inspections:
            inspections_item = Inspection.from_dict(inspections_item_data)

            inspections.append(inspections_item)

        key_monitoring = d.pop("key_monitoring")

        project_id = UUID(d.pop("project_id"))

        rectifications = []
        _rectifications = d.pop("rectifications")
        for rectifications_item_data in _rectifications:
            rectifications_item = Rectification.from_dict(rectifications_item_data)

            rectifications.append(rectifications_item)

        key_monitoring_history = cls(
            adjustments=adjustments,
            inspections=inspections,
            key_monitoring=key_monitoring,
            project_id=project_id,
            rectifications=rectifications,
        )

        key_monitoring_history.additional_properties = d
        return key_monitoring_history

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
