from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.opinion import Opinion


T = TypeVar("T", bound="PolicyRevision")


@_attrs_define
class PolicyRevision:
    """
    Example:
        {'inspection_id': '0193a0c4-7f43-7000-8000-000000000094', 'opinion': {'created_at': '2021-09-10T08:00:00Z',
            'id': '0193a0c4-7f43-7000-8000-00000000009a', 'kind': 'policy_revision', 'policy_name': 'Science fund management
            measures', 'revised': True, 'revised_at': '2021-11-02T02:00:00Z', 'revision_note': 'Revised rules published.',
            'text': 'Tie disbursement to accepted milestones.', 'version': 2}, 'project_id':
            '0193a0c4-7f43-7000-8000-0000000000e1', 'region_code': '371100', 'round_id':
            '0193a0c4-7f43-7000-8000-000000000031'}

    Attributes:
        inspection_id (UUID):
        opinion (Opinion):  Example: {'created_at': '2021-09-10T08:00:00Z', 'id':
            '0193a0c4-7f43-7000-8000-000000000099', 'kind': 'suggestion', 'policy_name': None, 'revised': False,
            'revised_at': None, 'revision_note': '', 'text': 'Return the idle funds to the provincial budget and plan the
            two bases for 2022.', 'version': 1}.
        project_id (UUID):
        region_code (str):
        round_id (None | Unset | UUID):
    """

    inspection_id: UUID
    opinion: Opinion
    project_id: UUID
    region_code: str
    round_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        inspection_id = str(self.inspection_id)

        opinion = self.opinion.to_dict()

        project_id = str(self.project_id)

        region_code = self.region_code

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
                "inspection_id": inspection_id,
                "opinion": opinion,
                "project_id": project_id,
                "region_code": region_code,
            }
        )
        if round_id is not UNSET:
            field_dict["round_id"] = round_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.opinion import Opinion  # noqa: PLC0415

        d = dict(src_dict)
        inspection_id = UUID(d.pop("inspection_id"))

        opinion = Opinion.from_dict(d.pop("opinion"))

        project_id = UUID(d.pop("project_id"))

        region_code = d.pop("region_code")

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

        policy_revision = cls(
            inspection_id=inspection_id,
            opinion=opinion,
            project_id=project_id,
            region_code=region_code,
            round_id=round_id,
        )

        policy_revision.additional_properties = d
        return policy_revision

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
