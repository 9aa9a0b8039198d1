from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.get_key_monitoring_history_read_consistency import GetKeyMonitoringHistoryReadConsistency
from ...models.key_monitoring_history import KeyMonitoringHistory
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: UUID,
    *,
    read_consistency: GetKeyMonitoringHistoryReadConsistency | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(read_consistency, Unset):
        headers["Read-Consistency"] = str(read_consistency)

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/projects/{id}/key-monitoring".format(
            id=quote(str(id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> KeyMonitoringHistory | Problem | None:
    if response.status_code == 200:
        response_200 = KeyMonitoringHistory.from_dict(response.json())

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
) -> Response[KeyMonitoringHistory | Problem]:
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
    read_consistency: GetKeyMonitoringHistoryReadConsistency | Unset = UNSET,
) -> Response[KeyMonitoringHistory | Problem]:
    """A project's key-monitoring history

     Inspections with findings and opinions, rectifications, fund adjustments, target adjustments and
    results applications of the project (at most 10,000 of each), and reallocations into it from
    projects the caller may see. Roles: admin, finance_officer, auditor, department_officer (within
    scope).

    Args:
        id (UUID):
        read_consistency (GetKeyMonitoringHistoryReadConsistency | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[KeyMonitoringHistory | Problem]
    """

    kwargs = _get_kwargs(
        id=id,
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
    read_consistency: GetKeyMonitoringHistoryReadConsistency | Unset = UNSET,
) -> KeyMonitoringHistory | Problem | None:
    """A project's key-monitoring history

     Inspections with findings and opinions, rectifications, fund adjustments, target adjustments and
    results applications of the project (at most 10,000 of each), and reallocations into it from
    projects the caller may see. Roles: admin, finance_officer, auditor, department_officer (within
    scope).

    Args:
        id (UUID):
        read_consistency (GetKeyMonitoringHistoryReadConsistency | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        KeyMonitoringHistory | Problem
    """

    return sync_detailed(
        id=id,
        client=client,
        read_consistency=read_consistency,
    ).parsed


async def asyncio_detailed(
    id: UUID,
    *,
    client: AuthenticatedClient,
    read_consistency: GetKeyMonitoringHistoryReadConsistency | Unset = UNSET,
) -> Response[KeyMonitoringHistory | Problem]:
    """A project's key-monitoring history

     Inspections with findings and opinions, rectifications, fund adjustments, target adjustments and
    results applications of the project (at most 10,000 of each), and reallocations into it from
    projects the caller may see. Roles: admin, finance_officer, auditor, department_officer (within
    scope).

    Args:
        id (UUID):
        read_consistency (GetKeyMonitoringHistoryReadConsistency | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[KeyMonitoringHistory | Problem]
    """

    kwargs = _get_kwargs(
        id=id,
        read_consistency=read_consistency,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: UUID,
    *,
    client: AuthenticatedClient,
    read_consistency: GetKeyMonitoringHistoryReadConsistency | Unset = UNSET,
) -> KeyMonitoringHistory | Problem | None:
    """A project's key-monitoring history

     Inspections with findings and opinions, rectifications, fund adjustments, target adjustments and
    results applications of the project (at most 10,000 of each), and reallocations into it from
    projects the caller may see. Roles: admin, finance_officer, auditor, department_officer (within
    scope).

    Args:
        id (UUID):
        read_consistency (GetKeyMonitoringHistoryReadConsistency | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        KeyMonitoringHistory | Problem
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            read_consistency=read_consistency,
        )
    ).parsed
