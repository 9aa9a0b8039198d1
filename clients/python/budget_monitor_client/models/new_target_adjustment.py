from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.target_change_type_0 import TargetChangeType0
    from ..models.target_change_type_1 import TargetChangeType1
    from ..models.target_change_type_2 import TargetChangeType2


T = TypeVar("T", bound="NewTargetAdjustment")


@_attrs_define
class NewTargetAdjustment:
    """
    Example:
        {'changes': [{'indicator_id': '0193a0c4-7f43-7000-8000-0000000000c1', 'op': 'change', 'set': {'target_value':
            '7'}}], 'finding_id': '0193a0c4-7f43-7000-8000-0000000000f1', 'reason': 'The second rescue base cannot be built
            this year: the site was reassigned.'}

    Attributes:
        changes (list[TargetChangeType0 | TargetChangeType1 | TargetChangeType2]): 1 to 100 changes, at most one per
            indicator.
        reason (str):
        finding_id (None | Unset | UUID): The finding the request answers (e.g. of category `unreasonable_targets`), of
            this
            project.
        report_id (None | Unset | UUID): The report that says targets need adjusting, of this project.
    """

    changes: list[TargetChangeType0 | TargetChangeType1 | TargetChangeType2]
    reason: str
    finding_id: None | Unset | UUID = UNSET
    report_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.target_change_type_0 import TargetChangeType0  # noqa: PLC0415
        from ..models.target_change_type_1 import TargetChangeType1  # noqa: PLC0415

        changes = []
        for changes_item_data in self.changes:
            changes_item: dict[str, Any]
            if isinstance(changes_item_data, TargetChangeType0):
                changes_item = changes_item_data.to_dict()
            elif isinstance(changes_item_data, TargetChangeType1):
                changes_item = changes_item_data.to_dict()
            else:
                changes_item = changes_item_data.to_dict()

            changes.append(changes_item)

        reason = self.reason

        finding_id: None | str | Unset
        if isinstance(self.finding_id, Unset):
            finding_id = UNSET
        elif isinstance(self.finding_id, UUID):
            finding_id = str(self.finding_id)
        else:
            finding_id = self.finding_id

        report_id: None | str | Unset
        if isinstance(self.report_id, Unset):
            report_id = UNSET
        elif isinstance(self.report_id, UUID):
            report_id = str(self.report_id)
        else:
            report_id = self.report_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "changes": changes,
                "reason": reason,
            }
        )
        if finding_id is not UNSET:
            field_dict["finding_id"] = finding_id
        if report_id is not UNSET:
            field_dict["report_id"] = report_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.target_change_type_0 import TargetChangeType0  # noqa: PLC0415
        from ..models.target_change_type_1 import TargetChangeType1  # noqa: PLC0415
        from ..models.target_change_type_2 import TargetChangeType2  # noqa: PLC0415

        d = dict(src_dict)
        changes = []
        _changes = d.pop("changes")
        for changes_item_data in _changes:

            def _parse_changes_item(data: object) -> TargetChangeType0 | TargetChangeType1 | TargetChangeType2:
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_target_change_type_0 = TargetChangeType0.from_dict(data)

                    return componentsschemas_target_change_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_target_change_type_1 = TargetChangeType1.from_dict(data)

                    return componentsschemas_target_change_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_target_change_type_2 = TargetChangeType2.from_dict(data)

                return componentsschemas_target_change_type_2

            changes_item = _parse_changes_item(changes_item_data)

            changes.append(changes_item)

        reason = d.pop("reason")

        def _parse_finding_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finding_id_type_0 = UUID(data)

                return finding_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        finding_id = _parse_finding_id(d.pop("finding_id", UNSET))

        def _parse_report_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                report_id_type_0 = UUID(data)

                return report_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        report_id = _parse_report_id(d.pop("report_id", UNSET))

        new_target_adjustment = cls(
            changes=changes,
            reason=reason,
            finding_id=finding_id,
            report_id=report_id,
        )

        return new_target_adjustment
