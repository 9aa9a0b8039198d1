from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.list_policy_revisions_read_consistency import ListPolicyRevisionsReadConsistency
from ...models.page_policy_revision import PagePolicyRevision
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    revised: bool | Unset = UNSET,
    project: UUID | Unset = UNSET,
    department: UUID | Unset = UNSET,
    round_: UUID | Unset = UNSET,
    region: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    read_consistency: ListPolicyRevisionsReadConsistency | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(read_consistency, Unset):
        headers["Read-Consistency"] = str(read_consistency)

    params: dict[str, Any] = {}

    params["revised"] = revised

    json_project: str | Unset = UNSET
    if not isinstance(project, Unset):
        json_project = str(project)
    params["project"] = json_project

    json_department: str | Unset = UNSET
    if not isinstance(department, Unset):
        json_department = str(department)
    params["department"] = json_department

    json_round_: str | Unset = UNSET
    if not isinstance(round_, Unset):
        json_round_ = str(round_)
    params["round"] = json_round_

    params["region"] = region

    params["limit"] = limit

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/policy-revisions",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PagePolicyRevision | Problem | None:
    if response.status_code == 200:
        response_200 = PagePolicyRevision.from_dict(response.json())

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
) -> Response[PagePolicyRevision | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    revised: bool | Unset = UNSET,
    project: UUID | Unset = UNSET,
    department: UUID | Unset = UNSET,
    round_: UUID | Unset = UNSET,
    region: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    read_consistency: ListPolicyRevisionsReadConsistency | Unset = UNSET,
) -> Response[PagePolicyRevision | Problem]:
    """List policy revisions

     The `policy_revision` opinions of key-monitoring inspections within the caller's scope, oldest
    first, with whether each policy has been revised. Roles: admin, finance_officer, auditor,
    department_officer.

    Args:
        revised (bool | Unset):
        project (UUID | Unset):
        department (UUID | Unset):
        round_ (UUID | Unset):
        region (str | Unset):
        limit (int | Unset):
        cursor (str | Unset):
        read_consistency (ListPolicyRevisionsReadConsistency | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PagePolicyRevision | Problem]
    """

    kwargs = _get_kwargs(
        revised=revised,
        project=project,
        department=department,
        round_=round_,
        region=region,
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
    revised: bool | Unset = UNSET,
    project: UUID | Unset = UNSET,
    department: UUID | Unset = UNSET,
    round_: UUID | Unset = UNSET,
    region: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    read_consistency: ListPolicyRevisionsReadConsistency | Unset = UNSET,
) -> PagePolicyRevision | Problem | None:
    """List policy revisions

     The `policy_revision` opinions of key-monitoring inspections within the caller's scope, oldest
    first, with whether each policy has been revised. Roles: admin, finance_officer, auditor,
    department_officer.

    Args:
        revised (bool | Unset):
        project (UUID | Unset):
        department (UUID | Unset):
        round_ (UUID | Unset):
        region (str | Unset):
        limit (int | Unset):
        cursor (str | Unset):
        read_consistency (ListPolicyRevisionsReadConsistency | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PagePolicyRevision | Problem
    """

    return sync_detailed(
        client=client,
        revised=revised,
        project=project,
        department=department,
        round_=round_,
        region=region,
        limit=limit,
        cursor=cursor,
        read_consistency=read_consistency,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    revised: bool | Unset = UNSET,
    project: UUID | Unset = UNSET,
    department: UUID | Unset = UNSET,
    round_: UUID | Unset = UNSET,
    region: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    read_consistency: ListPolicyRevisionsReadConsistency | Unset = UNSET,
) -> Response[PagePolicyRevision | Problem]:
    """List policy revisions

     The `policy_revision` opinions of key-monitoring inspections within the caller's scope, oldest
    first, with whether each policy has been revised. Roles: admin, finance_officer, auditor,
    department_officer.

    Args:
        revised (bool | Unset):
        project (UUID | Unset):
        department (UUID | Unset):
        round_ (UUID | Unset):
        region (str | Unset):
        limit (int | Unset):
        cursor (str | Unset):
        read_consistency (ListPolicyRevisionsReadConsistency | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PagePolicyRevision | Problem]
    """

    kwargs = _get_kwargs(
        revised=revised,
        project=project,
        department=department,
        round_=round_,
        region=region,
        limit=limit,
        cursor=cursor,
        read_consistency=read_consistency,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    revised: bool | Unset = UNSET,
    project: UUID | Unset = UNSET,
    department: UUID | Unset = UNSET,
    round_: UUID | Unset = UNSET,
    region: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    read_consistency: ListPolicyRevisionsReadConsistency | Unset = UNSET,
) -> PagePolicyRevision | Problem | None:
    """List policy revisions

     The `policy_revision` opinions of key-monitoring inspections within the caller's scope, oldest
    first, with whether each policy has been revised. Roles: admin, finance_officer, auditor,
    department_officer.

    Args:
        revised (bool | Unset):
        project (UUID | Unset):
        department (UUID | Unset):
        round_ (UUID | Unset):
        region (str | Unset):
        limit (int | Unset):
        cursor (str | Unset):
        read_consistency (ListPolicyRevisionsReadConsistency | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PagePolicyRevision | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            revised=revised,
            project=project,
            department=department,
            round_=round_,
            region=region,
            limit=limit,
            cursor=cursor,
            read_consistency=read_consistency,
        )
    ).parsed
