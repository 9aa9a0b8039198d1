import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.list_audit_events_read_consistency import ListAuditEventsReadConsistency
from ...models.page_audit_event import PageAuditEvent
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    entity_type: str | Unset = UNSET,
    entity_id: str | Unset = UNSET,
    actor: UUID | Unset = UNSET,
    action: str | Unset = UNSET,
    from_: datetime.datetime | Unset = UNSET,
    to: datetime.datetime | Unset = UNSET,
    region: str | Unset = UNSET,
    project: UUID | Unset = UNSET,
    department: UUID | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    read_consistency: ListAuditEventsReadConsistency | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(read_consistency, Unset):
        headers["Read-Consistency"] = str(read_consistency)

    params: dict[str, Any] = {}

    params["entity_type"] = entity_type

    params["entity_id"] = entity_id

    json_actor: str | Unset = UNSET
    if not isinstance(actor, Unset):
        json_actor = str(actor)
    params["actor"] = json_actor

    params["action"] = action

    json_from_: str | Unset = UNSET
    if not isinstance(from_, Unset):
        json_from_ = from_.isoformat()
    params["from"] = json_from_

    json_to: str | Unset = UNSET
    if not isinstance(to, Unset):
        json_to = to.isoformat()
    params["to"] = json_to

    params["region"] = region

    json_project: str | Unset = UNSET
    if not isinstance(project, Unset):
        json_project = str(project)
    params["project"] = json_project

    json_department: str | Unset = UNSET
    if not isinstance(department, Unset):
        json_department = str(department)
    params["department"] = json_department

    params["limit"] = limit

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/audit-events",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageAuditEvent | Problem | None:
    if response.status_code == 200:
        response_200 = PageAuditEvent.from_dict(response.json())

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
) -> Response[PageAuditEvent | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    entity_type: str | Unset = UNSET,
    entity_id: str | Unset = UNSET,
    actor: UUID | Unset = UNSET,
    action: str | Unset = UNSET,
    from_: datetime.datetime | Unset = UNSET,
    to: datetime.datetime | Unset = UNSET,
    region: str | Unset = UNSET,
    project: UUID | Unset = UNSET,
    department: UUID | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    read_consistency: ListAuditEventsReadConsistency | Unset = UNSET,
) -> Response[PageAuditEvent | Problem]:
    """List audit events

     Newest first. Admins see every event; finance officers and auditors the events of their region
    subtree, without those about a secret-related project or department (classified now, or when the
    event was written) or anything that belongs to one. Roles: admin, finance_officer, auditor.

    Args:
        entity_type (str | Unset):
        entity_id (str | Unset):
        actor (UUID | Unset):
        action (str | Unset):
        from_ (datetime.datetime | Unset):
        to (datetime.datetime | Unset):
        region (str | Unset):
        project (UUID | Unset):
        department (UUID | Unset):
        limit (int | Unset):
        cursor (str | Unset):
        read_consistency (ListAuditEventsReadConsistency | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageAuditEvent | Problem]
    """

    kwargs = _get_kwargs(
        entity_type=entity_type,
        entity_id=entity_id,
        actor=actor,
        action=action,
        from_=from_,
        to=to,
        region=region,
        project=project,
        department=department,
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
    entity_type: str | Unset = UNSET,
    entity_id: str | Unset = UNSET,
    actor: UUID | Unset = UNSET,
    action: str | Unset = UNSET,
    from_: datetime.datetime | Unset = UNSET,
    to: datetime.datetime | Unset = UNSET,
    region: str | Unset = UNSET,
    project: UUID | Unset = UNSET,
    department: UUID | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    read_consistency: ListAuditEventsReadConsistency | Unset = UNSET,
) -> PageAuditEvent | Problem | None:
    """List audit events

     Newest first. Admins see every event; finance officers and auditors the events of their region
    subtree, without those about a secret-related project or department (classified now, or when the
    event was written) or anything that belongs to one. Roles: admin, finance_officer, auditor.

    Args:
        entity_type (str | Unset):
        entity_id (str | Unset):
        actor (UUID | Unset):
        action (str | Unset):
        from_ (datetime.datetime | Unset):
        to (datetime.datetime | Unset):
        region (str | Unset):
        project (UUID | Unset):
        department (UUID | Unset):
        limit (int | Unset):
        cursor (str | Unset):
        read_consistency (ListAuditEventsReadConsistency | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageAuditEvent | Problem
    """

    return sync_detailed(
        client=client,
        entity_type=entity_type,
        entity_id=entity_id,
        actor=actor,
        action=action,
        from_=from_,
        to=to,
        region=region,
        project=project,
        department=department,
        limit=limit,
        cursor=cursor,
        read_consistency=read_consistency,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    entity_type: str | Unset = UNSET,
    entity_id: str | Unset = UNSET,
    actor: UUID | Unset = UNSET,
    action: str | Unset = UNSET,
    from_: datetime.datetime | Unset = UNSET,
    to: datetime.datetime | Unset = UNSET,
    region: str | Unset = UNSET,
    project: UUID | Unset = UNSET,
    department: UUID | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    read_consistency: ListAuditEventsReadConsistency | Unset = UNSET,
) -> Response[PageAuditEvent | Problem]:
    """List audit events

     Newest first. Admins see every event; finance officers and auditors the events of their region
    subtree, without those about a secret-related project or department (classified now, or when the
    event was written) or anything that belongs to one. Roles: admin, finance_officer, auditor.

    Args:
        entity_type (str | Unset):
        entity_id (str | Unset):
        actor (UUID | Unset):
        action (str | Unset):
        from_ (datetime.datetime | Unset):
        to (datetime.datetime | Unset):
        region (str | Unset):
        project (UUID | Unset):
        department (UUID | Unset):
        limit (int | Unset):
        cursor (str | Unset):
        read_consistency (ListAuditEventsReadConsistency | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageAuditEvent | Problem]
    """

    kwargs = _get_kwargs(
        entity_type=entity_type,
        entity_id=entity_id,
        actor=actor,
        action=action,
        from_=from_,
        to=to,
        region=region,
        project=project,
        department=department,
        limit=limit,
        cursor=cursor,
        read_consistency=read_consistency,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    entity_type: str | Unset = UNSET,
    entity_id: str | Unset = UNSET,
    actor: UUID | Unset = UNSET,
    action: str | Unset = UNSET,
    from_: datetime.datetime | Unset = UNSET,
    to: datetime.datetime | Unset = UNSET,
    region: str | Unset = UNSET,
    project: UUID | Unset = UNSET,
    department: UUID | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    read_consistency: ListAuditEventsReadConsistency | Unset = UNSET,
) -> PageAuditEvent | Problem | None:
    """List audit events

     Newest first. Admins see every event; finance officers and auditors the events of their region
    subtree, without those about a secret-related project or department (classified now, or when the
    event was written) or anything that belongs to one. Roles: admin, finance_officer, auditor.

    Args:
        entity_type (str | Unset):
        entity_id (str | Unset):
        actor (UUID | Unset):
        action (str | Unset):
        from_ (datetime.datetime | Unset):
        to (datetime.datetime | Unset):
        region (str | Unset):
        project (UUID | Unset):
        department (UUID | Unset):
        limit (int | Unset):
        cursor (str | Unset):
        read_consistency (ListAuditEventsReadConsistency | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageAuditEvent | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            entity_type=entity_type,
            entity_id=entity_id,
            actor=actor,
            action=action,
            from_=from_,
            to=to,
            region=region,
            project=project,
            department=department,
            limit=limit,
            cursor=cursor,
            read_consistency=read_consistency,
        )
    ).parsed
