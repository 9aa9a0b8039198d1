"""Contains all the data models used in inputs/outputs"""

from .achievement import Achievement
from .adjustment import Adjustment
from .adjustment_kind import AdjustmentKind
from .adjustment_totals import AdjustmentTotals
from .audit_event import AuditEvent
from .audit_event_after_type_0 import AuditEventAfterType0
from .audit_event_before_type_0 import AuditEventBeforeType0
from .audit_event_details import AuditEventDetails
from .band import Band
from .budget_part import BudgetPart
from .budget_rule import BudgetRule
from .change import Change
from .change_page import ChangePage
from .check_key import CheckKey
from .check_result import CheckResult
from .check_severity import CheckSeverity
from .check_status import CheckStatus
from .comparator import Comparator
from .count_amount import CountAmount
from .department import Department
from .department_assessment import DepartmentAssessment
from .department_assessment_round import DepartmentAssessmentRound
from .department_assessment_round_score import DepartmentAssessmentRoundScore
from .department_assessment_row import DepartmentAssessmentRow
from .department_assessment_weights import DepartmentAssessmentWeights
from .department_changes import DepartmentChanges
from .department_order import DepartmentOrder
from .department_ranking import DepartmentRanking
from .department_ranking_lights import DepartmentRankingLights
from .department_report import DepartmentReport
from .department_report_input import DepartmentReportInput
from .deviation_reason import DeviationReason
from .effective_rule import EffectiveRule
from .execution_batch import ExecutionBatch
from .execution_record import ExecutionRecord
from .execution_report import ExecutionReport
from .export_format import ExportFormat
from .figures import Figures
from .finding import Finding
from .finding_category import FindingCategory
from .finding_counts import FindingCounts
from .followed_result import FollowedResult
from .forecast_method import ForecastMethod
from .fund_source_amounts import FundSourceAmounts
from .get_adjustment_read_consistency import GetAdjustmentReadConsistency
from .get_department_read_consistency import GetDepartmentReadConsistency
from .get_department_report_read_consistency import GetDepartmentReportReadConsistency
from .get_finding_read_consistency import GetFindingReadConsistency
from .get_import_template_read_consistency import GetImportTemplateReadConsistency
from .get_indicator_read_consistency import GetIndicatorReadConsistency
from .get_inspection_read_consistency import GetInspectionReadConsistency
from .get_key_monitoring_history_read_consistency import GetKeyMonitoringHistoryReadConsistency
from .get_me_read_consistency import GetMeReadConsistency
from .get_my_tasks_read_consistency import GetMyTasksReadConsistency
from .get_project_read_consistency import GetProjectReadConsistency
from .get_rectification_read_consistency import GetRectificationReadConsistency
from .get_region_read_consistency import GetRegionReadConsistency
from .get_report_read_consistency import GetReportReadConsistency
from .get_result_application_read_consistency import GetResultApplicationReadConsistency
from .get_round_read_consistency import GetRoundReadConsistency
from .get_stats_by_department_read_consistency import GetStatsByDepartmentReadConsistency
from .get_stats_by_region_read_consistency import GetStatsByRegionReadConsistency
from .get_stats_department_assessment_read_consistency import GetStatsDepartmentAssessmentReadConsistency
from .get_stats_overview_read_consistency import GetStatsOverviewReadConsistency
from .get_stats_problems_read_consistency import GetStatsProblemsReadConsistency
from .get_stats_results_read_consistency import GetStatsResultsReadConsistency
from .get_stats_trend_read_consistency import GetStatsTrendReadConsistency
from .get_target_adjustment_read_consistency import GetTargetAdjustmentReadConsistency
from .get_user_read_consistency import GetUserReadConsistency
from .get_warning_rules_read_consistency import GetWarningRulesReadConsistency
from .grade import Grade
from .health import Health
from .import_item_result import ImportItemResult
from .import_item_result_errors_type_0 import ImportItemResultErrorsType0
from .import_project import ImportProject
from .import_report import ImportReport
from .import_request import ImportRequest
from .import_status import ImportStatus
from .import_summary import ImportSummary
from .indicator import Indicator
from .indicator_changes import IndicatorChanges
from .indicator_forecast_method import IndicatorForecastMethod
from .indicator_set_version import IndicatorSetVersion
from .indicator_value import IndicatorValue
from .indicator_value_batch import IndicatorValueBatch
from .indicator_value_report import IndicatorValueReport
from .inspection import Inspection
from .inspection_changes import InspectionChanges
from .inspection_status import InspectionStatus
from .key_monitoring_history import KeyMonitoringHistory
from .lang import Lang
from .ledger_entry import LedgerEntry
from .level_1 import Level1
from .level_2 import Level2
from .light import Light
from .light_change_view import LightChangeView
from .light_counts import LightCounts
from .lights_by_category import LightsByCategory
from .likelihood import Likelihood
from .list_adjustments_read_consistency import ListAdjustmentsReadConsistency
from .list_audit_events_read_consistency import ListAuditEventsReadConsistency
from .list_budget_history_read_consistency import ListBudgetHistoryReadConsistency
from .list_changes_read_consistency import ListChangesReadConsistency
from .list_department_reports_read_consistency import ListDepartmentReportsReadConsistency
from .list_departments_read_consistency import ListDepartmentsReadConsistency
from .list_execution_records_read_consistency import ListExecutionRecordsReadConsistency
from .list_findings_read_consistency import ListFindingsReadConsistency
from .list_indicator_set_versions_read_consistency import ListIndicatorSetVersionsReadConsistency
from .list_indicator_values_read_consistency import ListIndicatorValuesReadConsistency
from .list_inspections_read_consistency import ListInspectionsReadConsistency
from .list_policy_revisions_read_consistency import ListPolicyRevisionsReadConsistency
from .list_project_indicators_read_consistency import ListProjectIndicatorsReadConsistency
from .list_project_lights_read_consistency import ListProjectLightsReadConsistency
from .list_projects_read_consistency import ListProjectsReadConsistency
from .list_rankings_read_consistency import ListRankingsReadConsistency
from .list_rectifications_read_consistency import ListRectificationsReadConsistency
from .list_regions_read_consistency import ListRegionsReadConsistency
from .list_result_applications_read_consistency import ListResultApplicationsReadConsistency
from .list_round_reports_read_consistency import ListRoundReportsReadConsistency
from .list_round_results_read_consistency import ListRoundResultsReadConsistency
from .list_rounds_read_consistency import ListRoundsReadConsistency
from .list_target_adjustments_read_consistency import ListTargetAdjustmentsReadConsistency
from .list_users_read_consistency import ListUsersReadConsistency
from .login_request import LoginRequest
from .measure_count import MeasureCount
from .metric import Metric
from .narrative import Narrative
from .new_adjustment import NewAdjustment
from .new_department import NewDepartment
from .new_execution_record import NewExecutionRecord
from .new_finding import NewFinding
from .new_indicator import NewIndicator
from .new_indicator_value import NewIndicatorValue
from .new_inspection import NewInspection
from .new_opinion import NewOpinion
from .new_project import NewProject
from .new_rectification import NewRectification
from .new_region import NewRegion
from .new_result_application import NewResultApplication
from .new_round import NewRound
from .new_target_adjustment import NewTargetAdjustment
from .new_user import NewUser
from .open_result import OpenResult
from .opinion import Opinion
from .opinion_kind import OpinionKind
from .overrides import Overrides
from .overrides_checks import OverridesChecks
from .overrides_rules import OverridesRules
from .overview import Overview
from .page_adjustment import PageAdjustment
from .page_audit_event import PageAuditEvent
from .page_department import PageDepartment
from .page_department_ranking import PageDepartmentRanking
from .page_department_report import PageDepartmentReport
from .page_execution_record import PageExecutionRecord
from .page_finding import PageFinding
from .page_indicator import PageIndicator
from .page_indicator_set_version import PageIndicatorSetVersion
from .page_indicator_value import PageIndicatorValue
from .page_inspection import PageInspection
from .page_ledger_entry import PageLedgerEntry
from .page_policy_revision import PagePolicyRevision
from .page_project import PageProject
from .page_rectification import PageRectification
from .page_region import PageRegion
from .page_report_list_item import PageReportListItem
from .page_result_application import PageResultApplication
from .page_round import PageRound
from .page_round_result import PageRoundResult
from .page_target_adjustment import PageTargetAdjustment
from .page_user import PageUser
from .password_change import PasswordChange
from .password_reset import PasswordReset
from .policy_revision import PolicyRevision
from .policy_revision_counts import PolicyRevisionCounts
from .policy_revision_update import PolicyRevisionUpdate
from .problem import Problem
from .problem_errors_type_0 import ProblemErrorsType0
from .problem_row import ProblemRow
from .project import Project
from .project_changes import ProjectChanges
from .project_order import ProjectOrder
from .project_status import ProjectStatus
from .readiness import Readiness
from .readiness_status import ReadinessStatus
from .recomputed import Recomputed
from .record_result import RecordResult
from .record_result_errors_type_0 import RecordResultErrorsType0
from .record_status import RecordStatus
from .record_summary import RecordSummary
from .rectification import Rectification
from .rectification_answer import RectificationAnswer
from .rectification_counts import RectificationCounts
from .rectification_event import RectificationEvent
from .rectification_status import RectificationStatus
from .rectification_verdict import RectificationVerdict
from .refresh_request import RefreshRequest
from .region import Region
from .region_breakdown import RegionBreakdown
from .region_changes import RegionChanges
from .region_figures import RegionFigures
from .region_level import RegionLevel
from .region_order import RegionOrder
from .region_ref import RegionRef
from .replica_readiness import ReplicaReadiness
from .replica_status import ReplicaStatus
from .report import Report
from .report_counts import ReportCounts
from .report_indicator import ReportIndicator
from .report_indicator_input import ReportIndicatorInput
from .report_input import ReportInput
from .report_lights import ReportLights
from .report_lights_explanations import ReportLightsExplanations
from .report_lights_scores import ReportLightsScores
from .report_list_item import ReportListItem
from .report_status import ReportStatus
from .result_application import ResultApplication
from .result_application_changes import ResultApplicationChanges
from .result_application_figures import ResultApplicationFigures
from .result_measure import ResultMeasure
from .result_suggestion import ResultSuggestion
from .results_figures import ResultsFigures
from .role import Role
from .round_ import Round
from .round_result import RoundResult
from .round_status import RoundStatus
from .rule import Rule
from .rule_mapping import RuleMapping
from .rules_changed import RulesChanged
from .service_readiness import ServiceReadiness
from .settings import Settings
from .severity import Severity
from .skipped_project import SkippedProject
from .status_count import StatusCount
from .suggestion_rule import SuggestionRule
from .target_adjustment import TargetAdjustment
from .target_adjustment_counts import TargetAdjustmentCounts
from .target_adjustment_decision import TargetAdjustmentDecision
from .target_adjustment_status import TargetAdjustmentStatus
from .target_change_type_0 import TargetChangeType0
from .target_change_type_0_op import TargetChangeType0Op
from .target_change_type_1 import TargetChangeType1
from .target_change_type_1_op import TargetChangeType1Op
from .target_change_type_2 import TargetChangeType2
from .target_change_type_2_op import TargetChangeType2Op
from .task import Task
from .task_count import TaskCount
from .task_kind import TaskKind
from .tasks import Tasks
from .time_progress_basis import TimeProgressBasis
from .token_pair import TokenPair
from .token_type import TokenType
from .transition import Transition
from .trend_point import TrendPoint
from .user import User
from .user_changes import UserChanges
from .user_order import UserOrder
from .value_result import ValueResult
from .value_result_errors_type_0 import ValueResultErrorsType0
from .warning_rules import WarningRules
from .warning_rules_checks import WarningRulesChecks
from .workflow_comment import WorkflowComment

__all__ = (
    "Achievement",
    "Adjustment",
    "AdjustmentKind",
    "AdjustmentTotals",
    "AuditEvent",
    "AuditEventAfterType0",
    "AuditEventBeforeType0",
    "AuditEventDetails",
    "Band",
    "BudgetPart",
    "BudgetRule",
    "Change",
    "ChangePage",
    "CheckKey",
    "CheckResult",
    "CheckSeverity",
    "CheckStatus",
    "Comparator",
    "CountAmount",
    "Department",
    "DepartmentAssessment",
    "DepartmentAssessmentRound",
    "DepartmentAssessmentRoundScore",
    "DepartmentAssessmentRow",
    "DepartmentAssessmentWeights",
    "DepartmentChanges",
    "DepartmentOrder",
    "DepartmentRanking",
    "DepartmentRankingLights",
    "DepartmentReport",
    "DepartmentReportInput",
    "DeviationReason",
    "EffectiveRule",
    "ExecutionBatch",
    "ExecutionRecord",
    "ExecutionReport",
    "ExportFormat",
    "Figures",
    "Finding",
    "FindingCategory",
    "FindingCounts",
    "FollowedResult",
    "ForecastMethod",
    "FundSourceAmounts",
    "GetAdjustmentReadConsistency",
    "GetDepartmentReadConsistency",
    "GetDepartmentReportReadConsistency",
    "GetFindingReadConsistency",
    "GetImportTemplateReadConsistency",
    "GetIndicatorReadConsistency",
    "GetInspectionReadConsistency",
    "GetKeyMonitoringHistoryReadConsistency",
    "GetMeReadConsistency",
    "GetMyTasksReadConsistency",
    "GetProjectReadConsistency",
    "GetRectificationReadConsistency",
    "GetRegionReadConsistency",
    "GetReportReadConsistency",
    "GetResultApplicationReadConsistency",
    "GetRoundReadConsistency",
    "GetStatsByDepartmentReadConsistency",
    "GetStatsByRegionReadConsistency",
    "GetStatsDepartmentAssessmentReadConsistency",
    "GetStatsOverviewReadConsistency",
    "GetStatsProblemsReadConsistency",
    "GetStatsResultsReadConsistency",
    "GetStatsTrendReadConsistency",
    "GetTargetAdjustmentReadConsistency",
    "GetUserReadConsistency",
    "GetWarningRulesReadConsistency",
    "Grade",
    "Health",
    "ImportItemResult",
    "ImportItemResultErrorsType0",
    "ImportProject",
    "ImportReport",
    "ImportRequest",
    "ImportStatus",
    "ImportSummary",
    "Indicator",
    "IndicatorChanges",
    "IndicatorForecastMethod",
    "IndicatorSetVersion",
    "IndicatorValue",
    "IndicatorValueBatch",
    "IndicatorValueReport",
    "Inspection",
    "InspectionChanges",
    "InspectionStatus",
    "KeyMonitoringHistory",
    "Lang",
    "LedgerEntry",
    "Level1",
    "Level2",
    "Light",
    "LightChangeView",
    "LightCounts",
    "LightsByCategory",
    "Likelihood",
    "ListAdjustmentsReadConsistency",
    "ListAuditEventsReadConsistency",
    "ListBudgetHistoryReadConsistency",
    "ListChangesReadConsistency",
    "ListDepartmentReportsReadConsistency",
    "ListDepartmentsReadConsistency",
    "ListExecutionRecordsReadConsistency",
    "ListFindingsReadConsistency",
    "ListIndicatorSetVersionsReadConsistency",
    "ListIndicatorValuesReadConsistency",
    "ListInspectionsReadConsistency",
    "ListPolicyRevisionsReadConsistency",
    "ListProjectIndicatorsReadConsistency",
    "ListProjectLightsReadConsistency",
    "ListProjectsReadConsistency",
    "ListRankingsReadConsistency",
    "ListRectificationsReadConsistency",
    "ListRegionsReadConsistency",
    "ListResultApplicationsReadConsistency",
    "ListRoundReportsReadConsistency",
    "ListRoundResultsReadConsistency",
    "ListRoundsReadConsistency",
    "ListTargetAdjustmentsReadConsistency",
    "ListUsersReadConsistency",
    "LoginRequest",
    "MeasureCount",
    "Metric",
    "Narrative",
    "NewAdjustment",
    "NewDepartment",
    "NewExecutionRecord",
    "NewFinding",
    "NewIndicator",
    "NewIndicatorValue",
    "NewInspection",
    "NewOpinion",
    "NewProject",
    "NewRectification",
    "NewRegion",
    "NewResultApplication",
    "NewRound",
    "NewTargetAdjustment",
    "NewUser",
    "OpenResult",
    "Opinion",
    "OpinionKind",
    "Overrides",
    "OverridesChecks",
    "OverridesRules",
    "Overview",
    "PageAdjustment",
    "PageAuditEvent",
    "PageDepartment",
    "PageDepartmentRanking",
    "PageDepartmentReport",
    "PageExecutionRecord",
    "PageFinding",
    "PageIndicator",
    "PageIndicatorSetVersion",
    "PageIndicatorValue",
    "PageInspection",
    "PageLedgerEntry",
    "PagePolicyRevision",
    "PageProject",
    "PageRectification",
    "PageRegion",
    "PageReportListItem",
    "PageResultApplication",
    "PageRound",
    "PageRoundResult",
    "PageTargetAdjustment",
    "PageUser",
    "PasswordChange",
    "PasswordReset",
    "PolicyRevision",
    "PolicyRevisionCounts",
    "PolicyRevisionUpdate",
    "Problem",
    "ProblemErrorsType0",
    "ProblemRow",
    "Project",
    "ProjectChanges",
    "ProjectOrder",
    "ProjectStatus",
    "Readiness",
    "ReadinessStatus",
    "Recomputed",
    "RecordResult",
    "RecordResultErrorsType0",
    "RecordStatus",
    "RecordSummary",
    "Rectification",
    "RectificationAnswer",
    "RectificationCounts",
    "RectificationEvent",
    "RectificationStatus",
    "RectificationVerdict",
    "RefreshRequest",
    "Region",
    "RegionBreakdown",
    "RegionChanges",
    "RegionFigures",
    "RegionLevel",
    "RegionOrder",
    "RegionRef",
    "ReplicaReadiness",
    "ReplicaStatus",
    "Report",
    "ReportCounts",
    "ReportIndicator",
    "ReportIndicatorInput",
    "ReportInput",
    "ReportLights",
    "ReportLightsExplanations",
    "ReportLightsScores",
    "ReportListItem",
    "ReportStatus",
    "ResultApplication",
    "ResultApplicationChanges",
    "ResultApplicationFigures",
    "ResultMeasure",
    "ResultsFigures",
    "ResultSuggestion",
    "Role",
    "Round",
    "RoundResult",
    "RoundStatus",
    "Rule",
    "RuleMapping",
    "RulesChanged",
    "ServiceReadiness",
    "Settings",
    "Severity",
    "SkippedProject",
    "StatusCount",
    "SuggestionRule",
    "TargetAdjustment",
    "TargetAdjustmentCounts",
    "TargetAdjustmentDecision",
    "TargetAdjustmentStatus",
    "TargetChangeType0",
    "TargetChangeType0Op",
    "TargetChangeType1",
    "TargetChangeType1Op",
    "TargetChangeType2",
    "TargetChangeType2Op",
    "Task",
    "TaskCount",
    "TaskKind",
    "Tasks",
    "TimeProgressBasis",
    "TokenPair",
    "TokenType",
    "Transition",
    "TrendPoint",
    "User",
    "UserChanges",
    "UserOrder",
    "ValueResult",
    "ValueResultErrorsType0",
    "WarningRules",
    "WarningRulesChecks",
    "WorkflowComment",
)
