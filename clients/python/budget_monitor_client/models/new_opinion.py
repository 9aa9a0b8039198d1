from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.opinion_kind import OpinionKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="NewOpinion")


@_attrs_define
class NewOpinion:
    """
    Example:
        {'kind': 'suggestion', 'text': 'Return the idle funds to the provincial budget and plan the two bases for
            2022.'}

    Attributes:
        kind (OpinionKind):
        text (str):
        policy_name (None | str | Unset): The policy to revise: required for `policy_revision`, refused for other kinds.
    """

    kind: OpinionKind
    text: str
    policy_name: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        text = self.text

        policy_name: None | str | Unset
        if isinstance(self.policy_name, Unset):
            policy_name = UNSET
        else:
            policy_name = self.policy_name

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "text": text,
            }
        )
        if policy_name is not UNSET:
            field_dict["policy_name"] = policy_name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = OpinionKind(d.pop("kind"))

        text = d.pop("text")

        def _parse_policy_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        policy_name = _parse_policy_name(d.pop("policy_name", UNSET))

        new_opinion = cls(
            kind=kind,
            text=text,
            policy_name=policy_name,
        )

        return new_opinion
