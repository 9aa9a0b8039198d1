from enum import StrEnum


class TaskKind(StrEnum):
    DEPARTMENT_REPORT_TO_FILL = "department_report_to_fill"
    DEPARTMENT_REPORT_TO_RESUBMIT = "department_report_to_resubmit"
    DEPARTMENT_REPORT_TO_REVIEW = "department_report_to_review"
    RECTIFICATION_TO_ANSWER = "rectification_to_answer"
    RECTIFICATION_TO_VERIFY = "rectification_to_verify"
    REPORT_TO_FILL = "report_to_fill"
    REPORT_TO_RESUBMIT = "report_to_resubmit"
    REPORT_TO_REVIEW = "report_to_review"
    TARGET_ADJUSTMENT_REJECTED = "target_adjustment_rejected"
    TARGET_ADJUSTMENT_TO_DECIDE = "target_adjustment_to_decide"

    def __str__(self) -> str:
        return str(self.value)
