from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.indicator_value_batch import IndicatorValueBatch
from ...models.indicator_value_report import IndicatorValueReport
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: IndicatorValueBatch,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/indicator-values",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> IndicatorValueReport | Problem | None:
    if response.status_code == 200:
        response_200 = IndicatorValueReport.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 500:
        response_500 = Problem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[IndicatorValueReport | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: IndicatorValueBatch,
    idempotency_key: str | Unset = UNSET,
) -> Response[IndicatorValueReport | Problem]:
    """Send measured indicator values

     Up to 10,000 values per request from business systems, each reported by index as the spending feed
    does: `created`, `duplicate` (the indicator already has this `external_ref` with the same date and
    value, so it is counted once), `rejected` with its reasons (no such indicator in the caller's scope
    — classified projects included —, a name matching several indicators, a value of the wrong kind, a
    date outside the project's fiscal year, a reference reused with other data) or `not_processed`
    (resend it). Values are written 500 to a transaction. In the same transaction, the reports still
    being filled in whose cut-off is on or after the date take the latest value measured up to their
    cut-off as their actual value, with its source and date, unless the department has set the actual
    value itself. `Idempotency-Key` makes a retry safe, as for spending records. Roles: admin,
    finance_officer.

    Args:
        idempotency_key (str | Unset):
        body (IndicatorValueBatch):  Example: {'items': [{'external_ref': 'QDJT-2021-07-25-014',
            'fiscal_year': 2021, 'indicator_name': 'Bus lanes opened', 'measured_on': '2021-07-25',
            'project_code': 'QD2021-JT-014', 'region_code': '370200', 'source_system': 'qingdao-
            transport', 'value': '18'}, {'achievement': 'partly_achieved', 'external_ref':
            'QDPM-2021-0731-88', 'indicator_id': '0193a0c4-7f43-7000-8000-0000000000c3',
            'measured_on': '2021-07-30', 'source_system': 'qingdao-project-management'}]}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IndicatorValueReport | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: IndicatorValueBatch,
    idempotency_key: str | Unset = UNSET,
) -> IndicatorValueReport | Problem | None:
    """Send measured indicator values

     Up to 10,000 values per request from business systems, each reported by index as the spending feed
    does: `created`, `duplicate` (the indicator already has this `external_ref` with the same date and
    value, so it is counted once), `rejected` with its reasons (no such indicator in the caller's scope
    — classified projects included —, a name matching several indicators, a value of the wrong kind, a
    date outside the project's fiscal year, a reference reused with other data) or `not_processed`
    (resend it). Values are written 500 to a transaction. In the same transaction, the reports still
    being filled in whose cut-off is on or after the date take the latest value measured up to their
    cut-off as their actual value, with its source and date, unless the department has set the actual
    value itself. `Idempotency-Key` makes a retry safe, as for spending records. Roles: admin,
    finance_officer.

    Args:
        idempotency_key (str | Unset):
        body (IndicatorValueBatch):  Example: {'items': [{'external_ref': 'QDJT-2021-07-25-014',
            'fiscal_year': 2021, 'indicator_name': 'Bus lanes opened', 'measured_on': '2021-07-25',
            'project_code': 'QD2021-JT-014', 'region_code': '370200', 'source_system': 'qingdao-
            transport', 'value': '18'}, {'achievement': 'partly_achieved', 'external_ref':
            'QDPM-2021-0731-88', 'indicator_id': '0193a0c4-7f43-7000-8000-0000000000c3',
            'measured_on': '2021-07-30', 'source_system': 'qingdao-project-management'}]}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IndicatorValueReport | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: IndicatorValueBatch,
    idempotency_key: str | Unset = UNSET,
) -> Response[IndicatorValueReport | Problem]:
    """Send measured indicator values

     Up to 10,000 values per request from business systems, each reported by index as the spending feed
    does: `created`, `duplicate` (the indicator already has this `external_ref` with the same date and
    value, so it is counted once), `rejected` with its reasons (no such indicator in the caller's scope
    — classified projects included —, a name matching several indicators, a value of the wrong kind, a
    date outside the project's fiscal year, a reference reused with other data) or `not_processed`
    (resend it). Values are written 500 to a transaction. In the same transaction, the reports still
    being filled in whose cut-off is on or after the date take the latest value measured up to their
    cut-off as their actual value, with its source and date, unless the department has set the actual
    value itself. `Idempotency-Key` makes a retry safe, as for spending records. Roles: admin,
    finance_officer.

    Args:
        idempotency_key (str | Unset):
        body (IndicatorValueBatch):  Example: {'items': [{'external_ref': 'QDJT-2021-07-25-014',
            'fiscal_year': 2021, 'indicator_name': 'Bus lanes opened', 'measured_on': '2021-07-25',
            'project_code': 'QD2021-JT-014', 'region_code': '370200', 'source_system': 'qingdao-
            transport', 'value': '18'}, {'achievement': 'partly_achieved', 'external_ref':
            'QDPM-2021-0731-88', 'indicator_id': '0193a0c4-7f43-7000-8000-0000000000c3',
            'measured_on': '2021-07-30', 'source_system': 'qingdao-project-management'}]}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IndicatorValueReport | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: IndicatorValueBatch,
    idempotency_key: str | Unset = UNSET,
) -> IndicatorValueReport | Problem | None:
    """Send measured indicator values

     Up to 10,000 values per request from business systems, each reported by index as the spending feed
    does: `created`, `duplicate` (the indicator already has this `external_ref` with the same date and
    value, so it is counted once), `rejected` with its reasons (no such indicator in the caller's scope
    — classified projects included —, a name matching several indicators, a value of the wrong kind, a
    date outside the project's fiscal year, a reference reused with other data) or `not_processed`
    (resend it). Values are written 500 to a transaction. In the same transaction, the reports still
    being filled in whose cut-off is on or after the date take the latest value measured up to their
    cut-off as their actual value, with its source and date, unless the department has set the actual
    value itself. `Idempotency-Key` makes a retry safe, as for spending records. Roles: admin,
    finance_officer.

    Args:
        idempotency_key (str | Unset):
        body (IndicatorValueBatch):  Example: {'items': [{'external_ref': 'QDJT-2021-07-25-014',
            'fiscal_year': 2021, 'indicator_name': 'Bus lanes opened', 'measured_on': '2021-07-25',
            'project_code': 'QD2021-JT-014', 'region_code': '370200', 'source_system': 'qingdao-
            transport', 'value': '18'}, {'achievement': 'partly_achieved', 'external_ref':
            'QDPM-2021-0731-88', 'indicator_id': '0193a0c4-7f43-7000-8000-0000000000c3',
            'measured_on': '2021-07-30', 'source_system': 'qingdao-project-management'}]}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IndicatorValueReport | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
