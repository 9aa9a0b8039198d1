from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.new_project import NewProject
from ...models.problem import Problem
from ...models.project import Project
from ...types import Response


def _get_kwargs(
    *,
    body: NewProject,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/projects",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | Project | None:
    if response.status_code == 201:
        response_201 = Project.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | Project]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: NewProject,
) -> Response[Problem | Project]:
    """Create a project

     For a department in the caller's scope. The fund sources must add up to the initial budget, which
    opens the project's budget ledger. Codes are unique per region and fiscal year. Only admins create
    classified projects. Roles: admin, finance_officer.

    Args:
        body (NewProject):  Example: {'annual_goal': 'Build a provincial aviation rescue network',
            'category': 'special', 'code': 'SD2021-KJ-007', 'department_id':
            '0193a0c4-7f43-7000-8000-0000000000a1', 'end_date': '2021-12-31', 'fiscal_year': 2021,
            'function_class': '22401', 'fund_sources': {'provincial': '120000000.00'},
            'initial_budget': '120000000.00', 'name': 'Aviation emergency rescue capability',
            'start_date': '2021-01-01'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Project]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: NewProject,
) -> Problem | Project | None:
    """Create a project

     For a department in the caller's scope. The fund sources must add up to the initial budget, which
    opens the project's budget ledger. Codes are unique per region and fiscal year. Only admins create
    classified projects. Roles: admin, finance_officer.

    Args:
        body (NewProject):  Example: {'annual_goal': 'Build a provincial aviation rescue network',
            'category': 'special', 'code': 'SD2021-KJ-007', 'department_id':
            '0193a0c4-7f43-7000-8000-0000000000a1', 'end_date': '2021-12-31', 'fiscal_year': 2021,
            'function_class': '22401', 'fund_sources': {'provincial': '120000000.00'},
            'initial_budget': '120000000.00', 'name': 'Aviation emergency rescue capability',
            'start_date': '2021-01-01'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Project
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: NewProject,
) -> Response[Problem | Project]:
    """Create a project

     For a department in the caller's scope. The fund sources must add up to the initial budget, which
    opens the project's budget ledger. Codes are unique per region and fiscal year. Only admins create
    classified projects. Roles: admin, finance_officer.

    Args:
        body (NewProject):  Example: {'annual_goal': 'Build a provincial aviation rescue network',
            'category': 'special', 'code': 'SD2021-KJ-007', 'department_id':
            '0193a0c4-7f43-7000-8000-0000000000a1', 'end_date': '2021-12-31', 'fiscal_year': 2021,
            'function_class': '22401', 'fund_sources': {'provincial': '120000000.00'},
            'initial_budget': '120000000.00', 'name': 'Aviation emergency rescue capability',
            'start_date': '2021-01-01'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Project]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: NewProject,
) -> Problem | Project | None:
    """Create a project

     For a department in the caller's scope. The fund sources must add up to the initial budget, which
    opens the project's budget ledger. Codes are unique per region and fiscal year. Only admins create
    classified projects. Roles: admin, finance_officer.

    Args:
        body (NewProject):  Example: {'annual_goal': 'Build a provincial aviation rescue network',
            'category': 'special', 'code': 'SD2021-KJ-007', 'department_id':
            '0193a0c4-7f43-7000-8000-0000000000a1', 'end_date': '2021-12-31', 'fiscal_year': 2021,
            'function_class': '22401', 'fund_sources': {'provincial': '120000000.00'},
            'initial_budget': '120000000.00', 'name': 'Aviation emergency rescue capability',
            'start_date': '2021-01-01'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Project
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
