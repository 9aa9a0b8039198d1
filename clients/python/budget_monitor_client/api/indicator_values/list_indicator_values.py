import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.list_indicator_values_read_consistency import ListIndicatorValuesReadConsistency
from ...models.page_indicator_value import PageIndicatorValue
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    project: UUID | Unset = UNSET,
    department: UUID | Unset = UNSET,
    indicator: UUID | Unset = UNSET,
    region: str | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    source_system: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    read_consistency: ListIndicatorValuesReadConsistency | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(read_consistency, Unset):
        headers["Read-Consistency"] = str(read_consistency)

    params: dict[str, Any] = {}

    json_project: str | Unset = UNSET
    if not isinstance(project, Unset):
        json_project = str(project)
    params["project"] = json_project

    json_department: str | Unset = UNSET
    if not isinstance(department, Unset):
        json_department = str(department)
    params["department"] = json_department

    json_indicator: str | Unset = UNSET
    if not isinstance(indicator, Unset):
        json_indicator = str(indicator)
    params["indicator"] = json_indicator

    params["region"] = region

    json_from_: str | Unset = UNSET
    if not isinstance(from_, Unset):
        json_from_ = from_.isoformat()
    params["from"] = json_from_

    json_to: str | Unset = UNSET
    if not isinstance(to, Unset):
        json_to = to.isoformat()
    params["to"] = json_to

    params["source_system"] = source_system

    params["limit"] = limit

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/indicator-values",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageIndicatorValue | Problem | None:
    if response.status_code == 200:
        response_200 = PageIndicatorValue.from_dict(response.json())

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
) -> Response[PageIndicatorValue | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    project: UUID | Unset = UNSET,
    department: UUID | Unset = UNSET,
    indicator: UUID | Unset = UNSET,
    region: str | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    source_system: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    read_consistency: ListIndicatorValuesReadConsistency | Unset = UNSET,
) -> Response[PageIndicatorValue | Problem]:
    """List measured indicator values

     In order of receipt, within the caller's scope (classified projects only for admins). Roles: admin,
    finance_officer, auditor, department_officer.

    Args:
        project (UUID | Unset):
        department (UUID | Unset):
        indicator (UUID | Unset):
        region (str | Unset):
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        source_system (str | Unset):
        limit (int | Unset):
        cursor (str | Unset):
        read_consistency (ListIndicatorValuesReadConsistency | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageIndicatorValue | Problem]
    """

    kwargs = _get_kwargs(
        project=project,
        department=department,
        indicator=indicator,
        region=region,
        from_=from_,
        to=to,
        source_system=source_system,
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
    project: UUID | Unset = UNSET,
    department: UUID | Unset = UNSET,
    indicator: UUID | Unset = UNSET,
    region: str | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    source_system: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    read_consistency: ListIndicatorValuesReadConsistency | Unset = UNSET,
) -> PageIndicatorValue | Problem | None:
    """List measured indicator values

     In order of receipt, within the caller's scope (classified projects only for admins). Roles: admin,
    finance_officer, auditor, department_officer.

    Args:
        project (UUID | Unset):
        department (UUID | Unset):
        indicator (UUID | Unset):
        region (str | Unset):
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        source_system (str | Unset):
        limit (int | Unset):
        cursor (str | Unset):
        read_consistency (ListIndicatorValuesReadConsistency | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageIndicatorValue | Problem
    """

    return sync_detailed(
        client=client,
        project=project,
        department=department,
        indicator=indicator,
        region=region,
        from_=from_,
        to=to,
        source_system=source_system,
        limit=limit,
        cursor=cursor,
        read_consistency=read_consistency,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    project: UUID | Unset = UNSET,
    department: UUID | Unset = UNSET,
    indicator: UUID | Unset = UNSET,
    region: str | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    source_system: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    read_consistency: ListIndicatorValuesReadConsistency | Unset = UNSET,
) -> Response[PageIndicatorValue | Problem]:
    """List measured indicator values

     In order of receipt, within the caller's scope (classified projects only for admins). Roles: admin,
    finance_officer, auditor, department_officer.

    Args:
        project (UUID | Unset):
        department (UUID | Unset):
        indicator (UUID | Unset):
        region (str | Unset):
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        source_system (str | Unset):
        limit (int | Unset):
        cursor (str | Unset):
        read_consistency (ListIndicatorValuesReadConsistency | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageIndicatorValue | Problem]
    """

    kwargs = _get_kwargs(
        project=project,
        department=department,
        indicator=indicator,
        region=region,
        from_=from_,
        to=to,
        source_system=source_system,
        limit=limit,
        cursor=cursor,
        read_consistency=read_consistency,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    project: UUID | Unset = UNSET,
    department: UUID | Unset = UNSET,
    indicator: UUID | Unset = UNSET,
    region: str | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    source_system: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    read_consistency: ListIndicatorValuesReadConsistency | Unset = UNSET,
) -> PageIndicatorValue | Problem | None:
    """List measured indicator values

     In order of receipt, within the caller's scope (classified projects only for admins). Roles: admin,
    finance_officer, auditor, department_officer.

    Args:
        project (UUID | Unset):
        department (UUID | Unset):
        indicator (UUID | Unset):
        region (str | Unset):
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        source_system (str | Unset):
        limit (int | Unset):
        cursor (str | Unset):
        read_consistency (ListIndicatorValuesReadConsistency | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageIndicatorValue | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            project=project,
            department=department,
            indicator=indicator,
            region=region,
            from_=from_,
            to=to,
            source_system=source_system,
            limit=limit,
            cursor=cursor,
            read_consistency=read_consistency,
        )
    ).parsed
