from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.list_users_read_consistency import ListUsersReadConsistency
from ...models.page_user import PageUser
from ...models.problem import Problem
from ...models.role import Role
from ...models.user_order import UserOrder
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    role: Role | Unset = UNSET,
    region: str | Unset = UNSET,
    department: UUID | Unset = UNSET,
    active: bool | Unset = UNSET,
    q: str | Unset = UNSET,
    sort: UserOrder | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    read_consistency: ListUsersReadConsistency | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(read_consistency, Unset):
        headers["Read-Consistency"] = str(read_consistency)

    params: dict[str, Any] = {}

    json_role: str | Unset = UNSET
    if not isinstance(role, Unset):
        json_role = role.value

    params["role"] = json_role

    params["region"] = region

    json_department: str | Unset = UNSET
    if not isinstance(department, Unset):
        json_department = str(department)
    params["department"] = json_department

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
        "url": "/api/v1/users",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PageUser | Problem | None:
    if response.status_code == 200:
        response_200 = PageUser.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PageUser | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    role: Role | Unset = UNSET,
    region: str | Unset = UNSET,
    department: UUID | Unset = UNSET,
    active: bool | Unset = UNSET,
    q: str | Unset = UNSET,
    sort: UserOrder | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    read_consistency: ListUsersReadConsistency | Unset = UNSET,
) -> Response[PageUser | Problem]:
    """List users

     All users for an admin; for a finance officer or auditor, the officers and auditors of its region
    subtree and the department officers of departments there (not of classified ones). Roles: admin,
    finance_officer, auditor.

    Args:
        role (Role | Unset):
        region (str | Unset):
        department (UUID | Unset):
        active (bool | Unset):
        q (str | Unset):
        sort (UserOrder | Unset): The order of a user list: a field, or `-` and the field for
            descending.
        limit (int | Unset):
        cursor (str | Unset):
        read_consistency (ListUsersReadConsistency | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageUser | Problem]
    """

    kwargs = _get_kwargs(
        role=role,
        region=region,
        department=department,
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
    role: Role | Unset = UNSET,
    region: str | Unset = UNSET,
    department: UUID | Unset = UNSET,
    active: bool | Unset = UNSET,
    q: str | Unset = UNSET,
    sort: UserOrder | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    read_consistency: ListUsersReadConsistency | Unset = UNSET,
) -> PageUser | Problem | None:
    """List users

     All users for an admin; for a finance officer or auditor, the officers and auditors of its region
    subtree and the department officers of departments there (not of classified ones). Roles: admin,
    finance_officer, auditor.

    Args:
        role (Role | Unset):
        region (str | Unset):
        department (UUID | Unset):
        active (bool | Unset):
        q (str | Unset):
        sort (UserOrder | Unset): The order of a user list: a field, or `-` and the field for
            descending.
        limit (int | Unset):
        cursor (str | Unset):
        read_consistency (ListUsersReadConsistency | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageUser | Problem
    """

    return sync_detailed(
        client=client,
        role=role,
        region=region,
        department=department,
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
    role: Role | Unset = UNSET,
    region: str | Unset = UNSET,
    department: UUID | Unset = UNSET,
    active: bool | Unset = UNSET,
    q: str | Unset = UNSET,
    sort: UserOrder | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    read_consistency: ListUsersReadConsistency | Unset = UNSET,
) -> Response[PageUser | Problem]:
    """List users

     All users for an admin; for a finance officer or auditor, the officers and auditors of its region
    subtree and the department officers of departments there (not of classified ones). Roles: admin,
    finance_officer, auditor.

    Args:
        role (Role | Unset):
        region (str | Unset):
        department (UUID | Unset):
        active (bool | Unset):
        q (str | Unset):
        sort (UserOrder | Unset): The order of a user list: a field, or `-` and the field for
            descending.
        limit (int | Unset):
        cursor (str | Unset):
        read_consistency (ListUsersReadConsistency | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageUser | Problem]
    """

    kwargs = _get_kwargs(
        role=role,
        region=region,
        department=department,
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
    role: Role | Unset = UNSET,
    region: str | Unset = UNSET,
    department: UUID | Unset = UNSET,
    active: bool | Unset = UNSET,
    q: str | Unset = UNSET,
    sort: UserOrder | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    read_consistency: ListUsersReadConsistency | Unset = UNSET,
) -> PageUser | Problem | None:
    """List users

     All users for an admin; for a finance officer or auditor, the officers and auditors of its region
    subtree and the department officers of departments there (not of classified ones). Roles: admin,
    finance_officer, auditor.

    Args:
        role (Role | Unset):
        region (str | Unset):
        department (UUID | Unset):
        active (bool | Unset):
        q (str | Unset):
        sort (UserOrder | Unset): The order of a user list: a field, or `-` and the field for
            descending.
        limit (int | Unset):
        cursor (str | Unset):
        read_consistency (ListUsersReadConsistency | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageUser | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            role=role,
            region=region,
            department=department,
            active=active,
            q=q,
            sort=sort,
            limit=limit,
            cursor=cursor,
            read_consistency=read_consistency,
        )
    ).parsed
