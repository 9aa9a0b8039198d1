from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.achievement import Achievement
from ..models.deviation_reason import DeviationReason
from ..models.likelihood import Likelihood
from ..types import UNSET, Unset

T = TypeVar("T", bound="ReportIndicatorInput")


@_attrs_define
class ReportIndicatorInput:
    """What the department fills in for one indicator row.

    Attributes:
        id (UUID): The row's `id` in the report.
        actual_text (Achievement | None | Unset):
        actual_value (None | str | Unset): For numeric indicators: the value reached by the cut-off.
        corrective_measures (str | Unset):
        deviation_note (str | Unset):
        deviation_reasons (list[DeviationReason] | Unset):
        forecast_text (Achievement | None | Unset):
        forecast_value (None | str | Unset):
        likelihood (Likelihood | None | Unset):
    """

    id: UUID
    actual_text: Achievement | None | Unset = UNSET
    actual_value: None | str | Unset = UNSET
    corrective_measures: str | Unset = UNSET
    deviation_note: str | Unset = UNSET
    deviation_reasons: list[DeviationReason] | Unset = UNSET
    forecast_text: Achievement | None | Unset = UNSET
    forecast_value: None | str | Unset = UNSET
    likelihood: Likelihood | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        actual_text: None | str | Unset
        if isinstance(self.actual_text, Unset):
            actual_text = UNSET
        elif isinstance(self.actual_text, Achievement):
            actual_text = self.actual_text.value
        else:
            actual_text = self.actual_text

        actual_value: None | str | Unset
        if isinstance(self.actual_value, Unset):
            actual_value = UNSET
        else:
            actual_value = self.actual_value

        corrective_measures = self.corrective_measures

        deviation_note = self.deviation_note

        deviation_reasons: list[str] | Unset = UNSET
        if not isinstance(self.deviation_reasons, Unset):
            deviation_reasons = []
            for deviation_reasons_item_data in self.deviation_reasons:
                deviation_reasons_item = deviation_reasons_item_data.value
                deviation_reasons.append(deviation_reasons_item)

        forecast_text: None | str | Unset
        if isinstance(self.forecast_text, Unset):
            forecast_text = UNSET
        elif isinstance(self.forecast_text, Achievement):
            forecast_text = self.forecast_text.value
        else:
            forecast_text = self.forecast_text

        forecast_value: None | str | Unset
        if isinstance(self.forecast_value, Unset):
            forecast_value = UNSET
        else:
            forecast_value = self.forecast_value

        likelihood: None | str | Unset
        if isinstance(self.likelihood, Unset):
            likelihood = UNSET
        elif isinstance(self.likelihood, Likelihood):
            likelihood = self.likelihood.value
        else:
            likelihood = self.likelihood

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
            }
        )
        if actual_text is not UNSET:
            field_dict["actual_text"] = actual_text
        if actual_value is not UNSET:
            field_dict["actual_value"] = actual_value
        if corrective_measures is not UNSET:
            field_dict["corrective_measures"] = corrective_measures
        if deviation_note is not UNSET:
            field_dict["deviation_note"] = deviation_note
        if deviation_reasons is not UNSET:
            field_dict["deviation_reasons"] = deviation_reasons
        if forecast_text is not UNSET:
            field_dict["forecast_text"] = forecast_text
        if forecast_value is not UNSET:
            field_dict["forecast_value"] = forecast_value
        if likelihood is not UNSET:
            field_dict["likelihood"] = likelihood

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        def _parse_actual_text(data: object) -> Achievement | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                actual_text_type_0 = Achievement(data)

                return actual_text_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Achievement | None | Unset, data)

        actual_text = _parse_actual_text(d.pop("actual_text", UNSET))

        def _parse_actual_value(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        actual_value = _parse_actual_value(d.pop("actual_value", UNSET))

        corrective_measures = d.pop("corrective_measures", UNSET)

        deviation_note = d.pop("deviation_note", UNSET)

        _deviation_reasons = d.pop("deviation_reasons", UNSET)
        deviation_reasons: list[DeviationReason] | Unset = UNSET
        if _deviation_reasons is not UNSET:
            deviation_reasons = []
            for deviation_reasons_item_data in _deviation_reasons:
                deviation_reasons_item = DeviationReason(deviation_reasons_item_data)

                deviation_reasons.append(deviation_reasons_item)

        def _parse_forecast_text(data: object) -> Achievement | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                forecast_text_type_0 = Achievement(data)

                return forecast_text_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Achievement | None | Unset, data)

        forecast_text = _parse_forecast_text(d.pop("forecast_text", UNSET))

        def _parse_forecast_value(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        forecast_value = _parse_forecast_value(d.pop("forecast_value", UNSET))

        def _parse_likelihood(data: object) -> Likelihood | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                likelihood_type_0 = Likelihood(data)

                return likelihood_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Likelihood | None | Unset, data)

        likelihood = _parse_likelihood(d.pop("likelihood", UNSET))

        report_indicator_input = cls(
            id=id,
            actual_text=actual_text,
            actual_value=actual_value,
            corrective_measures=corrective_measures,
            deviation_note=deviation_note,
            deviation_reasons=deviation_reasons,
            forecast_text=forecast_text,
            forecast_value=forecast_value,
            likelihood=likelihood,
        )

        return report_indicator_input
