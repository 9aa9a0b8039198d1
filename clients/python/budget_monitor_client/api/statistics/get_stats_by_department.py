from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.export_format import ExportFormat
from ...models.get_stats_by_department_read_consistency import GetStatsByDepartmentReadConsistency
from ...models.page_department_ranking import PageDepartmentRanking
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    region: str,
    year: int,
    round_: UUID,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    format_: ExportFormat | Unset = UNSET,
    read_consistency: GetStatsByDepartmentReadConsistency | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(read_consistency, Unset):
        headers["Read-Consistency"] = str(read_consistency)

    params: dict[str, Any] = {}

    params["region"] = region

    params["year"] = year

    json_round_ = str(round_)
    params["round"] = json_round_

    params["limit"] = limit

    params["cursor"] = cursor

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/stats/departments",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageDepartmentRanking | Problem | None:
    if response.status_code == 200:
        response_200 = PageDepartmentRanking.from_dict(response.json())

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
) -> Response[PageDepartmentRanking | Problem]:
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
    round_: UUID,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    format_: ExportFormat | Unset = UNSET,
    read_consistency: GetStatsByDepartmentReadConsistency | Unset = UNSET,
) -> Response[PageDepartmentRanking | Problem]:
    """Statistics per department

     Each department of the region (and below) with reports in the round: score (0.9 × budget-weighted
    mean of its project scores + 0.1 × monitoring quality), grade, rank within the region, reports, late
    reports and project lights; the same as the round's rankings. Roles: admin, finance_officer,
    auditor.

    Args:
        region (str):
        year (int):
        round_ (UUID):
        limit (int | Unset):
        cursor (str | Unset):
        format_ (ExportFormat | Unset): `json` (the default), or `csv` or `xlsx` for every
            matching row as a file.
        read_consistency (GetStatsByDepartmentReadConsistency | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageDepartmentRanking | Problem]
    """

    kwargs = _get_kwargs(
        region=region,
        year=year,
        round_=round_,
        limit=limit,
        cursor=cursor,
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
    round_: UUID,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    format_: ExportFormat | Unset = UNSET,
    read_consistency: GetStatsByDepartmentReadConsistency | Unset = UNSET,
) -> PageDepartmentRanking | Problem | None:
    """Statistics per department

     Each department of the region (and below) with reports in the round: score (0.9 × budget-weighted
    mean of its project scores + 0.1 × monitoring quality), grade, rank within the region, reports, late
    reports and project lights; the same as the round's rankings. Roles: admin, finance_officer,
    auditor.

    Args:
        region (str):
        year (int):
        round_ (UUID):
        limit (int | Unset):
        cursor (str | Unset):
        format_ (ExportFormat | Unset): `json` (the default), or `csv` or `xlsx` for every
            matching row as a file.
        read_consistency (GetStatsByDepartmentReadConsistency | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageDepartmentRanking | Problem
    """

    return sync_detailed(
        client=client,
        region=region,
        year=year,
        round_=round_,
        limit=limit,
        cursor=cursor,
        format_=format_,
        read_consistency=read_consistency,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    region: str,
    year: int,
    round_: UUID,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    format_: ExportFormat | Unset = UNSET,
    read_consistency: GetStatsByDepartmentReadConsistency | Unset = UNSET,
) -> Response[PageDepartmentRanking | Problem]:
    """Statistics per department

     Each department of the region (and below) with reports in the round: score (0.9 × budget-weighted
    mean of its project scores + 0.1 × monitoring quality), grade, rank within the region, reports, late
    reports and project lights; the same as the round's rankings. Roles: admin, finance_officer,
    auditor.

    Args:
        region (str):
        year (int):
        round_ (UUID):
        limit (int | Unset):
        cursor (str | Unset):
        format_ (ExportFormat | Unset): `json` (the default), or `csv` or `xlsx` for every
            matching row as a file.
        read_consistency (GetStatsByDepartmentReadConsistency | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageDepartmentRanking | Problem]
    """

    kwargs = _get_kwargs(
        region=region,
        year=year,
        round_=round_,
        limit=limit,
        cursor=cursor,
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
    round_: UUID,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    format_: ExportFormat | Unset = UNSET,
    read_consistency: GetStatsByDepartmentReadConsistency | Unset = UNSET,
) -> PageDepartmentRanking | Problem | None:
    """Statistics per department

     Each department of the region (and below) with reports in the round: score (0.9 × budget-weighted
    mean of its project scores + 0.1 × monitoring quality), grade, rank within the region, reports, late
    reports and project lights; the same as the round's rankings. Roles: admin, finance_officer,
    auditor.

    Args:
        region (str):
        year (int):
        round_ (UUID):
        limit (int | Unset):
        cursor (str | Unset):
        format_ (ExportFormat | Unset): `json` (the default), or `csv` or `xlsx` for every
            matching row as a file.
        read_consistency (GetStatsByDepartmentReadConsistency | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageDepartmentRanking | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            region=region,
            year=year,
            round_=round_,
            limit=limit,
            cursor=cursor,
            format_=format_,
            read_consistency=read_consistency,
        )
    ).parsed
