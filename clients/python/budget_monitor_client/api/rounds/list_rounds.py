from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.list_rounds_read_consistency import ListRoundsReadConsistency
from ...models.page_round import PageRound
from ...models.problem import Problem
from ...models.region_level import RegionLevel
from ...models.round_status import RoundStatus
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    fiscal_year: int | Unset = UNSET,
    status: RoundStatus | Unset = UNSET,
    region: str | Unset = UNSET,
    level: RegionLevel | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    read_consistency: ListRoundsReadConsistency | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(read_consistency, Unset):
        headers["Read-Consistency"] = str(read_consistency)

    params: dict[str, Any] = {}

    params["fiscal_year"] = fiscal_year

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params["region"] = region

    json_level: str | Unset = UNSET
    if not isinstance(level, Unset):
        json_level = level.value

    params["level"] = json_level

    params["limit"] = limit

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/rounds",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PageRound | Problem | None:
    if response.status_code == 200:
        response_200 = PageRound.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PageRound | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    fiscal_year: int | Unset = UNSET,
    status: RoundStatus | Unset = UNSET,
    region: str | Unset = UNSET,
    level: RegionLevel | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    read_consistency: ListRoundsReadConsistency | Unset = UNSET,
) -> Response[PageRound | Problem]:
    """List rounds

     Rounds of the caller's subtree and of the regions above it (a provincial round covers a city's
    projects), newest first. Roles: admin, finance_officer, auditor, department_officer.

    Args:
        fiscal_year (int | Unset):
        status (RoundStatus | Unset):
        region (str | Unset):
        level (RegionLevel | Unset):
        limit (int | Unset):
        cursor (str | Unset):
        read_consistency (ListRoundsReadConsistency | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageRound | Problem]
    """

    kwargs = _get_kwargs(
        fiscal_year=fiscal_year,
        status=status,
        region=region,
        level=level,
        limit=limit,
        cursor=cursor,
        read_consistency=read_consistency,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    fiscal_year: int | Unset = UNSET,
    status: RoundStatus | Unset = UNSET,
    region: str | Unset = UNSET,
    level: RegionLevel | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    read_consistency: ListRoundsReadConsistency | Unset = UNSET,
) -> PageRound | Problem | None:
    """List rounds

     Rounds of the caller's subtree and of the regions above it (a provincial round covers a city's
    projects), newest first. Roles: admin, finance_officer, auditor, department_officer.

    Args:
        fiscal_year (int | Unset):
        status (RoundStatus | Unset):
        region (str | Unset):
        level (RegionLevel | Unset):
        limit (int | Unset):
        cursor (str | Unset):
        read_consistency (ListRoundsReadConsistency | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageRound | Problem
    """

    return sync_detailed(
        client=client,
        fiscal_year=fiscal_year,
        status=status,
        region=region,
        level=level,
        limit=limit,
        cursor=cursor,
        read_consistency=read_consistency,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    fiscal_year: int | Unset = UNSET,
    status: RoundStatus | Unset = UNSET,
    region: str | Unset = UNSET,
    level: RegionLevel | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    read_consistency: ListRoundsReadConsistency | Unset = UNSET,
) -> Response[PageRound | Problem]:
    """List rounds

     Rounds of the caller's subtree and of the regions above it (a provincial round covers a city's
    projects), newest first. Roles: admin, finance_officer, auditor, department_officer.

    Args:
        fiscal_year (int | Unset):
        status (RoundStatus | Unset):
        region (str | Unset):
        level (RegionLevel | Unset):
        limit (int | Unset):
        cursor (str | Unset):
        read_consistency (ListRoundsReadConsistency | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageRound | Problem]
    """

    kwargs = _get_kwargs(
        fiscal_year=fiscal_year,
        status=status,
        region=region,
        level=level,
        limit=limit,
        cursor=cursor,
        read_consistency=read_consistency,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    fiscal_year: int | Unset = UNSET,
    status: RoundStatus | Unset = UNSET,
    region: str | Unset = UNSET,
    level: RegionLevel | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    read_consistency: ListRoundsReadConsistency | Unset = UNSET,
) -> PageRound | Problem | None:
    """List rounds

     Rounds of the caller's subtree and of the regions above it (a provincial round covers a city's
    projects), newest first. Roles: admin, finance_officer, auditor, department_officer.

    Args:
        fiscal_year (int | Unset):
        status (RoundStatus | Unset):
        region (str | Unset):
        level (RegionLevel | Unset):
        limit (int | Unset):
        cursor (str | Unset):
        read_consistency (ListRoundsReadConsistency | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageRound | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            fiscal_year=fiscal_year,
            status=status,
            region=region,
            level=level,
            limit=limit,
            cursor=cursor,
            read_consistency=read_consistency,
        )
    ).parsed
