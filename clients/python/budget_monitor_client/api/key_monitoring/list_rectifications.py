from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.export_format import ExportFormat
from ...models.list_rectifications_read_consistency import ListRectificationsReadConsistency
from ...models.page_rectification import PageRectification
from ...models.problem import Problem
from ...models.rectification_status import RectificationStatus
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    status: RectificationStatus | Unset = UNSET,
    overdue: bool | Unset = UNSET,
    due_within: int | Unset = UNSET,
    department: UUID | Unset = UNSET,
    project: UUID | Unset = UNSET,
    region: str | Unset = UNSET,
    round_: UUID | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    format_: ExportFormat | Unset = UNSET,
    read_consistency: ListRectificationsReadConsistency | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(read_consistency, Unset):
        headers["Read-Consistency"] = str(read_consistency)

    params: dict[str, Any] = {}

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params["overdue"] = overdue

    params["due_within"] = due_within

    json_department: str | Unset = UNSET
    if not isinstance(department, Unset):
        json_department = str(department)
    params["department"] = json_department

    json_project: str | Unset = UNSET
    if not isinstance(project, Unset):
        json_project = str(project)
    params["project"] = json_project

    params["region"] = region

    json_round_: str | Unset = UNSET
    if not isinstance(round_, Unset):
        json_round_ = str(round_)
    params["round"] = json_round_

    params["limit"] = limit

    params["cursor"] = cursor

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/rectifications",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageRectification | Problem | None:
    if response.status_code == 200:
        response_200 = PageRectification.from_dict(response.json())

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
) -> Response[PageRectification | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    status: RectificationStatus | Unset = UNSET,
    overdue: bool | Unset = UNSET,
    due_within: int | Unset = UNSET,
    department: UUID | Unset = UNSET,
    project: UUID | Unset = UNSET,
    region: str | Unset = UNSET,
    round_: UUID | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    format_: ExportFormat | Unset = UNSET,
    read_consistency: ListRectificationsReadConsistency | Unset = UNSET,
) -> Response[PageRectification | Problem]:
    """List rectifications

     Within the caller's scope (a department officer sees its own department's), oldest first.
    `format=csv` (or `Accept: text/csv`) and `format=xlsx` give every matching rectification as a file.
    Roles: admin, finance_officer, auditor, department_officer.

    Args:
        status (RectificationStatus | Unset): Where a rectification task stands.
        overdue (bool | Unset):
        due_within (int | Unset):
        department (UUID | Unset):
        project (UUID | Unset):
        region (str | Unset):
        round_ (UUID | Unset):
        limit (int | Unset):
        cursor (str | Unset):
        format_ (ExportFormat | Unset): `json` (the default), or `csv` or `xlsx` for every
            matching row as a file.
        read_consistency (ListRectificationsReadConsistency | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageRectification | Problem]
    """

    kwargs = _get_kwargs(
        status=status,
        overdue=overdue,
        due_within=due_within,
        department=department,
        project=project,
        region=region,
        round_=round_,
        limit=limit,
        cursor=cursor,
        format_=format_,
        read_consistency=read_consistency,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    status: RectificationStatus | Unset = UNSET,
    overdue: bool | Unset = UNSET,
    due_within: int | Unset = UNSET,
    department: UUID | Unset = UNSET,
    project: UUID | Unset = UNSET,
    region: str | Unset = UNSET,
    round_: UUID | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    format_: ExportFormat | Unset = UNSET,
    read_consistency: ListRectificationsReadConsistency | Unset = UNSET,
) -> PageRectification | Problem | None:
    """List rectifications

     Within the caller's scope (a department officer sees its own department's), oldest first.
    `format=csv` (or `Accept: text/csv`) and `format=xlsx` give every matching rectification as a file.
    Roles: admin, finance_officer, auditor, department_officer.

    Args:
        status (RectificationStatus | Unset): Where a rectification task stands.
        overdue (bool | Unset):
        due_within (int | Unset):
        department (UUID | Unset):
        project (UUID | Unset):
        region (str | Unset):
        round_ (UUID | Unset):
        limit (int | Unset):
        cursor (str | Unset):
        format_ (ExportFormat | Unset): `json` (the default), or `csv` or `xlsx` for every
            matching row as a file.
        read_consistency (ListRectificationsReadConsistency | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageRectification | Problem
    """

    return sync_detailed(
        client=client,
        status=status,
        overdue=overdue,
        due_within=due_within,
        department=department,
        project=project,
        region=region,
        round_=round_,
        limit=limit,
        cursor=cursor,
        format_=format_,
        read_consistency=read_consistency,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    status: RectificationStatus | Unset = UNSET,
    overdue: bool | Unset = UNSET,
    due_within: int | Unset = UNSET,
    department: UUID | Unset = UNSET,
    project: UUID | Unset = UNSET,
    region: str | Unset = UNSET,
    round_: UUID | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    format_: ExportFormat | Unset = UNSET,
    read_consistency: ListRectificationsReadConsistency | Unset = UNSET,
) -> Response[PageRectification | Problem]:
    """List rectifications

     Within the caller's scope (a department officer sees its own department's), oldest first.
    `format=csv` (or `Accept: text/csv`) and `format=xlsx` give every matching rectification as a file.
    Roles: admin, finance_officer, auditor, department_officer.

    Args:
        status (RectificationStatus | Unset): Where a rectification task stands.
        overdue (bool | Unset):
        due_within (int | Unset):
        department (UUID | Unset):
        project (UUID | Unset):
        region (str | Unset):
        round_ (UUID | Unset):
        limit (int | Unset):
        cursor (str | Unset):
        format_ (ExportFormat | Unset): `json` (the default), or `csv` or `xlsx` for every
            matching row as a file.
        read_consistency (ListRectificationsReadConsistency | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageRectification | Problem]
    """

    kwargs = _get_kwargs(
        status=status,
        overdue=overdue,
        due_within=due_within,
        department=department,
        project=project,
        region=region,
        round_=round_,
        limit=limit,
        cursor=cursor,
        format_=format_,
        read_consistency=read_consistency,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    status: RectificationStatus | Unset = UNSET,
    overdue: bool | Unset = UNSET,
    due_within: int | Unset = UNSET,
    department: UUID | Unset = UNSET,
    project: UUID | Unset = UNSET,
    region: str | Unset = UNSET,
    round_: UUID | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    format_: ExportFormat | Unset = UNSET,
    read_consistency: ListRectificationsReadConsistency | Unset = UNSET,
) -> PageRectification | Problem | None:
    """List rectifications

     Within the caller's scope (a department officer sees its own department's), oldest first.
    `format=csv` (or `Accept: text/csv`) and `format=xlsx` give every matching rectification as a file.
    Roles: admin, finance_officer, auditor, department_officer.

    Args:
        status (RectificationStatus | Unset): Where a rectification task stands.
        overdue (bool | Unset):
        due_within (int | Unset):
        department (UUID | Unset):
        project (UUID | Unset):
        region (str | Unset):
        round_ (UUID | Unset):
        limit (int | Unset):
        cursor (str | Unset):
        format_ (ExportFormat | Unset): `json` (the default), or `csv` or `xlsx` for every
            matching row as a file.
        read_consistency (ListRectificationsReadConsistency | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageRectification | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            status=status,
            overdue=overdue,
            due_within=due_within,
            department=department,
            project=project,
            region=region,
            round_=round_,
            limit=limit,
            cursor=cursor,
            format_=format_,
            read_consistency=read_consistency,
        )
    ).parsed
