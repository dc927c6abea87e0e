package vn.pcmt.plan;

import java.util.Date;
import java.util.List;

import com.fasterxml.jackson.core.type.TypeReference;

import vn.pcmt.engine.JsonVar;
import vn.pcmt.engine.Var;

/**
 * processes/plan-lifecycle.bpmn: one plan from registration to closure. Holds the process key, the element ids code
 * refers to and every variable of the diagram and its start form (forms/register-plan.form).
 */
public final class PlanLifecycleProcess {

  public static final String KEY = "plan-lifecycle";
  public static final String RESOURCE = "plan-lifecycle.bpmn";

  public static final String START_PLAN_SUBMITTED = "StartEvent_PlanSubmitted";
  public static final String TASK_REGISTER_PLAN = "Task_RegisterPlan";
  public static final String TASK_APPROVE_ISSUANCE = "Task_ApproveIssuance";
  public static final String TASK_REVISE_PLAN = "Task_RevisePlan";
  public static final String TASK_ISSUE_PLAN = "Task_IssuePlan";
  public static final String SUB_PROCESS_IMPLEMENTATION = "SubProcess_Implementation";
  public static final String GATEWAY_SUB_PLAN_REQUIRED = "Gateway_SubPlanRequired";
  public static final String GATEWAY_REPORTING_REQUIRED = "Gateway_ReportingRequired";
  public static final String END_EVENT_NO_REPORTING = "EndEvent_NoReporting";
  public static final String END_SUB_PLANS_DONE = "EndEvent_SubPlansDone";
  /** Terminates the implementation phase: sub-plans still open are never delivered. */
  public static final String END_REPORTING_DONE = "EndEvent_ReportingDone";
  public static final String GATEWAY_COMMENDATION_REQUIRED = "Gateway_CommendationRequired";
  public static final String CALL_AGENCY_SUB_PLANS = "CallActivity_AgencySubPlans";
  public static final String CALL_REPORTING_PERIODS = "CallActivity_ReportingPeriods";
  public static final String CALL_YEAR_END_COMMENDATION = "CallActivity_YearEndCommendation";
  public static final String TASK_CLOSE_PLAN = "Task_ClosePlan";
  public static final String END_PLAN_CLOSED = "EndEvent_PlanClosed";

  public static final String FORM_REGISTER_PLAN = "register-plan";
  public static final String FORM_APPROVE_ISSUANCE = "approve-issuance";

  // --- start form (register-plan.form); the JSON API sends the same fields ---
  public static final Var<String> PLAN_NUMBER = Var.of("planNumber", String.class);
  public static final Var<String> PLAN_TITLE = Var.of("planTitle", String.class);
  /** ISO date (yyyy-MM-dd), as the form's date picker submits it. */
  public static final Var<String> ISSUE_DATE = Var.of("issueDate", String.class);
  /** Agency code of the issuing body; the directory's issuer when empty. */
  public static final Var<String> ISSUING_AGENCY = Var.of("issuingAgency", String.class);
  /** Agency code of the standing agency's secretariat; the directory's secretariat when empty. */
  public static final Var<String> STANDING_AGENCY = Var.of("standingAgency", String.class);
  /** One legal basis (căn cứ) per line. */
  public static final Var<String> LEGAL_BASES = Var.of("legalBases", String.class);
  /** ISO date by which every agency sends its own implementation plan; no sub-plans are asked for when empty. */
  public static final Var<String> SUB_PLAN_DEADLINE = Var.of("subPlanDeadline", String.class);
  /** The deadline as the plan words it ("trước ngày 15/02/2023"). */
  public static final Var<String> SUB_PLAN_DEADLINE_PHRASE = Var.of("subPlanDeadlinePhrase", String.class);
  /** The campaign window (Tháng hành động), ISO dates, both or neither. */
  public static final Var<String> CAMPAIGN_FROM = Var.of("campaignFrom", String.class);
  public static final Var<String> CAMPAIGN_TO = Var.of("campaignTo", String.class);
  public static final JsonVar<List<AssignmentRow>> ASSIGNMENTS = JsonVar.of("assignments", new TypeReference<>() {});
  public static final JsonVar<List<PeriodRow>> REPORTING_PERIODS = JsonVar.of("reportingPeriods", new TypeReference<>() {});
  public static final JsonVar<List<IndicatorRow>> INDICATORS = JsonVar.of("indicators", new TypeReference<>() {});
  /** One recipient (nơi nhận) per line. */
  public static final Var<String> RECIPIENTS = Var.of("recipients", String.class);
  public static final Var<Boolean> YEAR_END_COMMENDATION = Var.of("yearEndCommendation", Boolean.class);

  // --- set by Task_RegisterPlan ---
  public static final Var<Long> PLAN_ID = Var.of("planId", Long.class);
  /** Candidate group of leadership tasks: the head group of the issuing body. */
  public static final Var<String> LEADERSHIP_GROUP = Var.of("leadershipGroup", String.class);
  /** Candidate group of the secretariat's tasks: the standing agency's secretariat. */
  public static final Var<String> SECRETARIAT_GROUP = Var.of("secretariatGroup", String.class);
  /** Candidate group of the appraisal of commendations: Home Affairs (Sở Nội vụ). */
  public static final Var<String> HOME_AFFAIRS_GROUP = Var.of("homeAffairsGroup", String.class);

  // --- approve-issuance.form ---
  public static final Var<Boolean> ISSUANCE_APPROVED = Var.of("issuanceApproved", Boolean.class);
  public static final Var<String> ISSUANCE_COMMENT = Var.of("issuanceComment", String.class);

  // --- set by Task_IssuePlan ---
  public static final Var<Boolean> SUB_PLAN_REQUIRED = Var.of("subPlanRequired", Boolean.class);
  /** The plan has periodic reports (a ward plan or a one-off campaign may have none). */
  public static final Var<Boolean> REPORTING_REQUIRED = Var.of("reportingRequired", Boolean.class);
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static final Var<List<String>> SUB_PLAN_AGENCIES = (Var) Var.of("subPlanAgencies", List.class);
  public static final Var<Date> SUB_PLAN_DUE_DATE = Var.of("subPlanDueDate", Date.class);
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static final Var<List<Long>> REPORTING_PERIOD_IDS = (Var) Var.of("reportingPeriodIds", List.class);
  /** Element variable of the multi-instance over reporting periods. */
  public static final Var<Long> PERIOD_ID = Var.of("periodId", Long.class);
  /** Element variable of every multi-instance over agencies: the agency's code, which is its candidate group. */
  public static final Var<String> AGENCY_GROUP = Var.of("agencyGroup", String.class);

  private PlanLifecycleProcess() {
  }

  /**
   * One row of the assignments list: who (an agency or a collective), in which role, with which duty.
   * {@code targetLabel} is written by Task_RegisterPlan from the directory ("Tất cả: Sở, ban, ngành"), so forms show
   * the target in words without knowing the directory's kinds.
   */
  public record AssignmentRow(String targetType, String target, String role, String duty, Boolean owesSubPlan,
      String subPlanDeadline, String subPlanDeadlinePhrase, List<String> reportsOn, Boolean proposesCommendation,
      String targetLabel) {

    public AssignmentRow withTargetLabel(String label) {
      return new AssignmentRow(targetType, target, role, duty, owesSubPlan, subPlanDeadline, subPlanDeadlinePhrase,
          reportsOn, proposesCommendation, label);
    }
  }

  /** One reporting period: label ("Quý I"), ISO due date and the deadline as the plan words it. */
  public record PeriodRow(String label, String dueDate, String deadlinePhrase) {
  }

  /**
   * One indicator (chỉ tiêu): name, unit, kind (IndicatorKind's name), comparison (AT_LEAST, AT_MOST), target, and for
   * a target relative to a past year its baseline and year.
   */
  public record IndicatorRow(String name, String unit, String kind, String comparison, Double target, Double baseline,
      Integer baselineYear) {
  }
}
