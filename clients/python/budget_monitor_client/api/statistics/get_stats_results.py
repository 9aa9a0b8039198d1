from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.get_stats_results_read_consistency import GetStatsResultsReadConsistency
from ...models.problem import Problem
from ...models.results_figures import ResultsFigures
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    region: str,
    year: int,
    read_consistency: GetStatsResultsReadConsistency | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(read_consistency, Unset):
        headers["Read-Consistency"] = str(read_consistency)

    params: dict[str, Any] = {}

    params["region"] = region

    params["year"] = year

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/stats/results",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | ResultsFigures | None:
    if response.status_code == 200:
        response_200 = ResultsFigures.from_dict(response.json())

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
) -> Response[Problem | ResultsFigures]:
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
    read_consistency: GetStatsResultsReadConsistency | Unset = UNSET,
) -> Response[Problem | ResultsFigures]:
    """Results statistics of a region

     What the year's monitoring led to in the region's subtree as far as the caller sees it (a city
    officer asking about its province gets its city; a department officer its department): target
    adjustments requested, approved and rejected; results applications recorded, by measure, and how
    many differ from the suggestion; the money moved into next year's budgets (reduced, raised, net) and
    how many of next year's projects follow it; policy revisions suggested and revised. Secret-related
    projects are never counted. Counted from the records on each request: these tables hold one row per
    decision, not per report. Roles: admin, finance_officer, auditor, department_officer.

    Args:
        region (str):
        year (int):
        read_consistency (GetStatsResultsReadConsistency | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ResultsFigures]
    """

    kwargs = _get_kwargs(
        region=region,
        year=year,
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
    read_consistency: GetStatsResultsReadConsistency | Unset = UNSET,
) -> Problem | ResultsFigures | None:
    """Results statistics of a region

     What the year's monitoring led to in the region's subtree as far as the caller sees it (a city
    officer asking about its province gets its city; a department officer its department): target
    adjustments requested, approved and rejected; results applications recorded, by measure, and how
    many differ from the suggestion; the money moved into next year's budgets (reduced, raised, net) and
    how many of next year's projects follow it; policy revisions suggested and revised. Secret-related
    projects are never counted. Counted from the records on each request: these tables hold one row per
    decision, not per report. Roles: admin, finance_officer, auditor, department_officer.

    Args:
        region (str):
        year (int):
        read_consistency (GetStatsResultsReadConsistency | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ResultsFigures
    """

    return sync_detailed(
        client=client,
        region=region,
        year=year,
        read_consistency=read_consistency,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    region: str,
    year: int,
    read_consistency: GetStatsResultsReadConsistency | Unset = UNSET,
) -> Response[Problem | ResultsFigures]:
    """Results statistics of a region

     What the year's monitoring led to in the region's subtree as far as the caller sees it (a city
    officer asking about its province gets its city; a department officer its department): target
    adjustments requested, approved and rejected; results applications recorded, by measure, and how
    many differ from the suggestion; the money moved into next year's budgets (reduced, raised, net) and
    how many of next year's projects follow it; policy revisions suggested and revised. Secret-related
    projects are never counted. Counted from the records on each request: these tables hold one row per
    decision, not per report. Roles: admin, finance_officer, auditor, department_officer.

    Args:
        region (str):
        year (int):
        read_consistency (GetStatsResultsReadConsistency | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ResultsFigures]
    """

    kwargs = _get_kwargs(
        region=region,
        year=year,
        read_consistency=read_consistency,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    region: str,
    year: int,
    read_consistency: GetStatsResultsReadConsistency | Unset = UNSET,
) -> Problem | ResultsFigures | None:
    """Results statistics of a region

     What the year's monitoring led to in the region's subtree as far as the caller sees it (a city
    officer asking about its province gets its city; a department officer its department): target
    adjustments requested, approved and rejected; results applications recorded, by measure, and how
    many differ from the suggestion; the money moved into next year's budgets (reduced, raised, net) and
    how many of next year's projects follow it; policy revisions suggested and revised. Secret-related
    projects are never counted. Counted from the records on each request: these tables hold one row per
    decision, not per report. Roles: admin, finance_officer, auditor, department_officer.

    Args:
        region (str):
        year (int):
        read_consistency (GetStatsResultsReadConsistency | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ResultsFigures
    """

    return (
        await asyncio_detailed(
            client=client,
            region=region,
            year=year,
            read_consistency=read_consistency,
        )
    ).parsed
