from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.list_round_results_read_consistency import ListRoundResultsReadConsistency
from ...models.page_round_result import PageRoundResult
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: UUID,
    *,
    department: UUID | Unset = UNSET,
    applied: bool | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    read_consistency: ListRoundResultsReadConsistency | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(read_consistency, Unset):
        headers["Read-Consistency"] = str(read_consistency)

    params: dict[str, Any] = {}

    json_department: str | Unset = UNSET
    if not isinstance(department, Unset):
        json_department = str(department)
    params["department"] = json_department

    params["applied"] = applied

    params["limit"] = limit

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/rounds/{id}/results".format(
            id=quote(str(id), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageRoundResult | Problem | None:
    if response.status_code == 200:
        response_200 = PageRoundResult.from_dict(response.json())

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
) -> Response[PageRoundResult | Problem]:
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
    department: UUID | Unset = UNSET,
    applied: bool | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    read_consistency: ListRoundResultsReadConsistency | Unset = UNSET,
) -> Response[PageRoundResult | Problem]:
    """Results of a round's projects

     Each project of the round in the caller's scope, by project code: its score, grade and overall
    light, what the region's suggestion rules (warning-rule settings `result_suggestions`) suggest for
    them with the rule that matched, and the decision recorded, if any. Roles: admin, finance_officer,
    auditor, department_officer.

    Args:
        id (UUID):
        department (UUID | Unset):
        applied (bool | Unset):
        limit (int | Unset):
        cursor (str | Unset):
        read_consistency (ListRoundResultsReadConsistency | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageRoundResult | Problem]
    """

    kwargs = _get_kwargs(
        id=id,
        department=department,
        applied=applied,
        limit=limit,
        cursor=cursor,
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
    department: UUID | Unset = UNSET,
    applied: bool | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    read_consistency: ListRoundResultsReadConsistency | Unset = UNSET,
) -> PageRoundResult | Problem | None:
    """Results of a round's projects

     Each project of the round in the caller's scope, by project code: its score, grade and overall
    light, what the region's suggestion rules (warning-rule settings `result_suggestions`) suggest for
    them with the rule that matched, and the decision recorded, if any. Roles: admin, finance_officer,
    auditor, department_officer.

    Args:
        id (UUID):
        department (UUID | Unset):
        applied (bool | Unset):
        limit (int | Unset):
        cursor (str | Unset):
        read_consistency (ListRoundResultsReadConsistency | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageRoundResult | Problem
    """

    return sync_detailed(
        id=id,
        client=client,
        department=department,
        applied=applied,
        limit=limit,
        cursor=cursor,
        read_consistency=read_consistency,
    ).parsed


async def asyncio_detailed(
    id: UUID,
    *,
    client: AuthenticatedClient,
    department: UUID | Unset = UNSET,
    applied: bool | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    read_consistency: ListRoundResultsReadConsistency | Unset = UNSET,
) -> Response[PageRoundResult | Problem]:
    """Results of a round's projects

     Each project of the round in the caller's scope, by project code: its score, grade and overall
    light, what the region's suggestion rules (warning-rule settings `result_suggestions`) suggest for
    them with the rule that matched, and the decision recorded, if any. Roles: admin, finance_officer,
    auditor, department_officer.

    Args:
        id (UUID):
        department (UUID | Unset):
        applied (bool | Unset):
        limit (int | Unset):
        cursor (str | Unset):
        read_consistency (ListRoundResultsReadConsistency | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageRoundResult | Problem]
    """

    kwargs = _get_kwargs(
        id=id,
        department=department,
        applied=applied,
        limit=limit,
        cursor=cursor,
        read_consistency=read_consistency,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: UUID,
    *,
    client: AuthenticatedClient,
    department: UUID | Unset = UNSET,
    applied: bool | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    read_consistency: ListRoundResultsReadConsistency | Unset = UNSET,
) -> PageRoundResult | Problem | None:
    """Results of a round's projects

     Each project of the round in the caller's scope, by project code: its score, grade and overall
    light, what the region's suggestion rules (warning-rule settings `result_suggestions`) suggest for
    them with the rule that matched, and the decision recorded, if any. Roles: admin, finance_officer,
    auditor, department_officer.

    Args:
        id (UUID):
        department (UUID | Unset):
        applied (bool | Unset):
        limit (int | Unset):
        cursor (str | Unset):
        read_consistency (ListRoundResultsReadConsistency | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageRoundResult | Problem
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            department=department,
            applied=applied,
            limit=limit,
            cursor=cursor,
            read_consistency=read_consistency,
        )
    ).parsed
