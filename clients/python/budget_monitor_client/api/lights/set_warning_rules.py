from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.overrides import Overrides
from ...models.problem import Problem
from ...models.rules_changed import RulesChanged
from ...types import Response


def _get_kwargs(
    code: str,
    *,
    body: Overrides,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/v1/regions/{code}/warning-rules".format(
            code=quote(str(code), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | RulesChanged | None:
    if response.status_code == 200:
        response_200 = RulesChanged.from_dict(response.json())

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
) -> Response[Problem | RulesChanged]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    code: str,
    *,
    client: AuthenticatedClient,
    body: Overrides,
) -> Response[Problem | RulesChanged]:
    """Set a region's warning rules

     Replaces the region's own overrides with a new version (the old ones are kept). Every rule is
    checked: known key, bands ascending and covering every value, known colours, complete mappings; a
    broken rule answers 422 naming it. The lights of every report of an open round in the region's
    subtree are recomputed in the same request; closed rounds are untouched. Roles: admin,
    finance_officer (regions in their subtree).

    Args:
        code (str):
        body (Overrides): What a region stores: the rules it overrides and, optionally, its
            settings. Example: {'checks': {'red_without_measures': 'error'}, 'rules':
            {'budget_execution': {'bands': [{'below': '70', 'light': 'red'}, {'below': '85', 'light':
            'yellow'}, {'light': 'green'}], 'metric': 'ratio_to_prorated'}}, 'settings':
            {'budget_rule': 'budget_execution', 'budget_share': '10', 'grade_edges': ['90', '80',
            '60'], 'lang': 'zh', 'likelihood_edges': ['60', '80'], 'result_suggestions': [{'grade':
            'poor', 'measures': ['reduce_next_year_budget', 'rectify'], 'name': 'poor_grade',
            'next_year_change_percent': '-20'}, {'measures': ['rectify'], 'name': 'red_overall_light',
            'overall_light': 'red'}], 'time_progress': 'month'}}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RulesChanged]
    """

    kwargs = _get_kwargs(
        code=code,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    code: str,
    *,
    client: AuthenticatedClient,
    body: Overrides,
) -> Problem | RulesChanged | None:
    """Set a region's warning rules

     Replaces the region's own overrides with a new version (the old ones are kept). Every rule is
    checked: known key, bands ascending and covering every value, known colours, complete mappings; a
    broken rule answers 422 naming it. The lights of every report of an open round in the region's
    subtree are recomputed in the same request; closed rounds are untouched. Roles: admin,
    finance_officer (regions in their subtree).

    Args:
        code (str):
        body (Overrides): What a region stores: the rules it overrides and, optionally, its
            settings. Example: {'checks': {'red_without_measures': 'error'}, 'rules':
            {'budget_execution': {'bands': [{'below': '70', 'light': 'red'}, {'below': '85', 'light':
            'yellow'}, {'light': 'green'}], 'metric': 'ratio_to_prorated'}}, 'settings':
            {'budget_rule': 'budget_execution', 'budget_share': '10', 'grade_edges': ['90', '80',
            '60'], 'lang': 'zh', 'likelihood_edges': ['60', '80'], 'result_suggestions': [{'grade':
            'poor', 'measures': ['reduce_next_year_budget', 'rectify'], 'name': 'poor_grade',
            'next_year_change_percent': '-20'}, {'measures': ['rectify'], 'name': 'red_overall_light',
            'overall_light': 'red'}], 'time_progress': 'month'}}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RulesChanged
    """

    return sync_detailed(
        code=code,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    code: str,
    *,
    client: AuthenticatedClient,
    body: Overrides,
) -> Response[Problem | RulesChanged]:
    """Set a region's warning rules

     Replaces the region's own overrides with a new version (the old ones are kept). Every rule is
    checked: known key, bands ascending and covering every value, known colours, complete mappings; a
    broken rule answers 422 naming it. The lights of every report of an open round in the region's
    subtree are recomputed in the same request; closed rounds are untouched. Roles: admin,
    finance_officer (regions in their subtree).

    Args:
        code (str):
        body (Overrides): What a region stores: the rules it overrides and, optionally, its
            settings. Example: {'checks': {'red_without_measures': 'error'}, 'rules':
            {'budget_execution': {'bands': [{'below': '70', 'light': 'red'}, {'below': '85', 'light':
            'yellow'}, {'light': 'green'}], 'metric': 'ratio_to_prorated'}}, 'settings':
            {'budget_rule': 'budget_execution', 'budget_share': '10', 'grade_edges': ['90', '80',
            '60'], 'lang': 'zh', 'likelihood_edges': ['60', '80'], 'result_suggestions': [{'grade':
            'poor', 'measures': ['reduce_next_year_budget', 'rectify'], 'name': 'poor_grade',
            'next_year_change_percent': '-20'}, {'measures': ['rectify'], 'name': 'red_overall_light',
            'overall_light': 'red'}], 'time_progress': 'month'}}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RulesChanged]
    """

    kwargs = _get_kwargs(
        code=code,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    code: str,
    *,
    client: AuthenticatedClient,
    body: Overrides,
) -> Problem | RulesChanged | None:
    """Set a region's warning rules

     Replaces the region's own overrides with a new version (the old ones are kept). Every rule is
    checked: known key, bands ascending and covering every value, known colours, complete mappings; a
    broken rule answers 422 naming it. The lights of every report of an open round in the region's
    subtree are recomputed in the same request; closed rounds are untouched. Roles: admin,
    finance_officer (regions in their subtree).

    Args:
        code (str):
        body (Overrides): What a region stores: the rules it overrides and, optionally, its
            settings. Example: {'checks': {'red_without_measures': 'error'}, 'rules':
            {'budget_execution': {'bands': [{'below': '70', 'light': 'red'}, {'below': '85', 'light':
            'yellow'}, {'light': 'green'}], 'metric': 'ratio_to_prorated'}}, 'settings':
            {'budget_rule': 'budget_execution', 'budget_share': '10', 'grade_edges': ['90', '80',
            '60'], 'lang': 'zh', 'likelihood_edges': ['60', '80'], 'result_suggestions': [{'grade':
            'poor', 'measures': ['reduce_next_year_budget', 'rectify'], 'name': 'poor_grade',
            'next_year_change_percent': '-20'}, {'measures': ['rectify'], 'name': 'red_overall_light',
            'overall_light': 'red'}], 'time_progress': 'month'}}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RulesChanged
    """

    return (
        await asyncio_detailed(
            code=code,
            client=client,
            body=body,
        )
    ).parsed
