package vn.pcmt.demo;

import static vn.pcmt.demo.DemoData.headOf;
import static vn.pcmt.demo.DemoData.officerOf;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.task.Task;

import vn.pcmt.agency.Agency;
import vn.pcmt.agency.AgencyDirectory;
import vn.pcmt.agency.AgencyGroups;
import vn.pcmt.calendar.Deadlines;
import vn.pcmt.plan.IndicatorKind;
import vn.pcmt.plan.PlanLifecycleProcess;
import vn.pcmt.plan.PlanRegistrationForm;
import vn.pcmt.reporting.AgencyReportProcess;
import vn.pcmt.reporting.AgencyReportProcess.FigureRow;
import vn.pcmt.reporting.PeriodicReportProcess;
import vn.pcmt.subplan.SubPlanProcess;

/**
 * The demo plan's first half-year, written as history: every step is done by the user whose task it is, at a moment
 * in the past, with the engine's clock at that moment, so that create, due and completion times, reminders and the
 * monitor's states are what a real half-year leaves behind. Today the plan stands a few working days before its
 * 6-month reports are due:
 * <ul>
 *   <li>sub-plans: most delivered on time (one returned by its head, one by the secretariat), {@link #SUB_PLAN_LATE}
 *       late, {@link #SUB_PLAN_JUST_ARRIVED} months late and waiting for the secretariat's review,
 *       {@link #STUCK_AT_HEAD} waiting for its head's approval, {@link #SILENT} never started: both overdue;</li>
 *   <li>first-quarter reports: most on time, {@link #FIRST_REPORT_LATE} late, the same two missing; consolidated by
 *       the secretariat after the cut-off, signed by leadership and sent;</li>
 *   <li>6-month reports: {@link #SECOND_REPORT_SENT} sent, {@link #SECOND_REPORT_AT_HEAD} at their head, the others
 *       taken in hand in the last days, {@link #SILENT}'s untouched since the period opened (stalled).</li>
 * </ul>
 * A role whose agency the plan does not address is left out.
 */
final class DemoStory {

  /** Xã Tô Múa: sends nothing; its 6-month report is untouched since the period opened. */
  static final String SILENT = "XTM";
  /** Hội Cựu chiến binh: its sub-plan waits for the head's approval past the deadline; no first-quarter report. */
  static final String STUCK_AT_HEAD = "HCCB";
  /** Sub-plans delivered late: working days after the deadline. */
  static final Map<String, Integer> SUB_PLAN_LATE = Map.of("SYT", 3, "SCT", 6, "HLHPN", 10);
  /** Xã Song Khủa: its sub-plan came months late, two working days ago; the secretariat has it in its inbox. */
  static final String SUB_PLAN_JUST_ARRIVED = "XSK";
  static final String SUB_PLAN_RETURNED_BY_HEAD = "STP";
  static final String SUB_PLAN_RETURNED_BY_SECRETARIAT = "SGDDT";
  /** First-quarter reports sent late, within the cut-off: working days after the due day. */
  static final Map<String, Integer> FIRST_REPORT_LATE = Map.of("SYT", 2, "LDLDT", 4);
  static final String FIRST_REPORT_RETURNED_BY_HEAD = "SNV";
  static final List<String> SECOND_REPORT_SENT = List.of("CAT", "SGDDT", "STC", "SNV", "BDBP", "TAND");
  static final List<String> SECOND_REPORT_AT_HEAD = List.of("SVHTTDL", "STP");

  private static final int FIRST = 0;
  private static final int SECOND = 1;

  private record Step(LocalDateTime at, Runnable action) {
  }

  private final DemoActors actors;
  private final EngineClock clock;
  private final Deadlines deadlines;
  private final AgencyDirectory directory;
  private final DemoPlan plan;
  private final String secretariat;
  private final String issuer;
  private final int cutoffWorkingDays;
  private final LocalDate today;
  private final List<Step> steps = new ArrayList<>();

  DemoStory(DemoActors actors, EngineClock clock, Deadlines deadlines, AgencyDirectory directory, DemoPlan plan,
      String secretariat, String issuer, int cutoffWorkingDays, LocalDate today) {
    this.actors = actors;
    this.clock = clock;
    this.deadlines = deadlines;
    this.directory = directory;
    this.plan = plan;
    this.secretariat = secretariat;
    this.issuer = issuer;
    this.cutoffWorkingDays = cutoffWorkingDays;
    this.today = today;
  }

  /** Registers, issues and runs the plan up to today; returns the plan's process instance id. */
  String write() {
    String planInstance = issue();
    List<String> agencies = actors.agencies(planInstance);
    subPlans(agencies);
    firstReports(agencies);
    secondReports(agencies);
    steps.sort(Comparator.comparing(Step::at));
    for (Step step : steps) {
      clock.set(step.at().atZone(deadlines.zone()).toInstant());
      actors.executeDueJobs();
      step.action().run();
      actors.executeDueJobs();
    }
    return planInstance;
  }

  // --- registration and issuance: the secretariat registers in the morning, leadership approves ---------------

  private String issue() {
    LocalDate issued = plan.registration().issueDate();
    moveTo(issued.atTime(8, 30));
    String instance = actors.start(officerOf(secretariat), PlanLifecycleProcess.KEY,
        PlanRegistrationForm.write(plan.registration()));
    moveTo(issued.atTime(10, 30));
    Map<String, Object> form = new HashMap<>();
    PlanLifecycleProcess.ISSUANCE_APPROVED.put(form, true);
    PlanLifecycleProcess.ISSUANCE_COMMENT.put(form, "Đồng ý ban hành kế hoạch.");
    actors.submit(headOf(issuer), required(actors.task(PlanLifecycleProcess.TASK_APPROVE_ISSUANCE,
        AgencyGroups.headGroupOf(issuer), null), "the issuance approval"), form);
    actors.executeDueJobs();
    return instance;
  }

  private void moveTo(LocalDateTime at) {
    clock.set(at.atZone(deadlines.zone()).toInstant());
    actors.executeDueJobs();
  }

  // --- sub-plans --------------------------------------------------------------------------------------------

  private void subPlans(List<String> agencies) {
    LocalDate lastDay = plan.subPlanLastDay(deadlines);
    LocalDate firstDay = deadlines.addWorkingDays(plan.registration().issueDate(), 1);
    for (int i = 0; i < agencies.size(); i++) {
      String agency = agencies.get(i);
      int number = 10 + i;
      int minute = minute(i);
      if (agency.equals(SILENT)) {
        continue;
      }
      if (agency.equals(STUCK_AT_HEAD)) {
        LocalDate day = notBefore(before(lastDay, 2), firstDay);
        at(day, 9, minute, () -> draftSubPlan(agency, number));
      } else if (SUB_PLAN_LATE.containsKey(agency)) {
        LocalDate day = after(lastDay, SUB_PLAN_LATE.get(agency));
        deliverSubPlan(agency, number, day, day, minute);
      } else if (agency.equals(SUB_PLAN_JUST_ARRIVED)) {
        at(before(today, 3), 9, minute, () -> draftSubPlan(agency, number));
        at(before(today, 2), 14, minute / 4, () -> headDecidesSubPlan(agency, true, "Đồng ý, gửi Thường trực."));
      } else if (agency.equals(SUB_PLAN_RETURNED_BY_HEAD)) {
        LocalDate day = notBefore(before(lastDay, 5), firstDay);
        at(day, 8, minute, () -> draftSubPlan(agency, number));
        at(day, 15, 0, () -> headDecidesSubPlan(agency, false,
            "Bổ sung phân công cụ thể cho từng phòng và thời hạn hoàn thành."));
        deliverSubPlan(agency, number, after(day, 1), after(day, 1), minute);
      } else if (agency.equals(SUB_PLAN_RETURNED_BY_SECRETARIAT)) {
        LocalDate day = notBefore(before(lastDay, 7), firstDay);
        at(day, 9, minute, () -> draftSubPlan(agency, number));
        at(day, 14, 0, () -> headDecidesSubPlan(agency, true, "Đồng ý, gửi Thường trực."));
        at(after(day, 1), 10, 0, () -> secretariatReviews(agency, false,
            "Đề nghị bổ sung chỉ tiêu tuyên truyền trong trường học theo mục I.2 của kế hoạch."));
        deliverSubPlan(agency, number, after(day, 2), after(day, 2), minute);
      } else {
        LocalDate day = notBefore(before(lastDay, 2 + i % 6), firstDay);
        deliverSubPlan(agency, number, day, i % 3 == 0 ? after(day, 1) : day, minute);
      }
    }
  }

  /** The officer drafts, the head approves, the secretariat accepts the next working day. */
  private void deliverSubPlan(String agency, int number, LocalDate drafted, LocalDate approved, int minute) {
    at(drafted, 8, minute, () -> draftSubPlan(agency, number));
    at(approved, 14, minute / 4, () -> headDecidesSubPlan(agency, true, "Đồng ý, gửi Thường trực."));
    at(after(approved, 1), 9, minute / 2, () -> secretariatReviews(agency, true,
        "Kế hoạch đủ nội dung theo phân công, chấp nhận."));
  }

  private void draftSubPlan(String agency, int number) {
    Map<String, Object> form = new HashMap<>();
    SubPlanProcess.DOCUMENT_NUMBER.put(form, number + "/KH-" + agency);
    SubPlanProcess.DOCUMENT_DATE.put(form, deadlines.today().toString());
    SubPlanProcess.SUMMARY.put(form, "Kế hoạch triển khai Kế hoạch số " + plan.registration().planNumber() + " của "
        + name(agency) + ": phân công phòng, đơn vị chủ trì từng nhiệm vụ được giao, thời hạn hoàn thành, "
        + "chế độ báo cáo định kỳ về Thường trực.");
    actors.submit(officerOf(agency), required(actors.task(SubPlanProcess.TASK_DRAFT_SUB_PLAN, agency, null),
        "the sub-plan draft of " + agency), form);
  }

  private void headDecidesSubPlan(String agency, boolean approved, String comment) {
    Map<String, Object> form = new HashMap<>();
    SubPlanProcess.HEAD_APPROVED.put(form, approved);
    SubPlanProcess.HEAD_COMMENT.put(form, comment);
    actors.submit(headOf(agency), required(actors.task(SubPlanProcess.TASK_APPROVE_SUB_PLAN,
        AgencyGroups.headGroupOf(agency), null), "the sub-plan approval of " + agency), form);
  }

  private void secretariatReviews(String agency, boolean accepted, String comment) {
    Map<String, Object> form = new HashMap<>();
    SubPlanProcess.ACCEPTED.put(form, accepted);
    SubPlanProcess.REVIEW_COMMENT.put(form, comment);
    actors.submit(officerOf(secretariat), required(actors.taskAbout(SubPlanProcess.TASK_REVIEW_SUB_PLAN,
        secretariat, agency), "the review of the sub-plan of " + agency), form);
  }

  // --- the first quarter: reports, cut-off, consolidation, signature ------------------------------------------

  private void firstReports(List<String> agencies) {
    LocalDate lastDay = plan.periodLastDay(FIRST, deadlines);
    LocalDate firstDay = deadlines.addWorkingDays(plan.registration().issueDate(), 1);
    for (int i = 0; i < agencies.size(); i++) {
      String agency = agencies.get(i);
      int index = i;
      int minute = minute(i);
      if (agency.equals(SILENT) || agency.equals(STUCK_AT_HEAD)) {
        continue;
      }
      if (FIRST_REPORT_LATE.containsKey(agency)) {
        LocalDate day = after(lastDay, Math.min(FIRST_REPORT_LATE.get(agency), cutoffWorkingDays));
        deliverReport(agency, FIRST, index, day, minute);
      } else if (agency.equals(FIRST_REPORT_RETURNED_BY_HEAD)) {
        LocalDate day = notBefore(before(lastDay, 4), firstDay);
        at(day, 8, minute, () -> draftReport(agency, FIRST, index));
        at(day, 15, 0, () -> headDecidesReport(agency, FIRST, false,
            "Kiểm tra lại số liệu người nghiện được lập hồ sơ quản lý, chưa khớp với báo cáo của Công an."));
        deliverReport(agency, FIRST, index, after(day, 1), minute);
      } else {
        deliverReport(agency, FIRST, index, notBefore(before(lastDay, 1 + i % 6), firstDay), minute);
      }
    }
    // the cut-off timer fires at the end of its day; the secretariat consolidates the next morning
    LocalDate cutoff = after(lastDay, cutoffWorkingDays);
    at(after(cutoff, 1), 9, 30, () -> consolidate(FIRST));
    at(after(cutoff, 2), 10, 0, () -> sign(FIRST));
  }

  private void secondReports(List<String> agencies) {
    for (int i = 0; i < agencies.size(); i++) {
      String agency = agencies.get(i);
      int index = i;
      int minute = minute(i);
      if (agency.equals(SILENT)) {
        continue;
      }
      if (SECOND_REPORT_SENT.contains(agency)) {
        deliverReport(agency, SECOND, index, before(today, 2 + SECOND_REPORT_SENT.indexOf(agency) % 4), minute);
      } else if (SECOND_REPORT_AT_HEAD.contains(agency)) {
        at(before(today, 1 + SECOND_REPORT_AT_HEAD.indexOf(agency)), 9, minute,
            () -> draftReport(agency, SECOND, index));
      } else {
        // the officer takes the task in hand ("Nhận việc"): the monitor sees recent activity
        at(before(today, 1 + i % 7), 8, minute, () -> actors.claim(officerOf(agency), required(
            actors.task(AgencyReportProcess.TASK_DRAFT_REPORT, agency, plan.periodLabel(SECOND)),
            "the 6-month report of " + agency)));
      }
    }
  }

  private void deliverReport(String agency, int period, int index, LocalDate day, int minute) {
    at(day, 8, minute, () -> draftReport(agency, period, index));
    at(day, 14, minute / 4, () -> headDecidesReport(agency, period, true, "Đồng ý, gửi Thường trực."));
  }

  private void draftReport(String agency, int period, int index) {
    String label = plan.periodLabel(period);
    Task task = required(actors.task(AgencyReportProcess.TASK_DRAFT_REPORT, agency, label),
        "the " + label + " report of " + agency);
    List<FigureRow> rows = actors.read(task, AgencyReportProcess.INDICATOR_FIGURES);
    Map<String, Object> form = new HashMap<>();
    AgencyReportProcess.INDICATOR_FIGURES.put(form, actors.filled(rows, row -> figure(row, index, period)));
    AgencyReportProcess.NARRATIVE.put(form, "Báo cáo kết quả thực hiện Kế hoạch số "
        + plan.registration().planNumber() + " kỳ " + label + " của " + name(agency) + ": đã quán triệt, triển "
        + "khai các nhiệm vụ được giao; tổ chức tuyên truyền, rà soát đối tượng; số liệu các chỉ tiêu như bảng trên.");
    actors.submit(officerOf(agency), task, form);
  }

  private void headDecidesReport(String agency, int period, boolean approved, String comment) {
    String label = plan.periodLabel(period);
    Map<String, Object> form = new HashMap<>();
    AgencyReportProcess.HEAD_APPROVED.put(form, approved);
    AgencyReportProcess.HEAD_COMMENT.put(form, comment);
    actors.submit(headOf(agency), required(actors.task(AgencyReportProcess.TASK_APPROVE_REPORT,
        AgencyGroups.headGroupOf(agency), label), "the " + label + " report approval of " + agency), form);
  }

  private void consolidate(int period) {
    String label = plan.periodLabel(period);
    Task task = required(actors.task(PeriodicReportProcess.TASK_CONSOLIDATE_REPORTS, secretariat, label),
        "the consolidation of " + label);
    Map<String, Object> form = new HashMap<>();
    PeriodicReportProcess.CONSOLIDATED_SUMMARY.put(form, "Báo cáo kết quả công tác phòng, chống ma túy " + label
        + " thực hiện Kế hoạch số " + plan.registration().planNumber() + ". "
        + actors.read(task, PeriodicReportProcess.REPORTING_STATUS)
        + " Đề nghị phê bình các cơ quan chưa báo cáo, đôn đốc báo cáo đúng hạn kỳ sau.");
    actors.submit(officerOf(secretariat), task, form);
  }

  private void sign(int period) {
    String label = plan.periodLabel(period);
    Map<String, Object> form = new HashMap<>();
    PeriodicReportProcess.REPORT_SIGNED.put(form, true);
    PeriodicReportProcess.SIGN_COMMENT.put(form, "Đồng ý ký, gửi các nơi nhận.");
    actors.submit(headOf(issuer), required(actors.task(PeriodicReportProcess.TASK_SIGN_REPORT,
        AgencyGroups.headGroupOf(issuer), label), "the signature of " + label), form);
  }

  /**
   * An agency's figures for one indicator, varied by agency and period, by the indicator's kind: a share between 60
   * and 100 percent of 10 to 29 (households, units, persons) for a percentage, met by most agencies for a criterion,
   * else a few units (communes, villages).
   */
  static FigureRow figure(FigureRow row, int agency, int period) {
    int seed = agency * 7 + (int) (row.indicatorId() % 13) * 3 + period * 5;
    if (IndicatorKind.PERCENTAGE.name().equals(row.kind())) {
      int denominator = 10 + seed % 20;
      int share = Math.min(100, 60 + seed % 41 + period * 10);
      return row.withFraction((double) Math.round(denominator * share / 100.0), (double) denominator);
    }
    if (IndicatorKind.CRITERION.name().equals(row.kind())) {
      return row.withMet((seed + period) % 5 != 0);
    }
    return row.withValue((double) (seed % 3));
  }

  // --- time ----------------------------------------------------------------------------------------------------

  private void at(LocalDate day, int hour, int minute, Runnable action) {
    steps.add(new Step(day.atTime(LocalTime.of(hour, 0)).plusMinutes(minute), action));
  }

  /** Spreads the agencies' steps over the working morning (0 to 3 h 59 after the hour given). */
  private static int minute(int agency) {
    return (agency * 23) % 240;
  }

  private LocalDate before(LocalDate day, int workingDays) {
    return deadlines.calendar().subtractWorkingDays(day, workingDays);
  }

  private LocalDate after(LocalDate day, int workingDays) {
    return deadlines.addWorkingDays(day, workingDays);
  }

  private static LocalDate notBefore(LocalDate day, LocalDate earliest) {
    return day.isBefore(earliest) ? earliest : day;
  }

  private String name(String agency) {
    return directory.find(agency).map(Agency::getName).orElse(agency);
  }

  private static Task required(Task task, String what) {
    if (task == null) {
      throw new IllegalStateException("The demo's story expected " + what + " to be open, and it is not");
    }
    return task;
  }
}
