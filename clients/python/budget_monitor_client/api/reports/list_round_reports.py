from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.export_format import ExportFormat
from ...models.light import Light
from ...models.list_round_reports_read_consistency import ListRoundReportsReadConsistency
from ...models.page_report_list_item import PageReportListItem
from ...models.problem import Problem
from ...models.report_status import ReportStatus
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: UUID,
    *,
    region: str | Unset = UNSET,
    department: UUID | Unset = UNSET,
    project: UUID | Unset = UNSET,
    status: ReportStatus | Unset = UNSET,
    late: bool | Unset = UNSET,
    key_monitoring: bool | Unset = UNSET,
    light: Light | Unset = UNSET,
    budget_light: Light | Unset = UNSET,
    q: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    format_: ExportFormat | Unset = UNSET,
    read_consistency: ListRoundReportsReadConsistency | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(read_consistency, Unset):
        headers["Read-Consistency"] = str(read_consistency)

    params: dict[str, Any] = {}

    params["region"] = region

    json_department: str | Unset = UNSET
    if not isinstance(department, Unset):
        json_department = str(department)
    params["department"] = json_department

    json_project: str | Unset = UNSET
    if not isinstance(project, Unset):
        json_project = str(project)
    params["project"] = json_project

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params["late"] = late

    params["key_monitoring"] = key_monitoring

    json_light: str | Unset = UNSET
    if not isinstance(light, Unset):
        json_light = light.value

    params["light"] = json_light

    json_budget_light: str | Unset = UNSET
    if not isinstance(budget_light, Unset):
        json_budget_light = budget_light.value

    params["budget_light"] = json_budget_light

    params["q"] = q

    params["limit"] = limit

    params["cursor"] = cursor

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/rounds/{id}/reports".format(
            id=quote(str(id), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageReportListItem | Problem | None:
    if response.status_code == 200:
        response_200 = PageReportListItem.from_dict(response.json())

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
) -> Response[PageReportListItem | Problem]:
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
    region: str | Unset = UNSET,
    department: UUID | Unset = UNSET,
    project: UUID | Unset = UNSET,
    status: ReportStatus | Unset = UNSET,
    late: bool | Unset = UNSET,
    key_monitoring: bool | Unset = UNSET,
    light: Light | Unset = UNSET,
    budget_light: Light | Unset = UNSET,
    q: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    format_: ExportFormat | Unset = UNSET,
    read_consistency: ListRoundReportsReadConsistency | Unset = UNSET,
) -> Response[PageReportListItem | Problem]:
    """List a round's reports

     Reports in the caller's scope, by project code. `format=csv` (or `Accept: text/csv`) and
    `format=xlsx` give every matching report as a file, in the same order. Roles: admin,
    finance_officer, auditor, department_officer.

    Args:
        id (UUID):
        region (str | Unset):
        department (UUID | Unset):
        project (UUID | Unset):
        status (ReportStatus | Unset):
        late (bool | Unset):
        key_monitoring (bool | Unset):
        light (Light | Unset):
        budget_light (Light | Unset):
        q (str | Unset):
        limit (int | Unset):
        cursor (str | Unset):
        format_ (ExportFormat | Unset): `json` (the default), or `csv` or `xlsx` for every
            matching row as a file.
        read_consistency (ListRoundReportsReadConsistency | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageReportListItem | Problem]
    """

    kwargs = _get_kwargs(
        id=id,
        region=region,
        department=department,
        project=project,
        status=status,
        late=late,
        key_monitoring=key_monitoring,
        light=light,
        budget_light=budget_light,
        q=q,
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
    id: UUID,
    *,
    client: AuthenticatedClient,
    region: str | Unset = UNSET,
    department: UUID | Unset = UNSET,
    project: UUID | Unset = UNSET,
    status: ReportStatus | Unset = UNSET,
    late: bool | Unset = UNSET,
    key_monitoring: bool | Unset = UNSET,
    light: Light | Unset = UNSET,
    budget_light: Light | Unset = UNSET,
    q: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    format_: ExportFormat | Unset = UNSET,
    read_consistency: ListRoundReportsReadConsistency | Unset = UNSET,
) -> PageReportListItem | Problem | None:
    """List a round's reports

     Reports in the caller's scope, by project code. `format=csv` (or `Accept: text/csv`) and
    `format=xlsx` give every matching report as a file, in the same order. Roles: admin,
    finance_officer, auditor, department_officer.

    Args:
        id (UUID):
        region (str | Unset):
        department (UUID | Unset):
        project (UUID | Unset):
        status (ReportStatus | Unset):
        late (bool | Unset):
        key_monitoring (bool | Unset):
        light (Light | Unset):
        budget_light (Light | Unset):
        q (str | Unset):
        limit (int | Unset):
        cursor (str | Unset):
        format_ (ExportFormat | Unset): `json` (the default), or `csv` or `xlsx` for every
            matching row as a file.
        read_consistency (ListRoundReportsReadConsistency | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageReportListItem | Problem
    """

    return sync_detailed(
        id=id,
        client=client,
        region=region,
        department=department,
        project=project,
        status=status,
        late=late,
        key_monitoring=key_monitoring,
        light=light,
        budget_light=budget_light,
        q=q,
        limit=limit,
        cursor=cursor,
        format_=format_,
        read_consistency=read_consistency,
    ).parsed


async def asyncio_detailed(
    id: UUID,
    *,
    client: AuthenticatedClient,
    region: str | Unset = UNSET,
    department: UUID | Unset = UNSET,
    project: UUID | Unset = UNSET,
    status: ReportStatus | Unset = UNSET,
    late: bool | Unset = UNSET,
    key_monitoring: bool | Unset = UNSET,
    light: Light | Unset = UNSET,
    budget_light: Light | Unset = UNSET,
    q: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    format_: ExportFormat | Unset = UNSET,
    read_consistency: ListRoundReportsReadConsistency | Unset = UNSET,
) -> Response[PageReportListItem | Problem]:
    """List a round's reports

     Reports in the caller's scope, by project code. `format=csv` (or `Accept: text/csv`) and
    `format=xlsx` give every matching report as a file, in the same order. Roles: admin,
    finance_officer, auditor, department_officer.

    Args:
        id (UUID):
        region (str | Unset):
        department (UUID | Unset):
        project (UUID | Unset):
        status (ReportStatus | Unset):
        late (bool | Unset):
        key_monitoring (bool | Unset):
        light (Light | Unset):
        budget_light (Light | Unset):
        q (str | Unset):
        limit (int | Unset):
        cursor (str | Unset):
        format_ (ExportFormat | Unset): `json` (the default), or `csv` or `xlsx` for every
            matching row as a file.
        read_consistency (ListRoundReportsReadConsistency | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageReportListItem | Problem]
    """

    kwargs = _get_kwargs(
        id=id,
        region=region,
        department=department,
        project=project,
        status=status,
        late=late,
        key_monitoring=key_monitoring,
        light=light,
        budget_light=budget_light,
        q=q,
        limit=limit,
        cursor=cursor,
        format_=format_,
        read_consistency=read_consistency,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: UUID,
    *,
    client: AuthenticatedClient,
    region: str | Unset = UNSET,
    department: UUID | Unset = UNSET,
    project: UUID | Unset = UNSET,
    status: ReportStatus | Unset = UNSET,
    late: bool | Unset = UNSET,
    key_monitoring: bool | Unset = UNSET,
    light: Light | Unset = UNSET,
    budget_light: Light | Unset = UNSET,
    q: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    format_: ExportFormat | Unset = UNSET,
    read_consistency: ListRoundReportsReadConsistency | Unset = UNSET,
) -> PageReportListItem | Problem | None:
    """List a round's reports

     Reports in the caller's scope, by project code. `format=csv` (or `Accept: text/csv`) and
    `format=xlsx` give every matching report as a file, in the same order. Roles: admin,
    finance_officer, auditor, department_officer.

    Args:
        id (UUID):
        region (str | Unset):
        department (UUID | Unset):
        project (UUID | Unset):
        status (ReportStatus | Unset):
        late (bool | Unset):
        key_monitoring (bool | Unset):
        light (Light | Unset):
        budget_light (Light | Unset):
        q (str | Unset):
        limit (int | Unset):
        cursor (str | Unset):
        format_ (ExportFormat | Unset): `json` (the default), or `csv` or `xlsx` for every
            matching row as a file.
        read_consistency (ListRoundReportsReadConsistency | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageReportListItem | Problem
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            region=region,
            department=department,
            project=project,
            status=status,
            late=late,
            key_monitoring=key_monitoring,
            light=light,
            budget_light=budget_light,
            q=q,
            limit=limit,
            cursor=cursor,
            format_=format_,
            read_consistency=read_consistency,
        )
    ).parsed
