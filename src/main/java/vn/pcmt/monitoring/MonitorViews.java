package vn.pcmt.monitoring;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** What the monitor's JSON API answers (docs/monitoring.md describes every field). */
public final class MonitorViews {

  private MonitorViews() {
  }

  /** One plan in flight and how its obligations stand. {@code inProgress} excludes the stalled ones. */
  public record PlanProgress(long planId, String planNumber, String title, LocalDate issueDate, String standingAgency,
      String issuingAgency, long agencies, long obligations, long doneOnTime, long doneLate, long inProgress,
      long stalled, long overdue, long incidents) {
  }

  public record PlanList(Instant generatedAt, LocalDate today, int stalledAfterWorkingDays, List<PlanProgress> plans) {
  }

  /** A column of the matrix: the sub-plan, one reporting period, or the commendation proposal. */
  public record Step(String key, String kind, String label, Long periodId, LocalDate dueDate) {
  }

  /**
   * One agency's step. {@code text} is what the page and the export show. {@code linkTarget} says what the cell opens:
   * "tasklist" (the agency's open task: {@link Matrix#tasklistUrl} + {@code #/?task=} + taskId) or "cockpit" (the
   * running process instance: {@link Matrix#cockpitUrl} + {@code #/process-instance/} + processInstanceId). Zero
   * counts and missing values are left out of the JSON (a matrix has thousands of cells).
   */
  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  public record Cell(String step, Long obligationId, CellState state, String stateLabel, String text,
      Instant dueAt, Instant deliveredAt, int daysLate, int idleWorkingDays, int incidents, String taskId,
      String taskName, String assignee, String processInstanceId, String linkTarget, long actions) {
  }

  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  public record Row(String agency, String agencyName, int incidents, int overdue, int stalled, int inProgress,
      int doneLate, int doneOnTime, int notStarted, int maxDaysLate, List<Cell> cells) {
  }

  public record PlanIncident(String incidentId, String processInstanceId, String activityId, String type,
      String message, Instant at, String agency, String link) {
  }

  public record Filter(String agency, String step, List<CellState> states, String sort) {
  }

  public record Matrix(long planId, String planNumber, String title, String status, Instant generatedAt,
      LocalDate today, int stalledAfterWorkingDays, String tasklistUrl, String cockpitUrl, Filter filter,
      List<Step> steps, int agencies, List<Row> rows, List<PlanIncident> incidents) {

    /** Where the cell leads, as the page links it; null when nothing is open or running. */
    public String linkOf(Cell cell) {
      if ("tasklist".equals(cell.linkTarget())) {
        return tasklistUrl + "#/?task=" + cell.taskId();
      }
      return "cockpit".equals(cell.linkTarget()) ? cockpitUrl + "#/process-instance/" + cell.processInstanceId() : null;
    }
  }

  /**
   * One agency across the plans the viewer sees. {@code due}: obligations delivered or past their due moment;
   * {@code onTimeRate}: on time over due; {@code medianDelayWorkingDays}: the median working days late of its
   * deliveries (0 for those on time); {@code attention}: CRITICISE (phê bình), COMMEND (khen thưởng) or null.
   */
  public record AgencyFigures(String agency, String agencyName, long due, long doneOnTime, long doneLate,
      long overdueNow, long neverDelivered, Double onTimeRate, Double medianDelayWorkingDays, int maxDaysOverdue,
      String attention, String attentionLabel) {
  }

  public record AgencyList(Instant generatedAt, LocalDate today, List<AgencyFigures> agencies) {
  }

  /** An action taken from the monitor, as the page's history shows it. */
  public record Action(long id, String kind, String kindLabel, String detail, Integer recipients, String actedBy,
      Instant actedAt, String taskId, String agency) {
  }
}
