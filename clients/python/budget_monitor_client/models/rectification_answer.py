from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="RectificationAnswer")


@_attrs_define
class RectificationAnswer:
    """
    Example:
        {'response': 'Revised plan approved on 12 October; the idle 25,000,000.00 yuan are returned.'}

    Attributes:
        response (str): What was done.
    """

    response: str

    def to_dict(self) -> dict[str, Any]:
        response = self.response

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "response": response,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        response = d.pop("response")

        rectification_answer = cls(
            response=response,
        )

        return rectification_answer
