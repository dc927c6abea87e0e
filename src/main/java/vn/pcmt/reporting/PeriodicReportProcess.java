package vn.pcmt.reporting;

import java.util.Date;
import java.util.List;

import com.fasterxml.jackson.core.type.TypeReference;

import vn.pcmt.engine.JsonVar;
import vn.pcmt.engine.Var;
import vn.pcmt.plan.PlanLifecycleProcess;

/**
 * processes/periodic-report.bpmn: one reporting period of a plan. Every reporting agency reports (agency-report.bpmn);
 * at the cut-off the secretariat consolidates what has arrived, leadership signs, the report goes to the recipients.
 * Late reports are taken until then; sending the report ends the period and any report still missing is never
 * delivered.
 */
public final class PeriodicReportProcess {

  public static final String KEY = "periodic-report";

  public static final String START_PERIOD_STARTED = "StartEvent_PeriodStarted";
  public static final String TASK_OPEN_PERIOD = "Task_OpenReportingPeriod";
  public static final String TIMER_PERIOD_OPENS = "TimerEvent_PeriodOpens";
  public static final String CALL_AGENCY_REPORTS = "CallActivity_AgencyReports";
  public static final String END_AGENCY_REPORTS_DONE = "EndEvent_AgencyReportsDone";
  /** Consolidation starts at the cut-off whether or not every agency has reported. */
  public static final String TIMER_REPORTING_CUTOFF = "TimerEvent_ReportingCutoff";
  public static final String TASK_PREPARE_CONSOLIDATION = "Task_PrepareConsolidation";
  public static final String TASK_CONSOLIDATE_REPORTS = "Task_ConsolidateReports";
  public static final String TASK_SIGN_REPORT = "Task_SignReport";
  public static final String TASK_SEND_REPORT = "Task_SendReport";
  public static final String END_REPORT_SENT = "EndEvent_ReportSent";

  public static final String FORM_CONSOLIDATE = "consolidate-reports";
  public static final String FORM_SIGN = "sign-report";

  // --- passed in by the plan ---
  public static final Var<Long> PLAN_ID = PlanLifecycleProcess.PLAN_ID;
  public static final Var<String> PLAN_NUMBER = PlanLifecycleProcess.PLAN_NUMBER;
  public static final Var<String> PLAN_TITLE = PlanLifecycleProcess.PLAN_TITLE;
  public static final Var<Long> PERIOD_ID = PlanLifecycleProcess.PERIOD_ID;
  public static final Var<String> SECRETARIAT_GROUP = PlanLifecycleProcess.SECRETARIAT_GROUP;
  public static final Var<String> LEADERSHIP_GROUP = PlanLifecycleProcess.LEADERSHIP_GROUP;

  // --- set by Task_OpenReportingPeriod ---
  public static final Var<String> PERIOD_LABEL = Var.of("periodLabel", String.class);
  public static final Var<Date> PERIOD_DUE_DATE = Var.of("periodDueDate", Date.class);
  /** When the period's report tasks appear: the issue date for the first period, the previous due date after. */
  public static final Var<Date> PERIOD_OPENS_AT = Var.of("periodOpensAt", Date.class);
  /** At this moment the secretariat starts consolidating what has arrived. */
  public static final Var<Date> REPORTING_CUTOFF = Var.of("reportingCutoff", Date.class);
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static final Var<List<String>> REPORTING_AGENCIES = (Var) Var.of("reportingAgencies", List.class);
  public static final Var<String> AGENCY_GROUP = PlanLifecycleProcess.AGENCY_GROUP;

  // --- set by Task_PrepareConsolidation, shown read-only by consolidate-reports.form ---
  public static final JsonVar<List<AgencyFigureRow>> AGENCY_FIGURES =
      JsonVar.of("agencyFigures", new TypeReference<>() {});
  public static final JsonVar<List<IndicatorTotalRow>> INDICATOR_TOTALS =
      JsonVar.of("indicatorTotals", new TypeReference<>() {});
  /** How many agencies reported, of how many asked, as text for the form. */
  public static final Var<String> REPORTING_STATUS = Var.of("reportingStatus", String.class);

  // --- consolidate-reports.form ---
  public static final Var<String> CONSOLIDATED_SUMMARY = Var.of("consolidatedSummary", String.class);

  // --- sign-report.form ---
  public static final Var<Boolean> REPORT_SIGNED = Var.of("reportSigned", Boolean.class);
  public static final Var<String> SIGN_COMMENT = Var.of("signComment", String.class);

  private PeriodicReportProcess() {
  }

  /**
   * One agency's figure for one indicator, as the consolidation form lists it: what it reported by the indicator's
   * kind and, in words, {@code result} ("12 xã", "18/20 (90%)", "Đạt").
   */
  public record AgencyFigureRow(String agency, String indicator, String unit, Double value, Double numerator,
      Double denominator, Boolean met, String result, String delivery) {
  }

  /**
   * One indicator over all agencies that reported, consolidated by its kind ({@code ReportingService}): {@code total}
   * is the sum (count, amount, relative), the percentage of the summed numerators over the summed denominators, or the
   * number of agencies meeting a criterion; {@code agencies} how many reported, {@code agenciesMet} how many meet a
   * criterion. {@code met}: whether the target is met, null when there is no target or no figure yet;
   * {@code assessment} says it in words ("Đạt", "Chưa đạt", "Không đặt mục tiêu", "Chưa có số liệu").
   */
  public record IndicatorTotalRow(Long indicatorId, String indicator, String kind, String kindLabel, String unit,
      Double target, String targetText, Double total, Double numerator, Double denominator, Integer agencies,
      Integer agenciesMet, String result, Boolean met, String assessment) {
  }
}
