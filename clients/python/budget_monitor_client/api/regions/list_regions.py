from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.list_regions_read_consistency import ListRegionsReadConsistency
from ...models.page_region import PageRegion
from ...models.problem import Problem
from ...models.region_level import RegionLevel
from ...models.region_order import RegionOrder
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    parent: str | Unset = UNSET,
    level: RegionLevel | Unset = UNSET,
    region: str | Unset = UNSET,
    q: str | Unset = UNSET,
    sort: RegionOrder | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    read_consistency: ListRegionsReadConsistency | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(read_consistency, Unset):
        headers["Read-Consistency"] = str(read_consistency)

    params: dict[str, Any] = {}

    params["parent"] = parent

    json_level: str | Unset = UNSET
    if not isinstance(level, Unset):
        json_level = level.value

    params["level"] = json_level

    params["region"] = region

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
        "url": "/api/v1/regions",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PageRegion | Problem | None:
    if response.status_code == 200:
        response_200 = PageRegion.from_dict(response.json())

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
) -> Response[PageRegion | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    parent: str | Unset = UNSET,
    level: RegionLevel | Unset = UNSET,
    region: str | Unset = UNSET,
    q: str | Unset = UNSET,
    sort: RegionOrder | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    read_consistency: ListRegionsReadConsistency | Unset = UNSET,
) -> Response[PageRegion | Problem]:
    """List regions

     Regions the caller may see: everything for an admin, the region's subtree for a finance officer or
    auditor, the department's own region for a department officer. Roles: admin, finance_officer,
    auditor, department_officer.

    Args:
        parent (str | Unset):
        level (RegionLevel | Unset):
        region (str | Unset):
        q (str | Unset):
        sort (RegionOrder | Unset): The order of a region list: a field, or `-` and the field for
            descending.
        limit (int | Unset):
        cursor (str | Unset):
        read_consistency (ListRegionsReadConsistency | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageRegion | Problem]
    """

    kwargs = _get_kwargs(
        parent=parent,
        level=level,
        region=region,
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
    parent: str | Unset = UNSET,
    level: RegionLevel | Unset = UNSET,
    region: str | Unset = UNSET,
    q: str | Unset = UNSET,
    sort: RegionOrder | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    read_consistency: ListRegionsReadConsistency | Unset = UNSET,
) -> PageRegion | Problem | None:
    """List regions

     Regions the caller may see: everything for an admin, the region's subtree for a finance officer or
    auditor, the department's own region for a department officer. Roles: admin, finance_officer,
    auditor, department_officer.

    Args:
        parent (str | Unset):
        level (RegionLevel | Unset):
        region (str | Unset):
        q (str | Unset):
        sort (RegionOrder | Unset): The order of a region list: a field, or `-` and the field for
            descending.
        limit (int | Unset):
        cursor (str | Unset):
        read_consistency (ListRegionsReadConsistency | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageRegion | Problem
    """

    return sync_detailed(
        client=client,
        parent=parent,
        level=level,
        region=region,
        q=q,
        sort=sort,
        limit=limit,
        cursor=cursor,
        read_consistency=read_consistency,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    parent: str | Unset = UNSET,
    level: RegionLevel | Unset = UNSET,
    region: str | Unset = UNSET,
    q: str | Unset = UNSET,
    sort: RegionOrder | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    read_consistency: ListRegionsReadConsistency | Unset = UNSET,
) -> Response[PageRegion | Problem]:
    """List regions

     Regions the caller may see: everything for an admin, the region's subtree for a finance officer or
    auditor, the department's own region for a department officer. Roles: admin, finance_officer,
    auditor, department_officer.

    Args:
        parent (str | Unset):
        level (RegionLevel | Unset):
        region (str | Unset):
        q (str | Unset):
        sort (RegionOrder | Unset): The order of a region list: a field, or `-` and the field for
            descending.
        limit (int | Unset):
        cursor (str | Unset):
        read_consistency (ListRegionsReadConsistency | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageRegion | Problem]
    """

    kwargs = _get_kwargs(
        parent=parent,
        level=level,
        region=region,
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
    parent: str | Unset = UNSET,
    level: RegionLevel | Unset = UNSET,
    region: str | Unset = UNSET,
    q: str | Unset = UNSET,
    sort: RegionOrder | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    read_consistency: ListRegionsReadConsistency | Unset = UNSET,
) -> PageRegion | Problem | None:
    """List regions

     Regions the caller may see: everything for an admin, the region's subtree for a finance officer or
    auditor, the department's own region for a department officer. Roles: admin, finance_officer,
    auditor, department_officer.

    Args:
        parent (str | Unset):
        level (RegionLevel | Unset):
        region (str | Unset):
        q (str | Unset):
        sort (RegionOrder | Unset): The order of a region list: a field, or `-` and the field for
            descending.
        limit (int | Unset):
        cursor (str | Unset):
        read_consistency (ListRegionsReadConsistency | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageRegion | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            parent=parent,
            level=level,
            region=region,
            q=q,
            sort=sort,
            limit=limit,
            cursor=cursor,
            read_consistency=read_consistency,
        )
    ).parsed
