package vn.pcmt.subplan;

import java.util.Date;

import vn.pcmt.engine.Var;
import vn.pcmt.plan.PlanLifecycleProcess;

/** processes/agency-sub-plan.bpmn: one agency writes its implementation plan; head approves; secretariat accepts. */
public final class SubPlanProcess {

  public static final String KEY = "agency-sub-plan";

  public static final String START_SUB_PLAN_REQUESTED = "StartEvent_SubPlanRequested";
  public static final String TASK_OPEN_SUB_PLAN = "Task_OpenSubPlan";
  public static final String TASK_DRAFT_SUB_PLAN = "Task_DraftSubPlan";
  public static final String TASK_APPROVE_SUB_PLAN = "Task_ApproveSubPlan";
  public static final String TASK_SUBMIT_SUB_PLAN = "Task_SubmitSubPlan";
  public static final String TASK_REVIEW_SUB_PLAN = "Task_ReviewSubPlan";
  public static final String TASK_ACCEPT_SUB_PLAN = "Task_AcceptSubPlan";
  public static final String END_SUB_PLAN_ACCEPTED = "EndEvent_SubPlanAccepted";

  public static final String FORM_DRAFT = "draft-sub-plan";
  public static final String FORM_APPROVE = "approve-sub-plan";
  public static final String FORM_REVIEW = "review-sub-plan";

  // --- passed in by the plan ---
  public static final Var<Long> PLAN_ID = PlanLifecycleProcess.PLAN_ID;
  public static final Var<String> PLAN_NUMBER = PlanLifecycleProcess.PLAN_NUMBER;
  public static final Var<String> PLAN_TITLE = PlanLifecycleProcess.PLAN_TITLE;
  public static final Var<String> AGENCY_GROUP = PlanLifecycleProcess.AGENCY_GROUP;
  public static final Var<String> SECRETARIAT_GROUP = PlanLifecycleProcess.SECRETARIAT_GROUP;
  public static final Var<Date> SUB_PLAN_DUE_DATE = PlanLifecycleProcess.SUB_PLAN_DUE_DATE;

  // --- set by Task_OpenSubPlan ---
  public static final Var<String> AGENCY_HEAD_GROUP = Var.of("agencyHeadGroup", String.class);
  public static final Var<String> AGENCY_NAME = Var.of("agencyName", String.class);
  /** The agency's duties in the plan, as text for the forms. */
  public static final Var<String> AGENCY_DUTIES = Var.of("agencyDuties", String.class);
  /** The plan's deadline as worded, e.g. "trước ngày 15/02/2023". */
  public static final Var<String> DEADLINE_PHRASE = Var.of("deadlinePhrase", String.class);

  // --- draft-sub-plan.form ---
  public static final Var<String> DOCUMENT_NUMBER = Var.of("subPlanDocumentNumber", String.class);
  /** ISO date of the agency's own plan document. */
  public static final Var<String> DOCUMENT_DATE = Var.of("subPlanDocumentDate", String.class);
  public static final Var<String> SUMMARY = Var.of("subPlanSummary", String.class);

  // --- approve-sub-plan.form (agency head) ---
  public static final Var<Boolean> HEAD_APPROVED = Var.of("subPlanHeadApproved", Boolean.class);
  public static final Var<String> HEAD_COMMENT = Var.of("subPlanHeadComment", String.class);

  // --- review-sub-plan.form (secretariat) ---
  public static final Var<Boolean> ACCEPTED = Var.of("subPlanAccepted", Boolean.class);
  public static final Var<String> REVIEW_COMMENT = Var.of("subPlanReviewComment", String.class);

  private SubPlanProcess() {
  }
}
