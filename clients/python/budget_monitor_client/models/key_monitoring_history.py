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
    from ..models.result_application import ResultApplication
    from ..models.target_adjustment import TargetAdjustment


T = TypeVar("T", bound="KeyMonitoringHistory")


@_attrs_define
class KeyMonitoringHistory:
    """
    Example:
        {'adjustments': [{'amount': '25000000.00', 'created_at': '2021-10-20T06:30:00Z', 'created_by_name':
            'sd.finance', 'destination_function_class': None, 'destination_project_id': None, 'destination_text': None,
            'document_number': '济财绩〔2021〕12号', 'finding_id': '0193a0c4-7f43-7000-8000-0000000000f1', 'id':
            '0193a0c4-7f43-7000-8000-000000000096', 'kind': 'reduce', 'note': 'Idle funds of the two delayed bases',
            'project_id': '0193a0c4-7f43-7000-8000-0000000000e1', 'report_id': None, 'reverses_id': None}], 'inspections':
            [{'conclusion': 'Six of eight bases in service; the two delayed ones leave 25,000,000.00 yuan idle.',
            'created_at': '2021-09-01T02:00:00Z', 'end_date': '2021-09-10', 'findings': [{'amount': '25000000.00',
            'category': 'idle_funds', 'created_at': '2021-09-09T08:00:00Z', 'description': '25,000,000.00 yuan of two
            delayed rescue bases unspent on 31 August.', 'id': '0193a0c4-7f43-7000-8000-0000000000f1', 'inspection_id':
            '0193a0c4-7f43-7000-8000-000000000094', 'project_id': '0193a0c4-7f43-7000-8000-0000000000e1', 'severity':
            'high'}], 'id': '0193a0c4-7f43-7000-8000-000000000094', 'inspector_id': '0193a0c4-7f43-7000-8000-0000000000b2',
            'inspector_name': 'Zhang Wei', 'opinions': [{'created_at': '2021-09-10T08:00:00Z', 'id':
            '0193a0c4-7f43-7000-8000-000000000099', 'kind': 'suggestion', 'policy_name': None, 'revised': False,
            'revised_at': None, 'revision_note': '', 'text': 'Return the idle funds to the provincial budget and plan the
            two bases for 2022.', 'version': 1}], 'project_id': '0193a0c4-7f43-7000-8000-0000000000e1', 'round_id':
            '0193a0c4-7f43-7000-8000-000000000091', 'start_date': '2021-09-06', 'status': 'concluded', 'updated_at':
            '2021-09-10T09:00:00Z', 'version': 3}], 'key_monitoring': True, 'project_id':
            '0193a0c4-7f43-7000-8000-0000000000e1', 'rectifications': [{'accepted_at': None, 'answered_at':
            '2021-10-12T03:00:00Z', 'created_at': '2021-09-13T02:00:00Z', 'deadline': '2021-10-31', 'department_id':
            '0193a0c4-7f43-7000-8000-0000000000a1', 'finding_id': '0193a0c4-7f43-7000-8000-0000000000f1', 'history':
            [{'actor_name': 'kjt.officer', 'at': '2021-10-12T03:00:00Z', 'comment': '', 'from': 'open', 'to': 'answered'}],
            'id': '0193a0c4-7f43-7000-8000-000000000095', 'light': 'green', 'overdue': False, 'project_id':
            '0193a0c4-7f43-7000-8000-0000000000e1', 'requirement': 'Submit a revised spending plan for the two delayed
            bases', 'response': 'Revised plan approved on 12 October; the idle 25,000,000.00 yuan are returned.', 'status':
            'answered', 'version': 2, 'warning_days': 7}], 'result_applications': [], 'target_adjustments': []}

    Attributes:
        adjustments (list[Adjustment]): Adjustments of the project, and those moving money to it from projects the
            caller may
            see.
        inspections (list[Inspection]):
        key_monitoring (bool):
        project_id (UUID):
        rectifications (list[Rectification]):
        result_applications (list[ResultApplication]): What each round's results led to, oldest first.
        target_adjustments (list[TargetAdjustment]): Requests to change the project's targets, oldest first.
    """

    adjustments: list[Adjustment]
    inspections: list[Inspection]
    key_monitoring: bool
    project_id: UUID
    rectifications: list[Rectification]
    result_applications: list[ResultApplication]
    target_adjustments: list[TargetAdjustment]
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

        result_applications = []
        for result_applications_item_data in self.result_applications:
            result_applications_item = result_applications_item_data.to_dict()
            result_applications.append(result_applications_item)

        target_adjustments = []
        for target_adjustments_item_data in self.target_adjustments:
            target_adjustments_item = target_adjustments_item_data.to_dict()
            target_adjustments.append(target_adjustments_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "adjustments": adjustments,
                "inspections": inspections,
                "key_monitoring": key_monitoring,
                "project_id": project_id,
                "rectifications": rectifications,
                "result_applications": result_applications,
                "target_adjustments": target_adjustments,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.adjustment import Adjustment  # noqa: PLC0415
        from ..models.inspection import Inspection  # noqa: PLC0415
        from ..models.rectification import Rectification  # noqa: PLC0415
        from ..models.result_application import ResultApplication  # noqa: PLC0415
        from ..models.target_adjustment import TargetAdjustment  # noqa: PLC0415

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

        result_applications = []
        _result_applications = d.pop("result_applications")
        for result_applications_item_data in _result_applications:
            result_applications_item = ResultApplication.from_dict(result_applications_item_data)

            result_applications.append(result_applications_item)

        target_adjustments = []
        _target_adjustments = d.pop("target_adjustments")
        for target_adjustments_item_data in _target_adjustments:
            target_adjustments_item = TargetAdjustment.from_dict(target_adjustments_item_data)

            target_adjustments.append(target_adjustments_item)

        key_monitoring_history = cls(
            adjustments=adjustments,
            inspections=inspections,
            key_monitoring=key_monitoring,
            project_id=project_id,
            rectifications=rectifications,
            result_applications=result_applications,
            target_adjustments=target_adjustments,
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
