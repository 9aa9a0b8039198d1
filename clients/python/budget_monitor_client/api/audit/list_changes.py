from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.change_page import ChangePage
from ...models.list_changes_read_consistency import ListChangesReadConsistency
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    after: str | Unset = UNSET,
    types: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    read_consistency: ListChangesReadConsistency | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(read_consistency, Unset):
        headers["Read-Consistency"] = str(read_consistency)

    params: dict[str, Any] = {}

    params["after"] = after

    params["types"] = types

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/changes",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ChangePage | Problem | None:
    if response.status_code == 200:
        response_200 = ChangePage.from_dict(response.json())

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ChangePage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    after: str | Unset = UNSET,
    types: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    read_consistency: ListChangesReadConsistency | Unset = UNSET,
) -> Response[ChangePage | Problem]:
    """Changes since a cursor

     Every write the caller may see (the audit trail's visibility: a region's officers and auditors see
    their subtree's, never secret-related ones), as one change per audit event, for systems that sync
    incrementally. Ordered by the transaction that made the change and within it by event: a change is
    given only once the transactions that could come before it have ended, so a transaction that commits
    after a later one is never skipped; it is held back until it commits. Resume with `next_cursor`,
    also after a restart, to miss nothing and see nothing twice. Roles: admin, finance_officer, auditor.

    Args:
        after (str | Unset):
        types (str | Unset):
        limit (int | Unset):
        read_consistency (ListChangesReadConsistency | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChangePage | Problem]
    """

    kwargs = _get_kwargs(
        after=after,
        types=types,
        limit=limit,
        read_consistency=read_consistency,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    after: str | Unset = UNSET,
    types: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    read_consistency: ListChangesReadConsistency | Unset = UNSET,
) -> ChangePage | Problem | None:
    """Changes since a cursor

     Every write the caller may see (the audit trail's visibility: a region's officers and auditors see
    their subtree's, never secret-related ones), as one change per audit event, for systems that sync
    incrementally. Ordered by the transaction that made the change and within it by event: a change is
    given only once the transactions that could come before it have ended, so a transaction that commits
    after a later one is never skipped; it is held back until it commits. Resume with `next_cursor`,
    also after a restart, to miss nothing and see nothing twice. Roles: admin, finance_officer, auditor.

    Args:
        after (str | Unset):
        types (str | Unset):
        limit (int | Unset):
        read_consistency (ListChangesReadConsistency | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChangePage | Problem
    """

    return sync_detailed(
        client=client,
        after=after,
        types=types,
        limit=limit,
        read_consistency=read_consistency,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    after: str | Unset = UNSET,
    types: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    read_consistency: ListChangesReadConsistency | Unset = UNSET,
) -> Response[ChangePage | Problem]:
    """Changes since a cursor

     Every write the caller may see (the audit trail's visibility: a region's officers and auditors see
    their subtree's, never secret-related ones), as one change per audit event, for systems that sync
    incrementally. Ordered by the transaction that made the change and within it by event: a change is
    given only once the transactions that could come before it have ended, so a transaction that commits
    after a later one is never skipped; it is held back until it commits. Resume with `next_cursor`,
    also after a restart, to miss nothing and see nothing twice. Roles: admin, finance_officer, auditor.

    Args:
        after (str | Unset):
        types (str | Unset):
        limit (int | Unset):
        read_consistency (ListChangesReadConsistency | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChangePage | Problem]
    """

    kwargs = _get_kwargs(
        after=after,
        types=types,
        limit=limit,
        read_consistency=read_consistency,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    after: str | Unset = UNSET,
    types: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    read_consistency: ListChangesReadConsistency | Unset = UNSET,
) -> ChangePage | Problem | None:
    """Changes since a cursor

     Every write the caller may see (the audit trail's visibility: a region's officers and auditors see
    their subtree's, never secret-related ones), as one change per audit event, for systems that sync
    incrementally. Ordered by the transaction that made the change and within it by event: a change is
    given only once the transactions that could come before it have ended, so a transaction that commits
    after a later one is never skipped; it is held back until it commits. Resume with `next_cursor`,
    also after a restart, to miss nothing and see nothing twice. Roles: admin, finance_officer, auditor.

    Args:
        after (str | Unset):
        types (str | Unset):
        limit (int | Unset):
        read_consistency (ListChangesReadConsistency | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChangePage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            after=after,
            types=types,
            limit=limit,
            read_consistency=read_consistency,
        )
    ).parsed
