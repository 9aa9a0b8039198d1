from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.list_result_applications_read_consistency import ListResultApplicationsReadConsistency
from ...models.page_result_application import PageResultApplication
from ...models.problem import Problem
from ...models.result_measure import ResultMeasure
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    round_: UUID | Unset = UNSET,
    project: UUID | Unset = UNSET,
    department: UUID | Unset = UNSET,
    region: str | Unset = UNSET,
    year: int | Unset = UNSET,
    measure: ResultMeasure | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    read_consistency: ListResultApplicationsReadConsistency | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(read_consistency, Unset):
        headers["Read-Consistency"] = str(read_consistency)

    params: dict[str, Any] = {}

    json_round_: str | Unset = UNSET
    if not isinstance(round_, Unset):
        json_round_ = str(round_)
    params["round"] = json_round_

    json_project: str | Unset = UNSET
    if not isinstance(project, Unset):
        json_project = str(project)
    params["project"] = json_project

    json_department: str | Unset = UNSET
    if not isinstance(department, Unset):
        json_department = str(department)
    params["department"] = json_department

    params["region"] = region

    params["year"] = year

    json_measure: str | Unset = UNSET
    if not isinstance(measure, Unset):
        json_measure = measure.value

    params["measure"] = json_measure

    params["limit"] = limit

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/result-applications",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageResultApplication | Problem | None:
    if response.status_code == 200:
        response_200 = PageResultApplication.from_dict(response.json())

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
) -> Response[PageResultApplication | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    round_: UUID | Unset = UNSET,
    project: UUID | Unset = UNSET,
    department: UUID | Unset = UNSET,
    region: str | Unset = UNSET,
    year: int | Unset = UNSET,
    measure: ResultMeasure | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    read_consistency: ListResultApplicationsReadConsistency | Unset = UNSET,
) -> Response[PageResultApplication | Problem]:
    """List results applications

     Within the caller's scope (a department officer sees its own department's), oldest first. Roles:
    admin, finance_officer, auditor, department_officer.

    Args:
        round_ (UUID | Unset):
        project (UUID | Unset):
        department (UUID | Unset):
        region (str | Unset):
        year (int | Unset):
        measure (ResultMeasure | Unset):
        limit (int | Unset):
        cursor (str | Unset):
        read_consistency (ListResultApplicationsReadConsistency | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageResultApplication | Problem]
    """

    kwargs = _get_kwargs(
        round_=round_,
        project=project,
        department=department,
        region=region,
        year=year,
        measure=measure,
        limit=limit,
        cursor=cursor,
        read_consistency=read_consistency,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    round_: UUID | Unset = UNSET,
    project: UUID | Unset = UNSET,
    department: UUID | Unset = UNSET,
    region: str | Unset = UNSET,
    year: int | Unset = UNSET,
    measure: ResultMeasure | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    read_consistency: ListResultApplicationsReadConsistency | Unset = UNSET,
) -> PageResultApplication | Problem | None:
    """List results applications

     Within the caller's scope (a department officer sees its own department's), oldest first. Roles:
    admin, finance_officer, auditor, department_officer.

    Args:
        round_ (UUID | Unset):
        project (UUID | Unset):
        department (UUID | Unset):
        region (str | Unset):
        year (int | Unset):
        measure (ResultMeasure | Unset):
        limit (int | Unset):
        cursor (str | Unset):
        read_consistency (ListResultApplicationsReadConsistency | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageResultApplication | Problem
    """

    return sync_detailed(
        client=client,
        round_=round_,
        project=project,
        department=department,
        region=region,
        year=year,
        measure=measure,
        limit=limit,
        cursor=cursor,
        read_consistency=read_consistency,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    round_: UUID | Unset = UNSET,
    project: UUID | Unset = UNSET,
    department: UUID | Unset = UNSET,
    region: str | Unset = UNSET,
    year: int | Unset = UNSET,
    measure: ResultMeasure | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    read_consistency: ListResultApplicationsReadConsistency | Unset = UNSET,
) -> Response[PageResultApplication | Problem]:
    """List results applications

     Within the caller's scope (a department officer sees its own department's), oldest first. Roles:
    admin, finance_officer, auditor, department_officer.

    Args:
        round_ (UUID | Unset):
        project (UUID | Unset):
        department (UUID | Unset):
        region (str | Unset):
        year (int | Unset):
        measure (ResultMeasure | Unset):
        limit (int | Unset):
        cursor (str | Unset):
        read_consistency (ListResultApplicationsReadConsistency | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageResultApplication | Problem]
    """

    kwargs = _get_kwargs(
        round_=round_,
        project=project,
        department=department,
        region=region,
        year=year,
        measure=measure,
        limit=limit,
        cursor=cursor,
        read_consistency=read_consistency,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    round_: UUID | Unset = UNSET,
    project: UUID | Unset = UNSET,
    department: UUID | Unset = UNSET,
    region: str | Unset = UNSET,
    year: int | Unset = UNSET,
    measure: ResultMeasure | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    read_consistency: ListResultApplicationsReadConsistency | Unset = UNSET,
) -> PageResultApplication | Problem | None:
    """List results applications

     Within the caller's scope (a department officer sees its own department's), oldest first. Roles:
    admin, finance_officer, auditor, department_officer.

    Args:
        round_ (UUID | Unset):
        project (UUID | Unset):
        department (UUID | Unset):
        region (str | Unset):
        year (int | Unset):
        measure (ResultMeasure | Unset):
        limit (int | Unset):
        cursor (str | Unset):
        read_consistency (ListResultApplicationsReadConsistency | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageResultApplication | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            round_=round_,
            project=project,
            department=department,
            region=region,
            year=year,
            measure=measure,
            limit=limit,
            cursor=cursor,
            read_consistency=read_consistency,
        )
    ).parsed
