from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.opinion_kind import OpinionKind

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
    """

    kind: OpinionKind
    text: str

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        text = self.text

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "text": text,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = OpinionKind(d.pop("kind"))

        text = d.pop("text")

        new_opinion = cls(
            kind=kind,
            text=text,
        )

        return new_opinion
