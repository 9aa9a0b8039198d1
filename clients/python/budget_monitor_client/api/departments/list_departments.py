from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.department_order import DepartmentOrder
from ...models.list_departments_read_consistency import ListDepartmentsReadConsistency
from ...models.page_department import PageDepartment
from ...models.problem import Problem
from ...models.region_level import RegionLevel
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    region: str | Unset = UNSET,
    level: RegionLevel | Unset = UNSET,
    parent: UUID | Unset = UNSET,
    active: bool | Unset = UNSET,
    q: str | Unset = UNSET,
    sort: DepartmentOrder | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    read_consistency: ListDepartmentsReadConsistency | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(read_consistency, Unset):
        headers["Read-Consistency"] = str(read_consistency)

    params: dict[str, Any] = {}

    params["region"] = region

    json_level: str | Unset = UNSET
    if not isinstance(level, Unset):
        json_level = level.value

    params["level"] = json_level

    json_parent: str | Unset = UNSET
    if not isinstance(parent, Unset):
        json_parent = str(parent)
    params["parent"] = json_parent

    params["active"] = active

    params["q"] = q

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort.value

    params["sort"] = json_sort

    params["limit"] = limit

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/departments",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageDepartment | Problem | None:
    if response.status_code == 200:
        response_200 = PageDepartment.from_dict(response.json())

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
) -> Response[PageDepartment | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    region: str | Unset = UNSET,
    level: RegionLevel | Unset = UNSET,
    parent: UUID | Unset = UNSET,
    active: bool | Unset = UNSET,
    q: str | Unset = UNSET,
    sort: DepartmentOrder | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    read_consistency: ListDepartmentsReadConsistency | Unset = UNSET,
) -> Response[PageDepartment | Problem]:
    """List departments

     Departments the caller may see: all for an admin; the region subtree's non-classified departments
    for a finance officer or auditor; its own department and units for a department officer. Roles:
    admin, finance_officer, auditor, department_officer.

    Args:
        region (str | Unset):
        level (RegionLevel | Unset):
        parent (UUID | Unset):
        active (bool | Unset):
        q (str | Unset):
        sort (DepartmentOrder | Unset): The order of a department list: a field, or `-` and the
            field for descending.
        limit (int | Unset):
        cursor (str | Unset):
        read_consistency (ListDepartmentsReadConsistency | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageDepartment | Problem]
    """

    kwargs = _get_kwargs(
        region=region,
        level=level,
        parent=parent,
        active=active,
        q=q,
        sort=sort,
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
    region: str | Unset = UNSET,
    level: RegionLevel | Unset = UNSET,
    parent: UUID | Unset = UNSET,
    active: bool | Unset = UNSET,
    q: str | Unset = UNSET,
    sort: DepartmentOrder | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    read_consistency: ListDepartmentsReadConsistency | Unset = UNSET,
) -> PageDepartment | Problem | None:
    """List departments

     Departments the caller may see: all for an admin; the region subtree's non-classified departments
    for a finance officer or auditor; its own department and units for a department officer. Roles:
    admin, finance_officer, auditor, department_officer.

    Args:
        region (str | Unset):
        level (RegionLevel | Unset):
        parent (UUID | Unset):
        active (bool | Unset):
        q (str | Unset):
        sort (DepartmentOrder | Unset): The order of a department list: a field, or `-` and the
            field for descending.
        limit (int | Unset):
        cursor (str | Unset):
        read_consistency (ListDepartmentsReadConsistency | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageDepartment | Problem
    """

    return sync_detailed(
        client=client,
        region=region,
        level=level,
        parent=parent,
        active=active,
        q=q,
        sort=sort,
        limit=limit,
        cursor=cursor,
        read_consistency=read_consistency,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    region: str | Unset = UNSET,
    level: RegionLevel | Unset = UNSET,
    parent: UUID | Unset = UNSET,
    active: bool | Unset = UNSET,
    q: str | Unset = UNSET,
    sort: DepartmentOrder | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    read_consistency: ListDepartmentsReadConsistency | Unset = UNSET,
) -> Response[PageDepartment | Problem]:
    """List departments

     Departments the caller may see: all for an admin; the region subtree's non-classified departments
    for a finance officer or auditor; its own department and units for a department officer. Roles:
    admin, finance_officer, auditor, department_officer.

    Args:
        region (str | Unset):
        level (RegionLevel | Unset):
        parent (UUID | Unset):
        active (bool | Unset):
        q (str | Unset):
        sort (DepartmentOrder | Unset): The order of a department list: a field, or `-` and the
            field for descending.
        limit (int | Unset):
        cursor (str | Unset):
        read_consistency (ListDepartmentsReadConsistency | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageDepartment | Problem]
    """

    kwargs = _get_kwargs(
        region=region,
        level=level,
        parent=parent,
        active=active,
        q=q,
        sort=sort,
        limit=limit,
        cursor=cursor,
        read_consistency=read_consistency,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    region: str | Unset = UNSET,
    level: RegionLevel | Unset = UNSET,
    parent: UUID | Unset = UNSET,
    active: bool | Unset = UNSET,
    q: str | Unset = UNSET,
    sort: DepartmentOrder | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    read_consistency: ListDepartmentsReadConsistency | Unset = UNSET,
) -> PageDepartment | Problem | None:
    """List departments

     Departments the caller may see: all for an admin; the region subtree's non-classified departments
    for a finance officer or auditor; its own department and units for a department officer. Roles:
    admin, finance_officer, auditor, department_officer.

    Args:
        region (str | Unset):
        level (RegionLevel | Unset):
        parent (UUID | Unset):
        active (bool | Unset):
        q (str | Unset):
        sort (DepartmentOrder | Unset): The order of a department list: a field, or `-` and the
            field for descending.
        limit (int | Unset):
        cursor (str | Unset):
        read_consistency (ListDepartmentsReadConsistency | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageDepartment | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            region=region,
            level=level,
            parent=parent,
            active=active,
            q=q,
            sort=sort,
            limit=limit,
            cursor=cursor,
            read_consistency=read_consistency,
        )
    ).parsed
