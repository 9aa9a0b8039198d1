from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.report import Report
from ...models.report_input import ReportInput
from ...types import Response


def _get_kwargs(
    id: UUID,
    *,
    body: ReportInput,
    if_match: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/v1/reports/{id}".format(
            id=quote(str(id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | Report | None:
    if response.status_code == 200:
        response_200 = Report.from_dict(response.json())

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

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 412:
        response_412 = Problem.from_dict(response.json())

        return response_412

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 428:
        response_428 = Problem.from_dict(response.json())

        return response_428

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | Report]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: UUID,
    *,
    client: AuthenticatedClient,
    body: ReportInput,
    if_match: str,
) -> Response[Problem | Report]:
    """Fill in a report

     The department's part of the report: forecast, narrative and, per indicator row, actual value,
    forecast, deviation reasons, likelihood and corrective measures. System fields are not accepted
    (422). Only while the report is a draft or returned and the round is not closed (409 otherwise).
    Send `If-Match`. Roles: department_officer (own department).

    Args:
        id (UUID):
        if_match (str):
        body (ReportInput): Everything the department fills in. A PUT replaces it: a text left out
            is stored empty, a
            forecast or `targets_need_adjusting` left out is cleared. Indicator rows not listed keep
            their values; a listed row is replaced the same way. Fields the system computes are not
            accepted. Example: {'construction': 'Two bases are waiting for airspace approval',
            'corrective_measures': '', 'financial_management': '', 'forecast_execution':
            '118000000.00', 'goal_progress': 'Six of eight rescue bases are in service', 'indicators':
            [{'actual_value': '6', 'forecast_value': '8', 'id':
            '0193a0c4-7f43-7000-8000-0000000000d1', 'likelihood': 'certain'}], 'management': '',
            'problems': '', 'targets_need_adjusting': False}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Report]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: UUID,
    *,
    client: AuthenticatedClient,
    body: ReportInput,
    if_match: str,
) -> Problem | Report | None:
    """Fill in a report

     The department's part of the report: forecast, narrative and, per indicator row, actual value,
    forecast, deviation reasons, likelihood and corrective measures. System fields are not accepted
    (422). Only while the report is a draft or returned and the round is not closed (409 otherwise).
    Send `If-Match`. Roles: department_officer (own department).

    Args:
        id (UUID):
        if_match (str):
        body (ReportInput): Everything the department fills in. A PUT replaces it: a text left out
            is stored empty, a
            forecast or `targets_need_adjusting` left out is cleared. Indicator rows not listed keep
            their values; a listed row is replaced the same way. Fields the system computes are not
            accepted. Example: {'construction': 'Two bases are waiting for airspace approval',
            'corrective_measures': '', 'financial_management': '', 'forecast_execution':
            '118000000.00', 'goal_progress': 'Six of eight rescue bases are in service', 'indicators':
            [{'actual_value': '6', 'forecast_value': '8', 'id':
            '0193a0c4-7f43-7000-8000-0000000000d1', 'likelihood': 'certain'}], 'management': '',
            'problems': '', 'targets_need_adjusting': False}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Report
    """

    return sync_detailed(
        id=id,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    id: UUID,
    *,
    client: AuthenticatedClient,
    body: ReportInput,
    if_match: str,
) -> Response[Problem | Report]:
    """Fill in a report

     The department's part of the report: forecast, narrative and, per indicator row, actual value,
    forecast, deviation reasons, likelihood and corrective measures. System fields are not accepted
    (422). Only while the report is a draft or returned and the round is not closed (409 otherwise).
    Send `If-Match`. Roles: department_officer (own department).

    Args:
        id (UUID):
        if_match (str):
        body (ReportInput): Everything the department fills in. A PUT replaces it: a text left out
            is stored empty, a
            forecast or `targets_need_adjusting` left out is cleared. Indicator rows not listed keep
            their values; a listed row is replaced the same way. Fields the system computes are not
            accepted. Example: {'construction': 'Two bases are waiting for airspace approval',
            'corrective_measures': '', 'financial_management': '', 'forecast_execution':
            '118000000.00', 'goal_progress': 'Six of eight rescue bases are in service', 'indicators':
            [{'actual_value': '6', 'forecast_value': '8', 'id':
            '0193a0c4-7f43-7000-8000-0000000000d1', 'likelihood': 'certain'}], 'management': '',
            'problems': '', 'targets_need_adjusting': False}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Report]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: UUID,
    *,
    client: AuthenticatedClient,
    body: ReportInput,
    if_match: str,
) -> Problem | Report | None:
    """Fill in a report

     The department's part of the report: forecast, narrative and, per indicator row, actual value,
    forecast, deviation reasons, likelihood and corrective measures. System fields are not accepted
    (422). Only while the report is a draft or returned and the round is not closed (409 otherwise).
    Send `If-Match`. Roles: department_officer (own department).

    Args:
        id (UUID):
        if_match (str):
        body (ReportInput): Everything the department fills in. A PUT replaces it: a text left out
            is stored empty, a
            forecast or `targets_need_adjusting` left out is cleared. Indicator rows not listed keep
            their values; a listed row is replaced the same way. Fields the system computes are not
            accepted. Example: {'construction': 'Two bases are waiting for airspace approval',
            'corrective_measures': '', 'financial_management': '', 'forecast_execution':
            '118000000.00', 'goal_progress': 'Six of eight rescue bases are in service', 'indicators':
            [{'actual_value': '6', 'forecast_value': '8', 'id':
            '0193a0c4-7f43-7000-8000-0000000000d1', 'likelihood': 'certain'}], 'management': '',
            'problems': '', 'targets_need_adjusting': False}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Report
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
