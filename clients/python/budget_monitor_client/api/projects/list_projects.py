from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.export_format import ExportFormat
from ...models.list_projects_read_consistency import ListProjectsReadConsistency
from ...models.page_project import PageProject
from ...models.problem import Problem
from ...models.project_order import ProjectOrder
from ...models.project_status import ProjectStatus
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    fiscal_year: int | Unset = UNSET,
    region: str | Unset = UNSET,
    department: UUID | Unset = UNSET,
    status: ProjectStatus | Unset = UNSET,
    key_monitoring: bool | Unset = UNSET,
    function_class: str | Unset = UNSET,
    q: str | Unset = UNSET,
    sort: ProjectOrder | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    format_: ExportFormat | Unset = UNSET,
    read_consistency: ListProjectsReadConsistency | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(read_consistency, Unset):
        headers["Read-Consistency"] = str(read_consistency)

    params: dict[str, Any] = {}

    params["fiscal_year"] = fiscal_year

    params["region"] = region

    json_department: str | Unset = UNSET
    if not isinstance(department, Unset):
        json_department = str(department)
    params["department"] = json_department

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params["key_monitoring"] = key_monitoring

    params["function_class"] = function_class

    params["q"] = q

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort.value

    params["sort"] = json_sort

    params["limit"] = limit

    params["cursor"] = cursor

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/projects",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PageProject | Problem | None:
    if response.status_code == 200:
        response_200 = PageProject.from_dict(response.json())

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
) -> Response[PageProject | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    fiscal_year: int | Unset = UNSET,
    region: str | Unset = UNSET,
    department: UUID | Unset = UNSET,
    status: ProjectStatus | Unset = UNSET,
    key_monitoring: bool | Unset = UNSET,
    function_class: str | Unset = UNSET,
    q: str | Unset = UNSET,
    sort: ProjectOrder | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    format_: ExportFormat | Unset = UNSET,
    read_consistency: ListProjectsReadConsistency | Unset = UNSET,
) -> Response[PageProject | Problem]:
    """List projects

     Projects the caller may see: all for an admin; the region subtree's projects for a finance officer
    or auditor, never classified ones or those of classified departments; its department's and units'
    projects for a department officer. `format=csv` (or `Accept: text/csv`) and `format=xlsx` give every
    matching project as a file, in the list's order. Roles: admin, finance_officer, auditor,
    department_officer.

    Args:
        fiscal_year (int | Unset):
        region (str | Unset):
        department (UUID | Unset):
        status (ProjectStatus | Unset):
        key_monitoring (bool | Unset):
        function_class (str | Unset):
        q (str | Unset):
        sort (ProjectOrder | Unset): The order of a project list: a field, or `-` and the field
            for descending.
        limit (int | Unset):
        cursor (str | Unset):
        format_ (ExportFormat | Unset): `json` (the default), or `csv` or `xlsx` for every
            matching row as a file.
        read_consistency (ListProjectsReadConsistency | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageProject | Problem]
    """

    kwargs = _get_kwargs(
        fiscal_year=fiscal_year,
        region=region,
        department=department,
        status=status,
        key_monitoring=key_monitoring,
        function_class=function_class,
        q=q,
        sort=sort,
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
    fiscal_year: int | Unset = UNSET,
    region: str | Unset = UNSET,
    department: UUID | Unset = UNSET,
    status: ProjectStatus | Unset = UNSET,
    key_monitoring: bool | Unset = UNSET,
    function_class: str | Unset = UNSET,
    q: str | Unset = UNSET,
    sort: ProjectOrder | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    format_: ExportFormat | Unset = UNSET,
    read_consistency: ListProjectsReadConsistency | Unset = UNSET,
) -> PageProject | Problem | None:
    """List projects

     Projects the caller may see: all for an admin; the region subtree's projects for a finance officer
    or auditor, never classified ones or those of classified departments; its department's and units'
    projects for a department officer. `format=csv` (or `Accept: text/csv`) and `format=xlsx` give every
    matching project as a file, in the list's order. Roles: admin, finance_officer, auditor,
    department_officer.

    Args:
        fiscal_year (int | Unset):
        region (str | Unset):
        department (UUID | Unset):
        status (ProjectStatus | Unset):
        key_monitoring (bool | Unset):
        function_class (str | Unset):
        q (str | Unset):
        sort (ProjectOrder | Unset): The order of a project list: a field, or `-` and the field
            for descending.
        limit (int | Unset):
        cursor (str | Unset):
        format_ (ExportFormat | Unset): `json` (the default), or `csv` or `xlsx` for every
            matching row as a file.
        read_consistency (ListProjectsReadConsistency | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageProject | Problem
    """

    return sync_detailed(
        client=client,
        fiscal_year=fiscal_year,
        region=region,
        department=department,
        status=status,
        key_monitoring=key_monitoring,
        function_class=function_class,
        q=q,
        sort=sort,
        limit=limit,
        cursor=cursor,
        format_=format_,
        read_consistency=read_consistency,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    fiscal_year: int | Unset = UNSET,
    region: str | Unset = UNSET,
    department: UUID | Unset = UNSET,
    status: ProjectStatus | Unset = UNSET,
    key_monitoring: bool | Unset = UNSET,
    function_class: str | Unset = UNSET,
    q: str | Unset = UNSET,
    sort: ProjectOrder | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    format_: ExportFormat | Unset = UNSET,
    read_consistency: ListProjectsReadConsistency | Unset = UNSET,
) -> Response[PageProject | Problem]:
    """List projects

     Projects the caller may see: all for an admin; the region subtree's projects for a finance officer
    or auditor, never classified ones or those of classified departments; its department's and units'
    projects for a department officer. `format=csv` (or `Accept: text/csv`) and `format=xlsx` give every
    matching project as a file, in the list's order. Roles: admin, finance_officer, auditor,
    department_officer.

    Args:
        fiscal_year (int | Unset):
        region (str | Unset):
        department (UUID | Unset):
        status (ProjectStatus | Unset):
        key_monitoring (bool | Unset):
        function_class (str | Unset):
        q (str | Unset):
        sort (ProjectOrder | Unset): The order of a project list: a field, or `-` and the field
            for descending.
        limit (int | Unset):
        cursor (str | Unset):
        format_ (ExportFormat | Unset): `json` (the default), or `csv` or `xlsx` for every
            matching row as a file.
        read_consistency (ListProjectsReadConsistency | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageProject | Problem]
    """

    kwargs = _get_kwargs(
        fiscal_year=fiscal_year,
        region=region,
        department=department,
        status=status,
        key_monitoring=key_monitoring,
        function_class=function_class,
        q=q,
        sort=sort,
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
    fiscal_year: int | Unset = UNSET,
    region: str | Unset = UNSET,
    department: UUID | Unset = UNSET,
    status: ProjectStatus | Unset = UNSET,
    key_monitoring: bool | Unset = UNSET,
    function_class: str | Unset = UNSET,
    q: str | Unset = UNSET,
    sort: ProjectOrder | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    format_: ExportFormat | Unset = UNSET,
    read_consistency: ListProjectsReadConsistency | Unset = UNSET,
) -> PageProject | Problem | None:
    """List projects

     Projects the caller may see: all for an admin; the region subtree's projects for a finance officer
    or auditor, never classified ones or those of classified departments; its department's and units'
    projects for a department officer. `format=csv` (or `Accept: text/csv`) and `format=xlsx` give every
    matching project as a file, in the list's order. Roles: admin, finance_officer, auditor,
    department_officer.

    Args:
        fiscal_year (int | Unset):
        region (str | Unset):
        department (UUID | Unset):
        status (ProjectStatus | Unset):
        key_monitoring (bool | Unset):
        function_class (str | Unset):
        q (str | Unset):
        sort (ProjectOrder | Unset): The order of a project list: a field, or `-` and the field
            for descending.
        limit (int | Unset):
        cursor (str | Unset):
        format_ (ExportFormat | Unset): `json` (the default), or `csv` or `xlsx` for every
            matching row as a file.
        read_consistency (ListProjectsReadConsistency | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageProject | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            fiscal_year=fiscal_year,
            region=region,
            department=department,
            status=status,
            key_monitoring=key_monitoring,
            function_class=function_class,
            q=q,
            sort=sort,
            limit=limit,
            cursor=cursor,
            format_=format_,
            read_consistency=read_consistency,
        )
    ).parsed
