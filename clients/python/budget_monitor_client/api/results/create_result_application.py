from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.new_result_application import NewResultApplication
from ...models.problem import Problem
from ...models.result_application import ResultApplication
from ...types import Response


def _get_kwargs(
    *,
    body: NewResultApplication,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/result-applications",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | ResultApplication | None:
    if response.status_code == 201:
        response_201 = ResultApplication.from_dict(response.json())

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | ResultApplication]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: NewResultApplication,
) -> Response[Problem | ResultApplication]:
    """Record a results application

     Records, for a project's report in a round, the measures its results led to (continue, rectify,
    adjust targets, reduce / recover / reallocate / suspend / stop funds — with the fund adjustment when
    one was booked —, reduce or raise next year's budget by an amount, revise the policy) and a text.
    The region's suggestion for the report's current grade and overall light is kept beside the
    decision, which may differ from it. A next-year measure is shown on next year's project of the same
    region and code (`follows_result`), now if it is registered already, else when it is. One per
    project and round (409). Roles: admin, finance_officer.

    Args:
        body (NewResultApplication):  Example: {'measures': ['reduce_next_year_budget',
            'rectify'], 'next_year_budget_change': '-19000000.00', 'project_id':
            '0193a0c4-7f43-7000-8000-0000000000e1', 'round_id':
            '0193a0c4-7f43-7000-8000-000000000031', 'text': "Two rescue bases slipped to 2022: next
            year's budget is cut and the plan rectified."}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ResultApplication]
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
    body: NewResultApplication,
) -> Problem | ResultApplication | None:
    """Record a results application

     Records, for a project's report in a round, the measures its results led to (continue, rectify,
    adjust targets, reduce / recover / reallocate / suspend / stop funds — with the fund adjustment when
    one was booked —, reduce or raise next year's budget by an amount, revise the policy) and a text.
    The region's suggestion for the report's current grade and overall light is kept beside the
    decision, which may differ from it. A next-year measure is shown on next year's project of the same
    region and code (`follows_result`), now if it is registered already, else when it is. One per
    project and round (409). Roles: admin, finance_officer.

    Args:
        body (NewResultApplication):  Example: {'measures': ['reduce_next_year_budget',
            'rectify'], 'next_year_budget_change': '-19000000.00', 'project_id':
            '0193a0c4-7f43-7000-8000-0000000000e1', 'round_id':
            '0193a0c4-7f43-7000-8000-000000000031', 'text': "Two rescue bases slipped to 2022: next
            year's budget is cut and the plan rectified."}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ResultApplication
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: NewResultApplication,
) -> Response[Problem | ResultApplication]:
    """Record a results application

     Records, for a project's report in a round, the measures its results led to (continue, rectify,
    adjust targets, reduce / recover / reallocate / suspend / stop funds — with the fund adjustment when
    one was booked —, reduce or raise next year's budget by an amount, revise the policy) and a text.
    The region's suggestion for the report's current grade and overall light is kept beside the
    decision, which may differ from it. A next-year measure is shown on next year's project of the same
    region and code (`follows_result`), now if it is registered already, else when it is. One per
    project and round (409). Roles: admin, finance_officer.

    Args:
        body (NewResultApplication):  Example: {'measures': ['reduce_next_year_budget',
            'rectify'], 'next_year_budget_change': '-19000000.00', 'project_id':
            '0193a0c4-7f43-7000-8000-0000000000e1', 'round_id':
            '0193a0c4-7f43-7000-8000-000000000031', 'text': "Two rescue bases slipped to 2022: next
            year's budget is cut and the plan rectified."}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ResultApplication]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: NewResultApplication,
) -> Problem | ResultApplication | None:
    """Record a results application

     Records, for a project's report in a round, the measures its results led to (continue, rectify,
    adjust targets, reduce / recover / reallocate / suspend / stop funds — with the fund adjustment when
    one was booked —, reduce or raise next year's budget by an amount, revise the policy) and a text.
    The region's suggestion for the report's current grade and overall light is kept beside the
    decision, which may differ from it. A next-year measure is shown on next year's project of the same
    region and code (`follows_result`), now if it is registered already, else when it is. One per
    project and round (409). Roles: admin, finance_officer.

    Args:
        body (NewResultApplication):  Example: {'measures': ['reduce_next_year_budget',
            'rectify'], 'next_year_budget_change': '-19000000.00', 'project_id':
            '0193a0c4-7f43-7000-8000-0000000000e1', 'round_id':
            '0193a0c4-7f43-7000-8000-000000000031', 'text': "Two rescue bases slipped to 2022: next
            year's budget is cut and the plan rectified."}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ResultApplication
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
