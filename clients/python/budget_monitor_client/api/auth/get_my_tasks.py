from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.get_my_tasks_read_consistency import GetMyTasksReadConsistency
from ...models.problem import Problem
from ...models.tasks import Tasks
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = UNSET,
    read_consistency: GetMyTasksReadConsistency | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(read_consistency, Unset):
        headers["Read-Consistency"] = str(read_consistency)

    params: dict[str, Any] = {}

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/me/tasks",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | Tasks | None:
    if response.status_code == 200:
        response_200 = Tasks.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | Tasks]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = UNSET,
    read_consistency: GetMyTasksReadConsistency | Unset = UNSET,
) -> Response[Problem | Tasks]:
    """My to-do list

     What waits for the caller, from the objects' states, within its scope. A department officer: reports
    and department reports of open rounds to fill (draft) or resubmit (returned), open rectifications to
    answer, and target adjustments rejected in the last 30 days. A finance officer or admin: reports and
    department reports submitted for review, rectification answers to verify, target adjustments to
    decide. An auditor has no tasks. Each item links to its object, with the due date (the round's, or
    the rectification's deadline) and the days left; `counts` gives every kind's total. Roles: admin,
    finance_officer, auditor, department_officer.

    Args:
        limit (int | Unset):
        read_consistency (GetMyTasksReadConsistency | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Tasks]
    """

    kwargs = _get_kwargs(
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
    limit: int | Unset = UNSET,
    read_consistency: GetMyTasksReadConsistency | Unset = UNSET,
) -> Problem | Tasks | None:
    """My to-do list

     What waits for the caller, from the objects' states, within its scope. A department officer: reports
    and department reports of open rounds to fill (draft) or resubmit (returned), open rectifications to
    answer, and target adjustments rejected in the last 30 days. A finance officer or admin: reports and
    department reports submitted for review, rectification answers to verify, target adjustments to
    decide. An auditor has no tasks. Each item links to its object, with the due date (the round's, or
    the rectification's deadline) and the days left; `counts` gives every kind's total. Roles: admin,
    finance_officer, auditor, department_officer.

    Args:
        limit (int | Unset):
        read_consistency (GetMyTasksReadConsistency | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Tasks
    """

    return sync_detailed(
        client=client,
        limit=limit,
        read_consistency=read_consistency,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = UNSET,
    read_consistency: GetMyTasksReadConsistency | Unset = UNSET,
) -> Response[Problem | Tasks]:
    """My to-do list

     What waits for the caller, from the objects' states, within its scope. A department officer: reports
    and department reports of open rounds to fill (draft) or resubmit (returned), open rectifications to
    answer, and target adjustments rejected in the last 30 days. A finance officer or admin: reports and
    department reports submitted for review, rectification answers to verify, target adjustments to
    decide. An auditor has no tasks. Each item links to its object, with the due date (the round's, or
    the rectification's deadline) and the days left; `counts` gives every kind's total. Roles: admin,
    finance_officer, auditor, department_officer.

    Args:
        limit (int | Unset):
        read_consistency (GetMyTasksReadConsistency | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Tasks]
    """

    kwargs = _get_kwargs(
        limit=limit,
        read_consistency=read_consistency,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = UNSET,
    read_consistency: GetMyTasksReadConsistency | Unset = UNSET,
) -> Problem | Tasks | None:
    """My to-do list

     What waits for the caller, from the objects' states, within its scope. A department officer: reports
    and department reports of open rounds to fill (draft) or resubmit (returned), open rectifications to
    answer, and target adjustments rejected in the last 30 days. A finance officer or admin: reports and
    department reports submitted for review, rectification answers to verify, target adjustments to
    decide. An auditor has no tasks. Each item links to its object, with the due date (the round's, or
    the rectification's deadline) and the days left; `counts` gives every kind's total. Roles: admin,
    finance_officer, auditor, department_officer.

    Args:
        limit (int | Unset):
        read_consistency (GetMyTasksReadConsistency | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Tasks
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            read_consistency=read_consistency,
        )
    ).parsed
