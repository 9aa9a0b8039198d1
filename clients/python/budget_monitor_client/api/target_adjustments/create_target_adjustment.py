from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.new_target_adjustment import NewTargetAdjustment
from ...models.problem import Problem
from ...models.target_adjustment import TargetAdjustment
from ...types import Response


def _get_kwargs(
    id: UUID,
    *,
    body: NewTargetAdjustment,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/projects/{id}/target-adjustments".format(
            id=quote(str(id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | TargetAdjustment | None:
    if response.status_code == 201:
        response_201 = TargetAdjustment.from_dict(response.json())

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

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

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
) -> Response[Problem | TargetAdjustment]:
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
    body: NewTargetAdjustment,
) -> Response[Problem | TargetAdjustment]:
    """Request a target adjustment

     Asks to change the project's performance targets during the year: change an indicator's target,
    unit, weight or other fields, add an indicator, or retire one, with a reason and optionally the
    finding (e.g. `unreasonable_targets`) or report that calls for it. The changes are checked against
    the current set: a change that leaves the project unready (no output indicator, weights not adding
    up to 90) is refused with 422 naming the rule. A project has at most one open request (409). Nothing
    changes until finance approves. Roles: admin, finance_officer, department_officer (own department).

    Args:
        id (UUID):
        body (NewTargetAdjustment):  Example: {'changes': [{'indicator_id':
            '0193a0c4-7f43-7000-8000-0000000000c1', 'op': 'change', 'set': {'target_value': '7'}}],
            'finding_id': '0193a0c4-7f43-7000-8000-0000000000f1', 'reason': 'The second rescue base
            cannot be built this year: the site was reassigned.'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TargetAdjustment]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: UUID,
    *,
    client: AuthenticatedClient,
    body: NewTargetAdjustment,
) -> Problem | TargetAdjustment | None:
    """Request a target adjustment

     Asks to change the project's performance targets during the year: change an indicator's target,
    unit, weight or other fields, add an indicator, or retire one, with a reason and optionally the
    finding (e.g. `unreasonable_targets`) or report that calls for it. The changes are checked against
    the current set: a change that leaves the project unready (no output indicator, weights not adding
    up to 90) is refused with 422 naming the rule. A project has at most one open request (409). Nothing
    changes until finance approves. Roles: admin, finance_officer, department_officer (own department).

    Args:
        id (UUID):
        body (NewTargetAdjustment):  Example: {'changes': [{'indicator_id':
            '0193a0c4-7f43-7000-8000-0000000000c1', 'op': 'change', 'set': {'target_value': '7'}}],
            'finding_id': '0193a0c4-7f43-7000-8000-0000000000f1', 'reason': 'The second rescue base
            cannot be built this year: the site was reassigned.'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TargetAdjustment
    """

    return sync_detailed(
        id=id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    id: UUID,
    *,
    client: AuthenticatedClient,
    body: NewTargetAdjustment,
) -> Response[Problem | TargetAdjustment]:
    """Request a target adjustment

     Asks to change the project's performance targets during the year: change an indicator's target,
    unit, weight or other fields, add an indicator, or retire one, with a reason and optionally the
    finding (e.g. `unreasonable_targets`) or report that calls for it. The changes are checked against
    the current set: a change that leaves the project unready (no output indicator, weights not adding
    up to 90) is refused with 422 naming the rule. A project has at most one open request (409). Nothing
    changes until finance approves. Roles: admin, finance_officer, department_officer (own department).

    Args:
        id (UUID):
        body (NewTargetAdjustment):  Example: {'changes': [{'indicator_id':
            '0193a0c4-7f43-7000-8000-0000000000c1', 'op': 'change', 'set': {'target_value': '7'}}],
            'finding_id': '0193a0c4-7f43-7000-8000-0000000000f1', 'reason': 'The second rescue base
            cannot be built this year: the site was reassigned.'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TargetAdjustment]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: UUID,
    *,
    client: AuthenticatedClient,
    body: NewTargetAdjustment,
) -> Problem | TargetAdjustment | None:
    """Request a target adjustment

     Asks to change the project's performance targets during the year: change an indicator's target,
    unit, weight or other fields, add an indicator, or retire one, with a reason and optionally the
    finding (e.g. `unreasonable_targets`) or report that calls for it. The changes are checked against
    the current set: a change that leaves the project unready (no output indicator, weights not adding
    up to 90) is refused with 422 naming the rule. A project has at most one open request (409). Nothing
    changes until finance approves. Roles: admin, finance_officer, department_officer (own department).

    Args:
        id (UUID):
        body (NewTargetAdjustment):  Example: {'changes': [{'indicator_id':
            '0193a0c4-7f43-7000-8000-0000000000c1', 'op': 'change', 'set': {'target_value': '7'}}],
            'finding_id': '0193a0c4-7f43-7000-8000-0000000000f1', 'reason': 'The second rescue base
            cannot be built this year: the site was reassigned.'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TargetAdjustment
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
        )
    ).parsed
