from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.service_readiness import ServiceReadiness
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/readyz",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | ServiceReadiness | None:
    if response.status_code == 200:
        response_200 = ServiceReadiness.from_dict(response.json())

        return response_200

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | ServiceReadiness]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[Problem | ServiceReadiness]:
    """Readiness check

     Runs a trivial query on a pooled connection of the primary. Answers 503 with `Retry-After` while the
    database is unreachable or no connection frees up within the pool timeout, and 200 again as soon as
    it is back, without a restart. With a read replica configured, `read_replica` shows whether it
    answers and how far its replay lags behind the primary; an unavailable replica does not make the
    service unready (reads go to the primary). Public.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ServiceReadiness]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
) -> Problem | ServiceReadiness | None:
    """Readiness check

     Runs a trivial query on a pooled connection of the primary. Answers 503 with `Retry-After` while the
    database is unreachable or no connection frees up within the pool timeout, and 200 again as soon as
    it is back, without a restart. With a read replica configured, `read_replica` shows whether it
    answers and how far its replay lags behind the primary; an unavailable replica does not make the
    service unready (reads go to the primary). Public.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ServiceReadiness
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[Problem | ServiceReadiness]:
    """Readiness check

     Runs a trivial query on a pooled connection of the primary. Answers 503 with `Retry-After` while the
    database is unreachable or no connection frees up within the pool timeout, and 200 again as soon as
    it is back, without a restart. With a read replica configured, `read_replica` shows whether it
    answers and how far its replay lags behind the primary; an unavailable replica does not make the
    service unready (reads go to the primary). Public.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ServiceReadiness]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
) -> Problem | ServiceReadiness | None:
    """Readiness check

     Runs a trivial query on a pooled connection of the primary. Answers 503 with `Retry-After` while the
    database is unreachable or no connection frees up within the pool timeout, and 200 again as soon as
    it is back, without a restart. With a read replica configured, `read_replica` shows whether it
    answers and how far its replay lags behind the primary; an unavailable replica does not make the
    service unready (reads go to the primary). Public.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ServiceReadiness
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
