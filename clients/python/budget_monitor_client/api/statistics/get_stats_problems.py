from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.export_format import ExportFormat
from ...models.get_stats_problems_read_consistency import GetStatsProblemsReadConsistency
from ...models.problem import Problem
from ...models.problem_row import ProblemRow
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    region: str,
    year: int,
    round_: UUID | Unset = UNSET,
    format_: ExportFormat | Unset = UNSET,
    read_consistency: GetStatsProblemsReadConsistency | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(read_consistency, Unset):
        headers["Read-Consistency"] = str(read_consistency)

    params: dict[str, Any] = {}

    params["region"] = region

    params["year"] = year

    json_round_: str | Unset = UNSET
    if not isinstance(round_, Unset):
        json_round_ = str(round_)
    params["round"] = json_round_

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/stats/problems",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | list[ProblemRow] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = ProblemRow.from_dict(response_200_item_data)

            response_200.append(response_200_item)

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
) -> Response[Problem | list[ProblemRow]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    region: str,
    year: int,
    round_: UUID | Unset = UNSET,
    format_: ExportFormat | Unset = UNSET,
    read_consistency: GetStatsProblemsReadConsistency | Unset = UNSET,
) -> Response[Problem | list[ProblemRow]]:
    """Problems found, by category and region

     Findings of key monitoring in the year, per category, for the region's own level and each child
    region, with the amounts they name. Roles: admin, finance_officer, auditor, department_officer.

    Args:
        region (str):
        year (int):
        round_ (UUID | Unset):
        format_ (ExportFormat | Unset): `json` (the default), or `csv` or `xlsx` for every
            matching row as a file.
        read_consistency (GetStatsProblemsReadConsistency | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[ProblemRow]]
    """

    kwargs = _get_kwargs(
        region=region,
        year=year,
        round_=round_,
        format_=format_,
        read_consistency=read_consistency,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    region: str,
    year: int,
    round_: UUID | Unset = UNSET,
    format_: ExportFormat | Unset = UNSET,
    read_consistency: GetStatsProblemsReadConsistency | Unset = UNSET,
) -> Problem | list[ProblemRow] | None:
    """Problems found, by category and region

     Findings of key monitoring in the year, per category, for the region's own level and each child
    region, with the amounts they name. Roles: admin, finance_officer, auditor, department_officer.

    Args:
        region (str):
        year (int):
        round_ (UUID | Unset):
        format_ (ExportFormat | Unset): `json` (the default), or `csv` or `xlsx` for every
            matching row as a file.
        read_consistency (GetStatsProblemsReadConsistency | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[ProblemRow]
    """

    return sync_detailed(
        client=client,
        region=region,
        year=year,
        round_=round_,
        format_=format_,
        read_consistency=read_consistency,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    region: str,
    year: int,
    round_: UUID | Unset = UNSET,
    format_: ExportFormat | Unset = UNSET,
    read_consistency: GetStatsProblemsReadConsistency | Unset = UNSET,
) -> Response[Problem | list[ProblemRow]]:
    """Problems found, by category and region

     Findings of key monitoring in the year, per category, for the region's own level and each child
    region, with the amounts they name. Roles: admin, finance_officer, auditor, department_officer.

    Args:
        region (str):
        year (int):
        round_ (UUID | Unset):
        format_ (ExportFormat | Unset): `json` (the default), or `csv` or `xlsx` for every
            matching row as a file.
        read_consistency (GetStatsProblemsReadConsistency | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[ProblemRow]]
    """

    kwargs = _get_kwargs(
        region=region,
        year=year,
        round_=round_,
        format_=format_,
        read_consistency=read_consistency,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    region: str,
    year: int,
    round_: UUID | Unset = UNSET,
    format_: ExportFormat | Unset = UNSET,
    read_consistency: GetStatsProblemsReadConsistency | Unset = UNSET,
) -> Problem | list[ProblemRow] | None:
    """Problems found, by category and region

     Findings of key monitoring in the year, per category, for the region's own level and each child
    region, with the amounts they name. Roles: admin, finance_officer, auditor, department_officer.

    Args:
        region (str):
        year (int):
        round_ (UUID | Unset):
        format_ (ExportFormat | Unset): `json` (the default), or `csv` or `xlsx` for every
            matching row as a file.
        read_consistency (GetStatsProblemsReadConsistency | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[ProblemRow]
    """

    return (
        await asyncio_detailed(
            client=client,
            region=region,
            year=year,
            round_=round_,
            format_=format_,
            read_consistency=read_consistency,
        )
    ).parsed
