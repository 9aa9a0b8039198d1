from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.execution_batch import ExecutionBatch
from ...models.execution_report import ExecutionReport
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: ExecutionBatch,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/execution-records",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ExecutionReport | Problem | None:
    if response.status_code == 200:
        response_200 = ExecutionReport.from_dict(response.json())

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
) -> Response[ExecutionReport | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ExecutionBatch,
    idempotency_key: str | Unset = UNSET,
) -> Response[ExecutionReport | Problem]:
    """Send spending records

     Up to 10,000 records per request. Each is reported by index: `created`, `duplicate` (the project
    already has this `external_ref` with the same date and amount, so it is counted once) or `rejected`
    with its reasons (unknown project, stopped project, date outside the fiscal year, reference reused
    with other data); the other records are written regardless. Records are written in order, 500 to a
    transaction; a record the database refuses is rejected on its own and the rest of its transaction is
    written. `not_processed` means the service could not handle the record (its database became
    unreachable, or it failed, or its transaction could not be committed): resend it, its `external_ref`
    makes that safe. When the database goes away in the middle of a batch, the records of the
    transactions already committed keep their results, and the records of the transaction under way and
    every later record are `not_processed` (records rejected for their own reasons stay `rejected`);
    when it is away before the first record, the answer is 503 with `Retry-After`. Reports still being
    filled in are refreshed with the new executed amounts in the same transaction. `Idempotency-Key`
    makes a retry safe: a retry with the key gets the first answer again, unless that answer had
    `not_processed` records (then it is not kept, and the retry is processed, the records already stored
    counting as `duplicate`). A key whose request was cut off by an outage is free again at once. Roles:
    admin, finance_officer.

    Args:
        idempotency_key (str | Unset):
        body (ExecutionBatch):  Example: {'items': [{'amount': '12500000.00', 'description':
            'First instalment, base equipment', 'external_ref': 'GK-2021-000123', 'fiscal_year': 2021,
            'payment_date': '2021-03-15', 'project_code': 'SD2021-KJ-007', 'region_code': '370000'},
            {'amount': '-150000.00', 'description': 'Refund of an overpaid invoice', 'external_ref':
            'GK-2021-000187', 'payment_date': '2021-04-02', 'project_id':
            '0193a0c4-7f43-7000-8000-0000000000e1'}]}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ExecutionReport | Problem]
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
    body: ExecutionBatch,
    idempotency_key: str | Unset = UNSET,
) -> ExecutionReport | Problem | None:
    """Send spending records

     Up to 10,000 records per request. Each is reported by index: `created`, `duplicate` (the project
    already has this `external_ref` with the same date and amount, so it is counted once) or `rejected`
    with its reasons (unknown project, stopped project, date outside the fiscal year, reference reused
    with other data); the other records are written regardless. Records are written in order, 500 to a
    transaction; a record the database refuses is rejected on its own and the rest of its transaction is
    written. `not_processed` means the service could not handle the record (its database became
    unreachable, or it failed, or its transaction could not be committed): resend it, its `external_ref`
    makes that safe. When the database goes away in the middle of a batch, the records of the
    transactions already committed keep their results, and the records of the transaction under way and
    every later record are `not_processed` (records rejected for their own reasons stay `rejected`);
    when it is away before the first record, the answer is 503 with `Retry-After`. Reports still being
    filled in are refreshed with the new executed amounts in the same transaction. `Idempotency-Key`
    makes a retry safe: a retry with the key gets the first answer again, unless that answer had
    `not_processed` records (then it is not kept, and the retry is processed, the records already stored
    counting as `duplicate`). A key whose request was cut off by an outage is free again at once. Roles:
    admin, finance_officer.

    Args:
        idempotency_key (str | Unset):
        body (ExecutionBatch):  Example: {'items': [{'amount': '12500000.00', 'description':
            'First instalment, base equipment', 'external_ref': 'GK-2021-000123', 'fiscal_year': 2021,
            'payment_date': '2021-03-15', 'project_code': 'SD2021-KJ-007', 'region_code': '370000'},
            {'amount': '-150000.00', 'description': 'Refund of an overpaid invoice', 'external_ref':
            'GK-2021-000187', 'payment_date': '2021-04-02', 'project_id':
            '0193a0c4-7f43-7000-8000-0000000000e1'}]}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ExecutionReport | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ExecutionBatch,
    idempotency_key: str | Unset = UNSET,
) -> Response[ExecutionReport | Problem]:
    """Send spending records

     Up to 10,000 records per request. Each is reported by index: `created`, `duplicate` (the project
    already has this `external_ref` with the same date and amount, so it is counted once) or `rejected`
    with its reasons (unknown project, stopped project, date outside the fiscal year, reference reused
    with other data); the other records are written regardless. Records are written in order, 500 to a
    transaction; a record the database refuses is rejected on its own and the rest of its transaction is
    written. `not_processed` means the service could not handle the record (its database became
    unreachable, or it failed, or its transaction could not be committed): resend it, its `external_ref`
    makes that safe. When the database goes away in the middle of a batch, the records of the
    transactions already committed keep their results, and the records of the transaction under way and
    every later record are `not_processed` (records rejected for their own reasons stay `rejected`);
    when it is away before the first record, the answer is 503 with `Retry-After`. Reports still being
    filled in are refreshed with the new executed amounts in the same transaction. `Idempotency-Key`
    makes a retry safe: a retry with the key gets the first answer again, unless that answer had
    `not_processed` records (then it is not kept, and the retry is processed, the records already stored
    counting as `duplicate`). A key whose request was cut off by an outage is free again at once. Roles:
    admin, finance_officer.

    Args:
        idempotency_key (str | Unset):
        body (ExecutionBatch):  Example: {'items': [{'amount': '12500000.00', 'description':
            'First instalment, base equipment', 'external_ref': 'GK-2021-000123', 'fiscal_year': 2021,
            'payment_date': '2021-03-15', 'project_code': 'SD2021-KJ-007', 'region_code': '370000'},
            {'amount': '-150000.00', 'description': 'Refund of an overpaid invoice', 'external_ref':
            'GK-2021-000187', 'payment_date': '2021-04-02', 'project_id':
            '0193a0c4-7f43-7000-8000-0000000000e1'}]}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ExecutionReport | Problem]
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
    body: ExecutionBatch,
    idempotency_key: str | Unset = UNSET,
) -> ExecutionReport | Problem | None:
    """Send spending records

     Up to 10,000 records per request. Each is reported by index: `created`, `duplicate` (the project
    already has this `external_ref` with the same date and amount, so it is counted once) or `rejected`
    with its reasons (unknown project, stopped project, date outside the fiscal year, reference reused
    with other data); the other records are written regardless. Records are written in order, 500 to a
    transaction; a record the database refuses is rejected on its own and the rest of its transaction is
    written. `not_processed` means the service could not handle the record (its database became
    unreachable, or it failed, or its transaction could not be committed): resend it, its `external_ref`
    makes that safe. When the database goes away in the middle of a batch, the records of the
    transactions already committed keep their results, and the records of the transaction under way and
    every later record are `not_processed` (records rejected for their own reasons stay `rejected`);
    when it is away before the first record, the answer is 503 with `Retry-After`. Reports still being
    filled in are refreshed with the new executed amounts in the same transaction. `Idempotency-Key`
    makes a retry safe: a retry with the key gets the first answer again, unless that answer had
    `not_processed` records (then it is not kept, and the retry is processed, the records already stored
    counting as `duplicate`). A key whose request was cut off by an outage is free again at once. Roles:
    admin, finance_officer.

    Args:
        idempotency_key (str | Unset):
        body (ExecutionBatch):  Example: {'items': [{'amount': '12500000.00', 'description':
            'First instalment, base equipment', 'external_ref': 'GK-2021-000123', 'fiscal_year': 2021,
            'payment_date': '2021-03-15', 'project_code': 'SD2021-KJ-007', 'region_code': '370000'},
            {'amount': '-150000.00', 'description': 'Refund of an overpaid invoice', 'external_ref':
            'GK-2021-000187', 'payment_date': '2021-04-02', 'project_id':
            '0193a0c4-7f43-7000-8000-0000000000e1'}]}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ExecutionReport | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
