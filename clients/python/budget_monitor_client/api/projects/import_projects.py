from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.import_report import ImportReport
from ...models.import_request import ImportRequest
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: ImportRequest,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/projects/import",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ImportReport | Problem | None:
    if response.status_code == 200:
        response_200 = ImportReport.from_dict(response.json())

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

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

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
) -> Response[ImportReport | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ImportRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[ImportReport | Problem]:
    """Import projects

     Up to 5,000 projects as JSON (`{"items": [...]}`) or CSV (`text/csv`, the layout of `GET
    /api/v1/projects/import/template.csv`: one row per indicator with the project columns repeated).
    Each item is upserted by region code, fiscal year and project code (department by code) and reported
    by index as `created`, `updated`, `unchanged` or `rejected` with its reasons; the other items are
    written regardless. Items are written in order, 500 to a transaction; an item the database refuses
    is rejected on its own and the rest of its transaction is written. `not_processed` means the service
    could not handle the item (its database became unreachable, or it failed, or its transaction could
    not be committed): resend it, the upsert makes that safe. When the database goes away in the middle
    of an import, the items of the transactions already committed keep their results, and the items of
    the transaction under way and every later item are `not_processed` (items rejected for their own
    reasons stay `rejected`); when it is away before the first item, the answer is 503 with `Retry-
    After`. With an `Idempotency-Key`, a retry within 24 hours gets the first answer again without
    writing (unless it had `not_processed` items: then it is not kept and the retry is processed), and
    the same key with a different body answers 422; a key whose request was cut off by an outage is free
    again at once. Roles: admin, finance_officer.

    Args:
        idempotency_key (str | Unset):
        body (ImportRequest):  Example: {'items': [{'category': 'special', 'code':
            'JN2021-KJ-003', 'department_code': 'JNKJJ', 'fiscal_year': 2021, 'function_class':
            '20601', 'fund_sources': {'municipal': '30000000.00'}, 'indicators': [{'comparator': '>=',
            'level1': 'output', 'level2': 'quantity', 'name': 'Start-ups incubated', 'target_value':
            '40', 'unit': 'companies', 'weight': '90'}], 'initial_budget': '30000000.00', 'name':
            'Science park incubators', 'region_code': '370100'}]}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ImportReport | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: ImportRequest,
    idempotency_key: str | Unset = UNSET,
) -> ImportReport | Problem | None:
    """Import projects

     Up to 5,000 projects as JSON (`{"items": [...]}`) or CSV (`text/csv`, the layout of `GET
    /api/v1/projects/import/template.csv`: one row per indicator with the project columns repeated).
    Each item is upserted by region code, fiscal year and project code (department by code) and reported
    by index as `created`, `updated`, `unchanged` or `rejected` with its reasons; the other items are
    written regardless. Items are written in order, 500 to a transaction; an item the database refuses
    is rejected on its own and the rest of its transaction is written. `not_processed` means the service
    could not handle the item (its database became unreachable, or it failed, or its transaction could
    not be committed): resend it, the upsert makes that safe. When the database goes away in the middle
    of an import, the items of the transactions already committed keep their results, and the items of
    the transaction under way and every later item are `not_processed` (items rejected for their own
    reasons stay `rejected`); when it is away before the first item, the answer is 503 with `Retry-
    After`. With an `Idempotency-Key`, a retry within 24 hours gets the first answer again without
    writing (unless it had `not_processed` items: then it is not kept and the retry is processed), and
    the same key with a different body answers 422; a key whose request was cut off by an outage is free
    again at once. Roles: admin, finance_officer.

    Args:
        idempotency_key (str | Unset):
        body (ImportRequest):  Example: {'items': [{'category': 'special', 'code':
            'JN2021-KJ-003', 'department_code': 'JNKJJ', 'fiscal_year': 2021, 'function_class':
            '20601', 'fund_sources': {'municipal': '30000000.00'}, 'indicators': [{'comparator': '>=',
            'level1': 'output', 'level2': 'quantity', 'name': 'Start-ups incubated', 'target_value':
            '40', 'unit': 'companies', 'weight': '90'}], 'initial_budget': '30000000.00', 'name':
            'Science park incubators', 'region_code': '370100'}]}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ImportReport | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ImportRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[ImportReport | Problem]:
    """Import projects

     Up to 5,000 projects as JSON (`{"items": [...]}`) or CSV (`text/csv`, the layout of `GET
    /api/v1/projects/import/template.csv`: one row per indicator with the project columns repeated).
    Each item is upserted by region code, fiscal year and project code (department by code) and reported
    by index as `created`, `updated`, `unchanged` or `rejected` with its reasons; the other items are
    written regardless. Items are written in order, 500 to a transaction; an item the database refuses
    is rejected on its own and the rest of its transaction is written. `not_processed` means the service
    could not handle the item (its database became unreachable, or it failed, or its transaction could
    not be committed): resend it, the upsert makes that safe. When the database goes away in the middle
    of an import, the items of the transactions already committed keep their results, and the items of
    the transaction under way and every later item are `not_processed` (items rejected for their own
    reasons stay `rejected`); when it is away before the first item, the answer is 503 with `Retry-
    After`. With an `Idempotency-Key`, a retry within 24 hours gets the first answer again without
    writing (unless it had `not_processed` items: then it is not kept and the retry is processed), and
    the same key with a different body answers 422; a key whose request was cut off by an outage is free
    again at once. Roles: admin, finance_officer.

    Args:
        idempotency_key (str | Unset):
        body (ImportRequest):  Example: {'items': [{'category': 'special', 'code':
            'JN2021-KJ-003', 'department_code': 'JNKJJ', 'fiscal_year': 2021, 'function_class':
            '20601', 'fund_sources': {'municipal': '30000000.00'}, 'indicators': [{'comparator': '>=',
            'level1': 'output', 'level2': 'quantity', 'name': 'Start-ups incubated', 'target_value':
            '40', 'unit': 'companies', 'weight': '90'}], 'initial_budget': '30000000.00', 'name':
            'Science park incubators', 'region_code': '370100'}]}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ImportReport | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: ImportRequest,
    idempotency_key: str | Unset = UNSET,
) -> ImportReport | Problem | None:
    """Import projects

     Up to 5,000 projects as JSON (`{"items": [...]}`) or CSV (`text/csv`, the layout of `GET
    /api/v1/projects/import/template.csv`: one row per indicator with the project columns repeated).
    Each item is upserted by region code, fiscal year and project code (department by code) and reported
    by index as `created`, `updated`, `unchanged` or `rejected` with its reasons; the other items are
    written regardless. Items are written in order, 500 to a transaction; an item the database refuses
    is rejected on its own and the rest of its transaction is written. `not_processed` means the service
    could not handle the item (its database became unreachable, or it failed, or its transaction could
    not be committed): resend it, the upsert makes that safe. When the database goes away in the middle
    of an import, the items of the transactions already committed keep their results, and the items of
    the transaction under way and every later item are `not_processed` (items rejected for their own
    reasons stay `rejected`); when it is away before the first item, the answer is 503 with `Retry-
    After`. With an `Idempotency-Key`, a retry within 24 hours gets the first answer again without
    writing (unless it had `not_processed` items: then it is not kept and the retry is processed), and
    the same key with a different body answers 422; a key whose request was cut off by an outage is free
    again at once. Roles: admin, finance_officer.

    Args:
        idempotency_key (str | Unset):
        body (ImportRequest):  Example: {'items': [{'category': 'special', 'code':
            'JN2021-KJ-003', 'department_code': 'JNKJJ', 'fiscal_year': 2021, 'function_class':
            '20601', 'fund_sources': {'municipal': '30000000.00'}, 'indicators': [{'comparator': '>=',
            'level1': 'output', 'level2': 'quantity', 'name': 'Start-ups incubated', 'target_value':
            '40', 'unit': 'companies', 'weight': '90'}], 'initial_budget': '30000000.00', 'name':
            'Science park incubators', 'region_code': '370100'}]}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ImportReport | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
