package vn.pcmt.reporting;

import java.util.Date;
import java.util.List;

import com.fasterxml.jackson.core.type.TypeReference;

import vn.pcmt.engine.JsonVar;
import vn.pcmt.engine.Var;
import vn.pcmt.plan.PlanLifecycleProcess;
import vn.pcmt.subplan.SubPlanProcess;

/** processes/agency-report.bpmn: one agency's report for one period: officer drafts, head approves, it is sent. */
public final class AgencyReportProcess {

  public static final String KEY = "agency-report";

  public static final String START_REPORT_REQUESTED = "StartEvent_ReportRequested";
  public static final String TASK_OPEN_AGENCY_REPORT = "Task_OpenAgencyReport";
  public static final String TASK_DRAFT_REPORT = "Task_DraftReport";
  public static final String TASK_APPROVE_REPORT = "Task_ApproveReport";
  public static final String TASK_SUBMIT_REPORT = "Task_SubmitReport";
  public static final String END_REPORT_SUBMITTED = "EndEvent_ReportSubmitted";

  public static final String FORM_DRAFT = "draft-report";
  public static final String FORM_APPROVE = "approve-report";

  // --- passed in by the period ---
  public static final Var<Long> PLAN_ID = PlanLifecycleProcess.PLAN_ID;
  public static final Var<String> PLAN_NUMBER = PlanLifecycleProcess.PLAN_NUMBER;
  public static final Var<String> PLAN_TITLE = PlanLifecycleProcess.PLAN_TITLE;
  public static final Var<Long> PERIOD_ID = PlanLifecycleProcess.PERIOD_ID;
  public static final Var<String> PERIOD_LABEL = PeriodicReportProcess.PERIOD_LABEL;
  public static final Var<Date> PERIOD_DUE_DATE = PeriodicReportProcess.PERIOD_DUE_DATE;
  public static final Var<String> AGENCY_GROUP = PlanLifecycleProcess.AGENCY_GROUP;

  // --- set by Task_OpenAgencyReport ---
  public static final Var<String> AGENCY_HEAD_GROUP = SubPlanProcess.AGENCY_HEAD_GROUP;
  public static final Var<String> AGENCY_NAME = SubPlanProcess.AGENCY_NAME;
  public static final Var<String> DEADLINE_PHRASE = SubPlanProcess.DEADLINE_PHRASE;

  // --- draft-report.form: the plan's indicators, the inputs of each by its kind ---
  public static final JsonVar<List<FigureRow>> INDICATOR_FIGURES =
      JsonVar.of("indicatorFigures", new TypeReference<>() {});
  public static final Var<String> NARRATIVE = Var.of("reportNarrative", String.class);

  // --- approve-report.form (agency head) ---
  public static final Var<Boolean> HEAD_APPROVED = Var.of("reportHeadApproved", Boolean.class);
  public static final Var<String> HEAD_COMMENT = Var.of("reportHeadComment", String.class);

  private AgencyReportProcess() {
  }

  /**
   * One indicator of the report form, shown with its name, unit, kind (IndicatorKind's name, which decides the inputs
   * shown) and target in words. The agency fills {@code value} for a count, an amount or a figure compared with a past
   * year; {@code numerator} and {@code denominator} for a percentage; {@code met} for a criterion.
   */
  public record FigureRow(Long indicatorId, String name, String unit, String kind, Double target, String targetText,
      Double value, Double numerator, Double denominator, Boolean met) {

    public FigureRow withValue(Double value) {
      return new FigureRow(indicatorId, name, unit, kind, target, targetText, value, numerator, denominator, met);
    }

    public FigureRow withFraction(Double numerator, Double denominator) {
      return new FigureRow(indicatorId, name, unit, kind, target, targetText, value, numerator, denominator, met);
    }

    public FigureRow withMet(Boolean met) {
      return new FigureRow(indicatorId, name, unit, kind, target, targetText, value, numerator, denominator, met);
    }
  }
}
