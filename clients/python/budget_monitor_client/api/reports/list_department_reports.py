from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.list_department_reports_read_consistency import ListDepartmentReportsReadConsistency
from ...models.page_department_report import PageDepartmentReport
from ...models.problem import Problem
from ...models.report_status import ReportStatus
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: UUID,
    *,
    region: str | Unset = UNSET,
    department: UUID | Unset = UNSET,
    status: ReportStatus | Unset = UNSET,
    late: bool | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    read_consistency: ListDepartmentReportsReadConsistency | Unset = UNSET,
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

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params["late"] = late

    params["limit"] = limit

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/rounds/{id}/department-reports".format(
            id=quote(str(id), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageDepartmentReport | Problem | None:
    if response.status_code == 200:
        response_200 = PageDepartmentReport.from_dict(response.json())

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
) -> Response[PageDepartmentReport | Problem]:
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
    status: ReportStatus | Unset = UNSET,
    late: bool | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    read_consistency: ListDepartmentReportsReadConsistency | Unset = UNSET,
) -> Response[PageDepartmentReport | Problem]:
    """List a round's department reports

     One per department with project reports in the round, within the caller's scope, by department code,
    with totals from the project reports the caller may see. Roles: admin, finance_officer, auditor,
    department_officer.

    Args:
        id (UUID):
        region (str | Unset):
        department (UUID | Unset):
        status (ReportStatus | Unset):
        late (bool | Unset):
        limit (int | Unset):
        cursor (str | Unset):
        read_consistency (ListDepartmentReportsReadConsistency | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageDepartmentReport | Problem]
    """

    kwargs = _get_kwargs(
        id=id,
        region=region,
        department=department,
        status=status,
        late=late,
        limit=limit,
        cursor=cursor,
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
    status: ReportStatus | Unset = UNSET,
    late: bool | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    read_consistency: ListDepartmentReportsReadConsistency | Unset = UNSET,
) -> PageDepartmentReport | Problem | None:
    """List a round's department reports

     One per department with project reports in the round, within the caller's scope, by department code,
    with totals from the project reports the caller may see. Roles: admin, finance_officer, auditor,
    department_officer.

    Args:
        id (UUID):
        region (str | Unset):
        department (UUID | Unset):
        status (ReportStatus | Unset):
        late (bool | Unset):
        limit (int | Unset):
        cursor (str | Unset):
        read_consistency (ListDepartmentReportsReadConsistency | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageDepartmentReport | Problem
    """

    return sync_detailed(
        id=id,
        client=client,
        region=region,
        department=department,
        status=status,
        late=late,
        limit=limit,
        cursor=cursor,
        read_consistency=read_consistency,
    ).parsed


async def asyncio_detailed(
    id: UUID,
    *,
    client: AuthenticatedClient,
    region: str | Unset = UNSET,
    department: UUID | Unset = UNSET,
    status: ReportStatus | Unset = UNSET,
    late: bool | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    read_consistency: ListDepartmentReportsReadConsistency | Unset = UNSET,
) -> Response[PageDepartmentReport | Problem]:
    """List a round's department reports

     One per department with project reports in the round, within the caller's scope, by department code,
    with totals from the project reports the caller may see. Roles: admin, finance_officer, auditor,
    department_officer.

    Args:
        id (UUID):
        region (str | Unset):
        department (UUID | Unset):
        status (ReportStatus | Unset):
        late (bool | Unset):
        limit (int | Unset):
        cursor (str | Unset):
        read_consistency (ListDepartmentReportsReadConsistency | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageDepartmentReport | Problem]
    """

    kwargs = _get_kwargs(
        id=id,
        region=region,
        department=department,
        status=status,
        late=late,
        limit=limit,
        cursor=cursor,
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
    status: ReportStatus | Unset = UNSET,
    late: bool | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    read_consistency: ListDepartmentReportsReadConsistency | Unset = UNSET,
) -> PageDepartmentReport | Problem | None:
    """List a round's department reports

     One per department with project reports in the round, within the caller's scope, by department code,
    with totals from the project reports the caller may see. Roles: admin, finance_officer, auditor,
    department_officer.

    Args:
        id (UUID):
        region (str | Unset):
        department (UUID | Unset):
        status (ReportStatus | Unset):
        late (bool | Unset):
        limit (int | Unset):
        cursor (str | Unset):
        read_consistency (ListDepartmentReportsReadConsistency | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageDepartmentReport | Problem
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            region=region,
            department=department,
            status=status,
            late=late,
            limit=limit,
            cursor=cursor,
            read_consistency=read_consistency,
        )
    ).parsed
