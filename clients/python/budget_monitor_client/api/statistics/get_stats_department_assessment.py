from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.department_assessment import DepartmentAssessment
from ...models.export_format import ExportFormat
from ...models.get_stats_department_assessment_read_consistency import GetStatsDepartmentAssessmentReadConsistency
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    region: str,
    year: int,
    weight_score: int | Unset = 60,
    weight_timeliness: int | Unset = 10,
    weight_not_returned: int | Unset = 5,
    weight_completeness: int | Unset = 10,
    weight_checks: int | Unset = 5,
    weight_rectification: int | Unset = 10,
    format_: ExportFormat | Unset = UNSET,
    read_consistency: GetStatsDepartmentAssessmentReadConsistency | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(read_consistency, Unset):
        headers["Read-Consistency"] = str(read_consistency)

    params: dict[str, Any] = {}

    params["region"] = region

    params["year"] = year

    params["weight_score"] = weight_score

    params["weight_timeliness"] = weight_timeliness

    params["weight_not_returned"] = weight_not_returned

    params["weight_completeness"] = weight_completeness

    params["weight_checks"] = weight_checks

    params["weight_rectification"] = weight_rectification

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/stats/department-assessment",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DepartmentAssessment | Problem | None:
    if response.status_code == 200:
        response_200 = DepartmentAssessment.from_dict(response.json())

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
) -> Response[DepartmentAssessment | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    region: str,
    year: int,
    weight_score: int | Unset = 60,
    weight_timeliness: int | Unset = 10,
    weight_not_returned: int | Unset = 5,
    weight_completeness: int | Unset = 10,
    weight_checks: int | Unset = 5,
    weight_rectification: int | Unset = 10,
    format_: ExportFormat | Unset = UNSET,
    read_consistency: GetStatsDepartmentAssessmentReadConsistency | Unset = UNSET,
) -> Response[DepartmentAssessment | Problem]:
    """Annual department assessment

     One row per department of the region's own level (departments whose region is exactly that region,
    not its subtree's) with projects in the year: its monitoring over the year's rounds of the region
    and the regions above it (reports on time, late, unsubmitted, ever returned; fields filled; logic
    checks passed), its score and grade in each round (its row of that round's `/stats/departments`),
    the rectification tasks it is responsible for (done on time: accepted on or before the deadline;
    overdue: open or answered past it, or accepted after it), the fund adjustments of its projects net
    of reversals (as `/stats/overview`), the results applications recorded for its projects, and an
    overall score, ranked.

    overall = Σ wᵢ·cᵢ ÷ Σ wᵢ over the components that have a basis, each 0–100: the mean round score
    (`weight_score`, default 60), reports on time ÷ reports (`weight_timeliness`, 10), reports never
    returned ÷ reports (`weight_not_returned`, 5), fields filled ÷ applicable fields
    (`weight_completeness`, 10), reports failing no error or warning check ÷ reports (`weight_checks`,
    5), rectifications on time ÷ those on time or overdue (`weight_rectification`, 10). A component
    without a basis (no scored round, no rectification done or due) is left out and the others keep
    their proportions. Weights are integers 0 to 100 (else 400 naming the parameter) that add up to 100
    (else 422 naming all six). Shares and scores have two decimals (half up; the overall from the
    rounded components); the overall grade uses the region's grade edges. A filled field is one the
    system generated or the department set, at most the report's applicable fields.

    Secret-related projects and classified departments are never counted, for any role.
    `format=csv|xlsx` (or `Accept: text/csv`) gives a row per department with
    `round_N_score`/`round_N_grade` columns in the order of `rounds`. A year outside 2000–2100 is 400;
    an unknown region 404. Roles: admin, finance_officer, auditor.

    Args:
        region (str):
        year (int):
        weight_score (int | Unset):  Default: 60.
        weight_timeliness (int | Unset):  Default: 10.
        weight_not_returned (int | Unset):  Default: 5.
        weight_completeness (int | Unset):  Default: 10.
        weight_checks (int | Unset):  Default: 5.
        weight_rectification (int | Unset):  Default: 10.
        format_ (ExportFormat | Unset): `json` (the default), or `csv` or `xlsx` for every
            matching row as a file.
        read_consistency (GetStatsDepartmentAssessmentReadConsistency | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DepartmentAssessment | Problem]
    """

    kwargs = _get_kwargs(
        region=region,
        year=year,
        weight_score=weight_score,
        weight_timeliness=weight_timeliness,
        weight_not_returned=weight_not_returned,
        weight_completeness=weight_completeness,
        weight_checks=weight_checks,
        weight_rectification=weight_rectification,
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
    region: str,
    year: int,
    weight_score: int | Unset = 60,
    weight_timeliness: int | Unset = 10,
    weight_not_returned: int | Unset = 5,
    weight_completeness: int | Unset = 10,
    weight_checks: int | Unset = 5,
    weight_rectification: int | Unset = 10,
    format_: ExportFormat | Unset = UNSET,
    read_consistency: GetStatsDepartmentAssessmentReadConsistency | Unset = UNSET,
) -> DepartmentAssessment | Problem | None:
    """Annual department assessment

     One row per department of the region's own level (departments whose region is exactly that region,
    not its subtree's) with projects in the year: its monitoring over the year's rounds of the region
    and the regions above it (reports on time, late, unsubmitted, ever returned; fields filled; logic
    checks passed), its score and grade in each round (its row of that round's `/stats/departments`),
    the rectification tasks it is responsible for (done on time: accepted on or before the deadline;
    overdue: open or answered past it, or accepted after it), the fund adjustments of its projects net
    of reversals (as `/stats/overview`), the results applications recorded for its projects, and an
    overall score, ranked.

    overall = Σ wᵢ·cᵢ ÷ Σ wᵢ over the components that have a basis, each 0–100: the mean round score
    (`weight_score`, default 60), reports on time ÷ reports (`weight_timeliness`, 10), reports never
    returned ÷ reports (`weight_not_returned`, 5), fields filled ÷ applicable fields
    (`weight_completeness`, 10), reports failing no error or warning check ÷ reports (`weight_checks`,
    5), rectifications on time ÷ those on time or overdue (`weight_rectification`, 10). A component
    without a basis (no scored round, no rectification done or due) is left out and the others keep
    their proportions. Weights are integers 0 to 100 (else 400 naming the parameter) that add up to 100
    (else 422 naming all six). Shares and scores have two decimals (half up; the overall from the
    rounded components); the overall grade uses the region's grade edges. A filled field is one the
    system generated or the department set, at most the report's applicable fields.

    Secret-related projects and classified departments are never counted, for any role.
    `format=csv|xlsx` (or `Accept: text/csv`) gives a row per department with
    `round_N_score`/`round_N_grade` columns in the order of `rounds`. A year outside 2000–2100 is 400;
    an unknown region 404. Roles: admin, finance_officer, auditor.

    Args:
        region (str):
        year (int):
        weight_score (int | Unset):  Default: 60.
        weight_timeliness (int | Unset):  Default: 10.
        weight_not_returned (int | Unset):  Default: 5.
        weight_completeness (int | Unset):  Default: 10.
        weight_checks (int | Unset):  Default: 5.
        weight_rectification (int | Unset):  Default: 10.
        format_ (ExportFormat | Unset): `json` (the default), or `csv` or `xlsx` for every
            matching row as a file.
        read_consistency (GetStatsDepartmentAssessmentReadConsistency | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DepartmentAssessment | Problem
    """

    return sync_detailed(
        client=client,
        region=region,
        year=year,
        weight_score=weight_score,
        weight_timeliness=weight_timeliness,
        weight_not_returned=weight_not_returned,
        weight_completeness=weight_completeness,
        weight_checks=weight_checks,
        weight_rectification=weight_rectification,
        format_=format_,
        read_consistency=read_consistency,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    region: str,
    year: int,
    weight_score: int | Unset = 60,
    weight_timeliness: int | Unset = 10,
    weight_not_returned: int | Unset = 5,
    weight_completeness: int | Unset = 10,
    weight_checks: int | Unset = 5,
    weight_rectification: int | Unset = 10,
    format_: ExportFormat | Unset = UNSET,
    read_consistency: GetStatsDepartmentAssessmentReadConsistency | Unset = UNSET,
) -> Response[DepartmentAssessment | Problem]:
    """Annual department assessment

     One row per department of the region's own level (departments whose region is exactly that region,
    not its subtree's) with projects in the year: its monitoring over the year's rounds of the region
    and the regions above it (reports on time, late, unsubmitted, ever returned; fields filled; logic
    checks passed), its score and grade in each round (its row of that round's `/stats/departments`),
    the rectification tasks it is responsible for (done on time: accepted on or before the deadline;
    overdue: open or answered past it, or accepted after it), the fund adjustments of its projects net
    of reversals (as `/stats/overview`), the results applications recorded for its projects, and an
    overall score, ranked.

    overall = Σ wᵢ·cᵢ ÷ Σ wᵢ over the components that have a basis, each 0–100: the mean round score
    (`weight_score`, default 60), reports on time ÷ reports (`weight_timeliness`, 10), reports never
    returned ÷ reports (`weight_not_returned`, 5), fields filled ÷ applicable fields
    (`weight_completeness`, 10), reports failing no error or warning check ÷ reports (`weight_checks`,
    5), rectifications on time ÷ those on time or overdue (`weight_rectification`, 10). A component
    without a basis (no scored round, no rectification done or due) is left out and the others keep
    their proportions. Weights are integers 0 to 100 (else 400 naming the parameter) that add up to 100
    (else 422 naming all six). Shares and scores have two decimals (half up; the overall from the
    rounded components); the overall grade uses the region's grade edges. A filled field is one the
    system generated or the department set, at most the report's applicable fields.

    Secret-related projects and classified departments are never counted, for any role.
    `format=csv|xlsx` (or `Accept: text/csv`) gives a row per department with
    `round_N_score`/`round_N_grade` columns in the order of `rounds`. A year outside 2000–2100 is 400;
    an unknown region 404. Roles: admin, finance_officer, auditor.

    Args:
        region (str):
        year (int):
        weight_score (int | Unset):  Default: 60.
        weight_timeliness (int | Unset):  Default: 10.
        weight_not_returned (int | Unset):  Default: 5.
        weight_completeness (int | Unset):  Default: 10.
        weight_checks (int | Unset):  Default: 5.
        weight_rectification (int | Unset):  Default: 10.
        format_ (ExportFormat | Unset): `json` (the default), or `csv` or `xlsx` for every
            matching row as a file.
        read_consistency (GetStatsDepartmentAssessmentReadConsistency | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DepartmentAssessment | Problem]
    """

    kwargs = _get_kwargs(
        region=region,
        year=year,
        weight_score=weight_score,
        weight_timeliness=weight_timeliness,
        weight_not_returned=weight_not_returned,
        weight_completeness=weight_completeness,
        weight_checks=weight_checks,
        weight_rectification=weight_rectification,
        format_=format_,
        read_consistency=read_consistency,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    region: str,
    year: int,
    weight_score: int | Unset = 60,
    weight_timeliness: int | Unset = 10,
    weight_not_returned: int | Unset = 5,
    weight_completeness: int | Unset = 10,
    weight_checks: int | Unset = 5,
    weight_rectification: int | Unset = 10,
    format_: ExportFormat | Unset = UNSET,
    read_consistency: GetStatsDepartmentAssessmentReadConsistency | Unset = UNSET,
) -> DepartmentAssessment | Problem | None:
    """Annual department assessment

     One row per department of the region's own level (departments whose region is exactly that region,
    not its subtree's) with projects in the year: its monitoring over the year's rounds of the region
    and the regions above it (reports on time, late, unsubmitted, ever returned; fields filled; logic
    checks passed), its score and grade in each round (its row of that round's `/stats/departments`),
    the rectification tasks it is responsible for (done on time: accepted on or before the deadline;
    overdue: open or answered past it, or accepted after it), the fund adjustments of its projects net
    of reversals (as `/stats/overview`), the results applications recorded for its projects, and an
    overall score, ranked.

    overall = Σ wᵢ·cᵢ ÷ Σ wᵢ over the components that have a basis, each 0–100: the mean round score
    (`weight_score`, default 60), reports on time ÷ reports (`weight_timeliness`, 10), reports never
    returned ÷ reports (`weight_not_returned`, 5), fields filled ÷ applicable fields
    (`weight_completeness`, 10), reports failing no error or warning check ÷ reports (`weight_checks`,
    5), rectifications on time ÷ those on time or overdue (`weight_rectification`, 10). A component
    without a basis (no scored round, no rectification done or due) is left out and the others keep
    their proportions. Weights are integers 0 to 100 (else 400 naming the parameter) that add up to 100
    (else 422 naming all six). Shares and scores have two decimals (half up; the overall from the
    rounded components); the overall grade uses the region's grade edges. A filled field is one the
    system generated or the department set, at most the report's applicable fields.

    Secret-related projects and classified departments are never counted, for any role.
    `format=csv|xlsx` (or `Accept: text/csv`) gives a row per department with
    `round_N_score`/`round_N_grade` columns in the order of `rounds`. A year outside 2000–2100 is 400;
    an unknown region 404. Roles: admin, finance_officer, auditor.

    Args:
        region (str):
        year (int):
        weight_score (int | Unset):  Default: 60.
        weight_timeliness (int | Unset):  Default: 10.
        weight_not_returned (int | Unset):  Default: 5.
        weight_completeness (int | Unset):  Default: 10.
        weight_checks (int | Unset):  Default: 5.
        weight_rectification (int | Unset):  Default: 10.
        format_ (ExportFormat | Unset): `json` (the default), or `csv` or `xlsx` for every
            matching row as a file.
        read_consistency (GetStatsDepartmentAssessmentReadConsistency | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DepartmentAssessment | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            region=region,
            year=year,
            weight_score=weight_score,
            weight_timeliness=weight_timeliness,
            weight_not_returned=weight_not_returned,
            weight_completeness=weight_completeness,
            weight_checks=weight_checks,
            weight_rectification=weight_rectification,
            format_=format_,
            read_consistency=read_consistency,
        )
    ).parsed
