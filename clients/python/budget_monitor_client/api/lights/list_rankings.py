from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.export_format import ExportFormat
from ...models.list_rankings_read_consistency import ListRankingsReadConsistency
from ...models.page_department_ranking import PageDepartmentRanking
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: UUID,
    *,
    region: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    format_: ExportFormat | Unset = UNSET,
    read_consistency: ListRankingsReadConsistency | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(read_consistency, Unset):
        headers["Read-Consistency"] = str(read_consistency)

    params: dict[str, Any] = {}

    params["region"] = region

    params["limit"] = limit

    params["cursor"] = cursor

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/rounds/{id}/rankings".format(
            id=quote(str(id), safe=""),
        ),
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
    id: UUID,
    *,
    client: AuthenticatedClient,
    region: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    format_: ExportFormat | Unset = UNSET,
    read_consistency: ListRankingsReadConsistency | Unset = UNSET,
) -> Response[PageDepartmentRanking | Problem]:
    """Department rankings

     The departments of the region (and below) with reports in the round, best score first: score, grade,
    monitoring quality, light counts, late reports. `format=csv` (or `Accept: text/csv`) and
    `format=xlsx` give the same rows as a file. Roles: admin, finance_officer, auditor.

    Args:
        id (UUID):
        region (str | Unset):
        limit (int | Unset):
        cursor (str | Unset):
        format_ (ExportFormat | Unset): `json` (the default), or `csv` or `xlsx` for every
            matching row as a file.
        read_consistency (ListRankingsReadConsistency | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageDepartmentRanking | Problem]
    """

    kwargs = _get_kwargs(
        id=id,
        region=region,
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
    id: UUID,
    *,
    client: AuthenticatedClient,
    region: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    format_: ExportFormat | Unset = UNSET,
    read_consistency: ListRankingsReadConsistency | Unset = UNSET,
) -> PageDepartmentRanking | Problem | None:
    """Department rankings

     The departments of the region (and below) with reports in the round, best score first: score, grade,
    monitoring quality, light counts, late reports. `format=csv` (or `Accept: text/csv`) and
    `format=xlsx` give the same rows as a file. Roles: admin, finance_officer, auditor.

    Args:
        id (UUID):
        region (str | Unset):
        limit (int | Unset):
        cursor (str | Unset):
        format_ (ExportFormat | Unset): `json` (the default), or `csv` or `xlsx` for every
            matching row as a file.
        read_consistency (ListRankingsReadConsistency | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageDepartmentRanking | Problem
    """

    return sync_detailed(
        id=id,
        client=client,
        region=region,
        limit=limit,
        cursor=cursor,
        format_=format_,
        read_consistency=read_consistency,
    ).parsed


async def asyncio_detailed(
    id: UUID,
    *,
    client: AuthenticatedClient,
    region: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    format_: ExportFormat | Unset = UNSET,
    read_consistency: ListRankingsReadConsistency | Unset = UNSET,
) -> Response[PageDepartmentRanking | Problem]:
    """Department rankings

     The departments of the region (and below) with reports in the round, best score first: score, grade,
    monitoring quality, light counts, late reports. `format=csv` (or `Accept: text/csv`) and
    `format=xlsx` give the same rows as a file. Roles: admin, finance_officer, auditor.

    Args:
        id (UUID):
        region (str | Unset):
        limit (int | Unset):
        cursor (str | Unset):
        format_ (ExportFormat | Unset): `json` (the default), or `csv` or `xlsx` for every
            matching row as a file.
        read_consistency (ListRankingsReadConsistency | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageDepartmentRanking | Problem]
    """

    kwargs = _get_kwargs(
        id=id,
        region=region,
        limit=limit,
        cursor=cursor,
        format_=format_,
        read_consistency=read_consistency,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: UUID,
    *,
    client: AuthenticatedClient,
    region: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    format_: ExportFormat | Unset = UNSET,
    read_consistency: ListRankingsReadConsistency | Unset = UNSET,
) -> PageDepartmentRanking | Problem | None:
    """Department rankings

     The departments of the region (and below) with reports in the round, best score first: score, grade,
    monitoring quality, light counts, late reports. `format=csv` (or `Accept: text/csv`) and
    `format=xlsx` give the same rows as a file. Roles: admin, finance_officer, auditor.

    Args:
        id (UUID):
        region (str | Unset):
        limit (int | Unset):
        cursor (str | Unset):
        format_ (ExportFormat | Unset): `json` (the default), or `csv` or `xlsx` for every
            matching row as a file.
        read_consistency (ListRankingsReadConsistency | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageDepartmentRanking | Problem
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            region=region,
            limit=limit,
            cursor=cursor,
            format_=format_,
            read_consistency=read_consistency,
        )
    ).parsed
