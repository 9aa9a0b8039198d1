from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.achievement import Achievement
from ..models.comparator import Comparator
from ..models.deviation_reason import DeviationReason
from ..models.indicator_forecast_method import IndicatorForecastMethod
from ..models.level_1 import Level1
from ..models.level_2 import Level2
from ..models.likelihood import Likelihood
from ..types import UNSET, Unset

T = TypeVar("T", bound="ReportIndicator")


@_attrs_define
class ReportIndicator:
    """
    Attributes:
        accrues (bool):
        behind (bool): Behind its expected value at the cut-off: deviation reasons and measures are required.
        comparator (Comparator):
        corrective_measures (str):
        deviation_note (str):
        deviation_reasons (list[DeviationReason]):
        id (UUID): Id of this row of the report (use it in `PUT`).
        level1 (Level1):
        level2 (Level2):
        name (str):
        unit (str):
        weight (str):
        actual_measured_on (datetime.date | None | Unset): When that value was measured: the latest value up to the
            round's cut-off.
        actual_source (None | str | Unset): The business system whose measured value is the actual value (`POST
            /indicator-values`), while the system filled it; null when the department did.
        actual_text (Achievement | None | Unset):
        actual_value (None | str | Unset):
        expected_value (None | str | Unset): System: where the indicator should be at the cut-off.
        forecast_method (IndicatorForecastMethod | None | Unset):
        forecast_text (Achievement | None | Unset):
        forecast_value (None | str | Unset):
        indicator_id (None | Unset | UUID):
        likelihood (Likelihood | None | Unset):
        target_text (None | str | Unset):
        target_value (None | str | Unset):
    """

    accrues: bool
    behind: bool
    comparator: Comparator
    corrective_measures: str
    deviation_note: str
    deviation_reasons: list[DeviationReason]
    id: UUID
    level1: Level1
    level2: Level2
    name: str
    unit: str
    weight: str
    actual_measured_on: datetime.date | None | Unset = UNSET
    actual_source: None | str | Unset = UNSET
    actual_text: Achievement | None | Unset = UNSET
    actual_value: None | str | Unset = UNSET
    expected_value: None | str | Unset = UNSET
    forecast_method: IndicatorForecastMethod | None | Unset = UNSET
    forecast_text: Achievement | None | Unset = UNSET
    forecast_value: None | str | Unset = UNSET
    indicator_id: None | Unset | UUID = UNSET
    likelihood: Likelihood | None | Unset = UNSET
    target_text: None | str | Unset = UNSET
    target_value: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        accrues = self.accrues

        behind = self.behind

        comparator = self.comparator.value

        corrective_measures = self.corrective_measures

        deviation_note = self.deviation_note

        deviation_reasons = []
        for deviation_reasons_item_data in self.deviation_reasons:
            deviation_reasons_item = deviation_reasons_item_data.value
            deviation_reasons.append(deviation_reasons_item)

        id = str(self.id)

        level1 = self.level1.value

        level2 = self.level2.value

        name = self.name

        unit = self.unit

        weight = self.weight

        actual_measured_on: None | str | Unset
        if isinstance(self.actual_measured_on, Unset):
            actual_measured_on = UNSET
        elif isinstance(self.actual_measured_on, datetime.date):
            actual_measured_on = self.actual_measured_on.isoformat()
        else:
            actual_measured_on = self.actual_measured_on

        actual_source: None | str | Unset
        if isinstance(self.actual_source, Unset):
            actual_source = UNSET
        else:
            actual_source = self.actual_source

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

        expected_value: None | str | Unset
        if isinstance(self.expected_value, Unset):
            expected_value = UNSET
        else:
            expected_value = self.expected_value

        forecast_method: None | str | Unset
        if isinstance(self.forecast_method, Unset):
            forecast_method = UNSET
        elif isinstance(self.forecast_method, IndicatorForecastMethod):
            forecast_method = self.forecast_method.value
        else:
            forecast_method = self.forecast_method

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

        indicator_id: None | str | Unset
        if isinstance(self.indicator_id, Unset):
            indicator_id = UNSET
        elif isinstance(self.indicator_id, UUID):
            indicator_id = str(self.indicator_id)
        else:
            indicator_id = self.indicator_id

        likelihood: None | str | Unset
        if isinstance(self.likelihood, Unset):
            likelihood = UNSET
        elif isinstance(self.likelihood, Likelihood):
            likelihood = self.likelihood.value
        else:
            likelihood = self.likelihood

        target_text: None | str | Unset
        if isinstance(self.target_text, Unset):
            target_text = UNSET
        else:
            target_text = self.target_text

        target_value: None | str | Unset
        if isinstance(self.target_value, Unset):
            target_value = UNSET
        else:
            target_value = self.target_value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "accrues": accrues,
                "behind": behind,
                "comparator": comparator,
                "corrective_measures": corrective_measures,
                "deviation_note": deviation_note,
                "deviation_reasons": deviation_reasons,
                "id": id,
                "level1": level1,
                "level2": level2,
                "name": name,
                "unit": unit,
                "weight": weight,
            }
        )
        if actual_measured_on is not UNSET:
            field_dict["actual_measured_on"] = actual_measured_on
        if actual_source is not UNSET:
            field_dict["actual_source"] = actual_source
        if actual_text is not UNSET:
            field_dict["actual_text"] = actual_text
        if actual_value is not UNSET:
            field_dict["actual_value"] = actual_value
        if expected_value is not UNSET:
            field_dict["expected_value"] = expected_value
        if forecast_method is not UNSET:
            field_dict["forecast_method"] = forecast_method
        if forecast_text is not UNSET:
            field_dict["forecast_text"] = forecast_text
        if forecast_value is not UNSET:
            field_dict["forecast_value"] = forecast_value
        if indicator_id is not UNSET:
            field_dict["indicator_id"] = indicator_id
        if likelihood is not UNSET:
            field_dict["likelihood"] = likelihood
        if target_text is not UNSET:
            field_dict["target_text"] = target_text
        if target_value is not UNSET:
            field_dict["target_value"] = target_value

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        accrues = d.pop("accrues")

        behind = d.pop("behind")

        comparator = Comparator(d.pop("comparator"))

        corrective_measures = d.pop("corrective_measures")

        deviation_note = d.pop("deviation_note")

        deviation_reasons = []
        _deviation_reasons = d.pop("deviation_reasons")
        for deviation_reasons_item_data in _deviation_reasons:
            deviation_reasons_item = DeviationReason(deviation_reasons_item_data)

            deviation_reasons.append(deviation_reasons_item)

        id = UUID(d.pop("id"))

        level1 = Level1(d.pop("level1"))

        level2 = Level2(d.pop("level2"))

        name = d.pop("name")

        unit = d.pop("unit")

        weight = d.pop("weight")

        def _parse_actual_measured_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                actual_measured_on_type_0 = datetime.date.fromisoformat(data)

                return actual_measured_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        actual_measured_on = _parse_actual_measured_on(d.pop("actual_measured_on", UNSET))

        def _parse_actual_source(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        actual_source = _parse_actual_source(d.pop("actual_source", UNSET))

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

        def _parse_expected_value(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        expected_value = _parse_expected_value(d.pop("expected_value", UNSET))

        def _parse_forecast_method(data: object) -> IndicatorForecastMethod | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                forecast_method_type_0 = IndicatorForecastMethod(data)

                return forecast_method_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(IndicatorForecastMethod | None | Unset, data)

        forecast_method = _parse_forecast_method(d.pop("forecast_method", UNSET))

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

        def _parse_target_text(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        target_text = _parse_target_text(d.pop("target_text", UNSET))

        def _parse_target_value(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        target_value = _parse_target_value(d.pop("target_value", UNSET))

        report_indicator = cls(
            accrues=accrues,
            behind=behind,
            comparator=comparator,
            corrective_measures=corrective_measures,
            deviation_note=deviation_note,
            deviation_reasons=deviation_reasons,
            id=id,
            level1=level1,
            level2=level2,
            name=name,
            unit=unit,
            weight=weight,
            actual_measured_on=actual_measured_on,
            actual_source=actual_source,
            actual_text=actual_text,
            actual_value=actual_value,
            expected_value=expected_value,
            forecast_method=forecast_method,
            forecast_text=forecast_text,
            forecast_value=forecast_value,
            indicator_id=indicator_id,
            likelihood=likelihood,
            target_text=target_text,
            target_value=target_value,
        )

        report_indicator.additional_properties = d
        return report_indicator

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
