package vn.pcmt.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static vn.pcmt.reporting.PeriodicReportProcess.AGENCY_FIGURES;
import static vn.pcmt.reporting.PeriodicReportProcess.CALL_AGENCY_REPORTS;
import static vn.pcmt.reporting.PeriodicReportProcess.CONSOLIDATED_SUMMARY;
import static vn.pcmt.reporting.PeriodicReportProcess.END_AGENCY_REPORTS_DONE;
import static vn.pcmt.reporting.PeriodicReportProcess.END_REPORT_SENT;
import static vn.pcmt.reporting.PeriodicReportProcess.INDICATOR_TOTALS;
import static vn.pcmt.reporting.PeriodicReportProcess.LEADERSHIP_GROUP;
import static vn.pcmt.reporting.PeriodicReportProcess.PERIOD_DUE_DATE;
import static vn.pcmt.reporting.PeriodicReportProcess.PERIOD_ID;
import static vn.pcmt.reporting.PeriodicReportProcess.PERIOD_LABEL;
import static vn.pcmt.reporting.PeriodicReportProcess.PERIOD_OPENS_AT;
import static vn.pcmt.reporting.PeriodicReportProcess.PLAN_ID;
import static vn.pcmt.reporting.PeriodicReportProcess.PLAN_NUMBER;
import static vn.pcmt.reporting.PeriodicReportProcess.PLAN_TITLE;
import static vn.pcmt.reporting.PeriodicReportProcess.REPORTING_AGENCIES;
import static vn.pcmt.reporting.PeriodicReportProcess.REPORTING_CUTOFF;
import static vn.pcmt.reporting.PeriodicReportProcess.REPORTING_STATUS;
import static vn.pcmt.reporting.PeriodicReportProcess.REPORT_SIGNED;
import static vn.pcmt.reporting.PeriodicReportProcess.SECRETARIAT_GROUP;
import static vn.pcmt.reporting.PeriodicReportProcess.SIGN_COMMENT;
import static vn.pcmt.reporting.PeriodicReportProcess.START_PERIOD_STARTED;
import static vn.pcmt.reporting.PeriodicReportProcess.TASK_CONSOLIDATE_REPORTS;
import static vn.pcmt.reporting.PeriodicReportProcess.TASK_OPEN_PERIOD;
import static vn.pcmt.reporting.PeriodicReportProcess.TASK_PREPARE_CONSOLIDATION;
import static vn.pcmt.reporting.PeriodicReportProcess.TASK_SEND_REPORT;
import static vn.pcmt.reporting.PeriodicReportProcess.TASK_SIGN_REPORT;
import static vn.pcmt.reporting.PeriodicReportProcess.TIMER_PERIOD_OPENS;
import static vn.pcmt.reporting.PeriodicReportProcess.TIMER_REPORTING_CUTOFF;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.pcmt.ProcessTestSupport;
import vn.pcmt.agency.AgencyGroups;
import vn.pcmt.obligation.Obligation;
import vn.pcmt.obligation.Outcome;
import vn.pcmt.reporting.AgencyReportProcess.FigureRow;
import vn.pcmt.reporting.PeriodicReportProcess.AgencyFigureRow;
import vn.pcmt.reporting.PeriodicReportProcess.IndicatorTotalRow;

/**
 * processes/periodic-report.bpmn, started as plan-lifecycle's call activity starts it for one period: the period
 * opens (timer), every agency reports (agency-report.bpmn), at the cut-off (timer) the secretariat consolidates what
 * has arrived, leadership signs or returns, the report is sent and the period ends, also for reports still open.
 */
class PeriodicReportProcessTest extends ProcessTestSupport {

  static final List<String> AGENCIES = List.of("SYT", "STP", "CAT");
  static final String Q1 = "Quý I/2024";
  static final LocalDate Q1_DUE = LocalDate.of(2024, 3, 29);
  static final String Q2 = "Quý II/2024";
  static final LocalDate Q2_DUE = LocalDate.of(2024, 6, 28);

  @Autowired
  ReportingService reporting;
  @Autowired
  ConsolidatedReportRepository consolidatedReports;

  String planNumber;
  long planId;
  Map<String, Long> periodIds;

  @BeforeEach
  void issuePlan() {
    planNumber = newPlanNumber();
    planId = issuedPlan(planOf(planNumber, AGENCIES, null, periods(Q1, Q1_DUE, Q2, Q2_DUE), false));
    periodIds = periodIds(planId);
  }

  /** What plan-lifecycle's CallActivity_ReportingPeriods passes to one period. */
  ProcessInstance startPeriod(String label) {
    Map<String, Object> variables = new HashMap<>();
    PLAN_ID.put(variables, planId);
    PLAN_NUMBER.put(variables, planNumber);
    PLAN_TITLE.put(variables, "Kế hoạch thực hiện công tác phòng, chống ma túy năm 2024 (kiểm thử)");
    PERIOD_ID.put(variables, periodIds.get(label));
    SECRETARIAT_GROUP.put(variables, SECRETARIAT);
    LEADERSHIP_GROUP.put(variables, LEADERSHIP);
    return startCalled(PeriodicReportProcess.KEY, planNumber, variables);
  }

  /** The agency's officer enters the figures (first indicator, second indicator); its head approves. */
  void report(String agency, double events, double rehab) {
    draft(agency, events, rehab);
    complete(task(planNumber, AgencyReportProcess.TASK_APPROVE_REPORT, AgencyGroups.headGroupOf(agency)), head(agency),
        form().with(AgencyReportProcess.HEAD_APPROVED, true));
  }

  void draft(String agency, double events, double rehab) {
    Task draft = task(planNumber, AgencyReportProcess.TASK_DRAFT_REPORT, agency);
    List<FigureRow> rows = variable(draft, AgencyReportProcess.INDICATOR_FIGURES).stream()
        .map(row -> row.withValue(row.name().equals(INDICATOR_EVENTS) ? events : rehab))
        .toList();
    complete(draft, officer(agency), form().with(AgencyReportProcess.INDICATOR_FIGURES, rows)
        .with(AgencyReportProcess.NARRATIVE, "Báo cáo kết quả của " + agency + "."));
  }

  @Test
  void thePeriodOpensAtThePreviousDueDateAndReportsArrivingBeforeTheCutoffAreConsolidated() {
    ProcessInstance period = startPeriod(Q2);

    // prepared at once, opened when the previous period is due
    assertThat(period).hasPassed(START_PERIOD_STARTED, TASK_OPEN_PERIOD).isWaitingAt(TIMER_PERIOD_OPENS);
    assertThat(timer(period, TIMER_PERIOD_OPENS).getDuedate()).isEqualTo(startOfDay(Q1_DUE));
    assertThat(variable(period, PERIOD_LABEL)).isEqualTo(Q2);
    assertThat(variable(period, PERIOD_OPENS_AT)).isEqualTo(startOfDay(Q1_DUE));
    assertThat(variable(period, PERIOD_DUE_DATE)).isEqualTo(endOfDay(Q2_DUE));
    assertThat(variable(period, REPORTING_CUTOFF)).isEqualTo(endOfDay(plusWorkingDays(Q2_DUE, 5)));
    // who reports is decided the day the period opens (the directory may have changed since the plan was issued)
    assertThat(variable(period, REPORTING_AGENCIES)).isNull();

    assertThat(moveClockTo(LocalDateTime.of(2024, 3, 28, 23, 59))).isZero();
    assertThat(period).isWaitingAt(TIMER_PERIOD_OPENS);
    assertThat(tasks(planNumber, AgencyReportProcess.TASK_DRAFT_REPORT)).isEmpty();

    moveClockTo(LocalDateTime.of(2024, 3, 29, 7, 30));
    assertThat(period).hasPassed(TIMER_PERIOD_OPENS).isWaitingAt(CALL_AGENCY_REPORTS, TIMER_REPORTING_CUTOFF);
    assertThat(variable(period, REPORTING_AGENCIES)).containsExactlyElementsOf(AGENCIES);
    assertThat(timer(period, TIMER_REPORTING_CUTOFF).getDuedate()).isEqualTo(endOfDay(LocalDate.of(2024, 7, 5)));
    for (String agency : AGENCIES) {
      assertThat(task(planNumber, AgencyReportProcess.TASK_DRAFT_REPORT, agency)).hasCandidateGroup(agency)
          .hasDueDate(endOfDay(Q2_DUE));
    }

    setClock(LocalDateTime.of(2024, 6, 20, 9, 0));
    report("SYT", 5, 10);
    report("STP", 3, 7);
    // the agency's head returns its report once
    draft("CAT", 8, 15);
    complete(task(planNumber, AgencyReportProcess.TASK_APPROVE_REPORT, "CATLD"), head("CAT"),
        form().with(AgencyReportProcess.HEAD_APPROVED, false)
            .with(AgencyReportProcess.HEAD_COMMENT, "Bổ sung số người cai nghiện tại cộng đồng."));
    report("CAT", 8, 20);
    executeDueJobs();
    assertThat(period).hasPassed(CALL_AGENCY_REPORTS, END_AGENCY_REPORTS_DONE)
        .isWaitingAt(TIMER_REPORTING_CUTOFF).isNotWaitingAt(CALL_AGENCY_REPORTS);

    // the cut-off: five working days after the due date
    assertThat(moveClockTo(LocalDateTime.of(2024, 7, 5, 23, 0))).isZero();
    assertThat(period).isWaitingAt(TIMER_REPORTING_CUTOFF);
    moveClockTo(LocalDateTime.of(2024, 7, 6, 8, 0));
    assertThat(period).hasPassed(TIMER_REPORTING_CUTOFF, TASK_PREPARE_CONSOLIDATION)
        .isWaitingAt(TASK_CONSOLIDATE_REPORTS);
    assertThat(period).task().hasCandidateGroup(SECRETARIAT)
        .hasDueDate(endOfDay(plusWorkingDays(LocalDate.of(2024, 7, 6), 5)));
    // counts, summed: 5 + 3 + 8 = 16 sessions of at least 20, 10 + 7 + 20 = 37 persons of at least 100
    assertThat(variable(period, INDICATOR_TOTALS))
        .extracting(IndicatorTotalRow::indicator, IndicatorTotalRow::total, IndicatorTotalRow::agencies,
            IndicatorTotalRow::targetText, IndicatorTotalRow::result, IndicatorTotalRow::met,
            IndicatorTotalRow::assessment)
        .containsExactly(tuple(INDICATOR_EVENTS, 16.0, 3, "Tối thiểu 20 buổi", "16 buổi", false, "Chưa đạt"),
            tuple(INDICATOR_REHAB, 37.0, 3, "Tối thiểu 100 người", "37 người", false, "Chưa đạt"));
    assertThat(variable(period, AGENCY_FIGURES)).hasSize(6).extracting(AgencyFigureRow::delivery)
        .containsOnly("Đúng hạn");
    assertThat(variable(period, REPORTING_STATUS)).isEqualTo("Đã nhận 3/3 báo cáo (3 đúng hạn, 0 trễ hạn).");

    // leadership returns the consolidated report once
    setClock(LocalDateTime.of(2024, 7, 8, 9, 0));
    complete(task(period, TASK_CONSOLIDATE_REPORTS), officer(SECRETARIAT),
        form().with(CONSOLIDATED_SUMMARY, "Quý II: 16 buổi tuyên truyền, 37 người cai nghiện."));
    assertThat(period).isWaitingAt(TASK_SIGN_REPORT);
    assertThat(period).task().hasCandidateGroup(LEADERSHIP)
        .hasDueDate(endOfDay(plusWorkingDays(LocalDate.of(2024, 7, 8), 3)));
    complete(task(period, TASK_SIGN_REPORT), head(ISSUER),
        form().with(REPORT_SIGNED, false).with(SIGN_COMMENT, "Nêu rõ kết quả so với chỉ tiêu."));
    assertThat(period).isWaitingAt(TASK_CONSOLIDATE_REPORTS).hasNotPassed(TASK_SEND_REPORT);
    Task revision = task(period, TASK_CONSOLIDATE_REPORTS);
    assertThat(revision).hasCandidateGroup(SECRETARIAT);
    assertThat(variable(revision, SIGN_COMMENT)).isEqualTo("Nêu rõ kết quả so với chỉ tiêu.");

    complete(revision, officer(SECRETARIAT), form().with(CONSOLIDATED_SUMMARY,
        "Quý II: 16/20 buổi tuyên truyền, 37/100 người cai nghiện."));
    Task signing = task(period, TASK_SIGN_REPORT);
    assertThat(variable(signing, REPORT_SIGNED)).as("the earlier decision is not pre-filled").isNull();
    setClock(LocalDateTime.of(2024, 7, 9, 10, 0));
    complete(signing, head(ISSUER), form().with(REPORT_SIGNED, true));

    assertThat(period).hasPassed(TASK_SEND_REPORT, END_REPORT_SENT).isEnded();
    ConsolidatedReport sent = consolidatedReports.findByPeriodId(periodIds.get(Q2)).orElseThrow();
    assertThat(sent.getSummary()).isEqualTo("Quý II: 16/20 buổi tuyên truyền, 37/100 người cai nghiện.");
    assertThat(sent.getSignedBy()).isEqualTo(head(ISSUER));
    assertThat(sent.getSentAt()).isEqualTo(LocalDateTime.of(2024, 7, 9, 10, 0).atZone(VN).toInstant());
    assertThat(sent.getRecipients()).isEqualTo("Ủy ban Quốc gia phòng, chống AIDS, ma túy, mại dâm (để b/c)");
    assertThat(read(() -> consolidatedReports.findByPeriodId(periodIds.get(Q2)).orElseThrow().getFigures()))
        .as("the figures leadership signed are kept with the report")
        .extracting(ConsolidatedFigure::getTotal, ConsolidatedFigure::getAgencies, ConsolidatedFigure::getResult,
            ConsolidatedFigure::getMet, ConsolidatedFigure::getAssessment)
        .containsExactly(tuple(16.0, 3, "16 buổi", false, "Chưa đạt"), tuple(37.0, 3, "37 người", false, "Chưa đạt"));
    assertThat(obligations.settle(planId)).extracting(Obligation::getOutcome).containsOnly(Outcome.ON_TIME)
        .hasSize(3);
  }

  @Test
  void aLateReportIsTakenUntilTheCutoffAndAReportStillOpenWhenTheReportIsSentIsNeverDelivered() {
    ProcessInstance period = startPeriod(Q1);

    // the first period opens on the plan's issue date, already past
    assertThat(timer(period, TIMER_PERIOD_OPENS).getDuedate()).isEqualTo(startOfDay(PLAN_ISSUE_DATE));
    executeDueJobs();
    assertThat(period).isWaitingAt(CALL_AGENCY_REPORTS, TIMER_REPORTING_CUTOFF);
    assertThat(tasks(planNumber, AgencyReportProcess.TASK_DRAFT_REPORT)).hasSize(3)
        .allSatisfy(task -> assertThat(task.getDueDate()).isEqualTo(endOfDay(Q1_DUE)));

    setClock(LocalDateTime.of(2024, 3, 27, 9, 0));
    report("SYT", 6, 14);
    setClock(LocalDateTime.of(2024, 4, 2, 9, 0));
    report("STP", 2, 9);
    draft("CAT", 11, 30);
    executeDueJobs();
    assertThat(period).isWaitingAt(CALL_AGENCY_REPORTS, TIMER_REPORTING_CUTOFF);
    ProcessInstance openReport = calledInstance(planNumber, AgencyReportProcess.KEY, "CAT");
    assertThat(openReport).isWaitingAt(AgencyReportProcess.TASK_APPROVE_REPORT);

    // the cut-off (Friday 5 April, five working days after Friday 29 March) starts the consolidation
    moveClockTo(LocalDateTime.of(2024, 4, 6, 8, 0));
    assertThat(period).isWaitingAt(TASK_CONSOLIDATE_REPORTS, CALL_AGENCY_REPORTS);
    assertThat(period).task().hasCandidateGroup(SECRETARIAT)
        .hasDueDate(endOfDay(plusWorkingDays(LocalDate.of(2024, 4, 6), 5)));
    // two of three agencies: 6 + 2 = 8 sessions, 14 + 9 = 23 persons
    assertThat(variable(period, INDICATOR_TOTALS)).extracting(IndicatorTotalRow::total, IndicatorTotalRow::agencies,
        IndicatorTotalRow::assessment).containsExactly(tuple(8.0, 2, "Chưa đạt"), tuple(23.0, 2, "Chưa đạt"));
    assertThat(variable(period, REPORTING_STATUS))
        .isEqualTo("Đã nhận 2/3 báo cáo (1 đúng hạn, 1 trễ hạn). Chưa báo cáo: Công an tỉnh Sơn La.");
    assertThat(variable(period, AGENCY_FIGURES)).extracting(AgencyFigureRow::agency, AgencyFigureRow::value,
        AgencyFigureRow::result, AgencyFigureRow::delivery).containsExactlyInAnyOrder(
            tuple("Sở Y tế tỉnh Sơn La", 6.0, "6 buổi", "Đúng hạn"),
            tuple("Sở Y tế tỉnh Sơn La", 14.0, "14 người", "Đúng hạn"),
            tuple("Sở Tư pháp tỉnh Sơn La", 2.0, "2 buổi", "Trễ hạn"),
            tuple("Sở Tư pháp tỉnh Sơn La", 9.0, "9 người", "Trễ hạn"));
    assertThat(reporting.consolidate(periodIds.get(Q1)).totals()).extracting(IndicatorTotalRow::total)
        .containsExactly(8.0, 23.0);

    setClock(LocalDateTime.of(2024, 4, 8, 9, 0));
    complete(task(period, TASK_CONSOLIDATE_REPORTS), officer(SECRETARIAT),
        form().with(CONSOLIDATED_SUMMARY, "Quý I: 2/3 cơ quan đã báo cáo."));
    complete(task(period, TASK_SIGN_REPORT), head(ISSUER), form().with(REPORT_SIGNED, true));

    // sending the report ends the period: the report still waiting for its head is never delivered
    assertThat(period).hasPassed(TASK_SEND_REPORT, END_REPORT_SENT).hasNotPassed(END_AGENCY_REPORTS_DONE).isEnded();
    assertThat(openReport).isEnded();
    assertThat(tasks(planNumber, AgencyReportProcess.TASK_APPROVE_REPORT)).isEmpty();
    assertThat(obligations.settle(planId)).extracting(Obligation::getAgencyCode, Obligation::getOutcome)
        .containsExactlyInAnyOrder(tuple("SYT", Outcome.ON_TIME), tuple("STP", Outcome.LATE),
            tuple("CAT", Outcome.NEVER));
  }

  @Test
  void aConsolidationWithoutTextOrASignatureWithoutDecisionIsRefused() {
    ProcessInstance period = startPeriod(Q1);
    moveClockTo(LocalDateTime.of(2024, 4, 8, 9, 0));
    assertThat(period).isWaitingAt(TASK_CONSOLIDATE_REPORTS);
    assertThat(variable(period, REPORTING_STATUS))
        .isEqualTo("Đã nhận 0/3 báo cáo (0 đúng hạn, 0 trễ hạn). Chưa báo cáo: Công an tỉnh Sơn La, "
            + "Sở Tư pháp tỉnh Sơn La, Sở Y tế tỉnh Sơn La.");

    Task consolidation = task(period, TASK_CONSOLIDATE_REPORTS);
    assertThat(refused(consolidation, officer(SECRETARIAT), form()).getMessage())
        .contains("Trường 'Nội dung báo cáo tổng hợp' là bắt buộc.");
    complete(consolidation, officer(SECRETARIAT), form().with(CONSOLIDATED_SUMMARY, "Chưa cơ quan nào báo cáo."));

    Task signing = task(period, TASK_SIGN_REPORT);
    assertThat(refused(signing, head(ISSUER), form()).getMessage())
        .contains("Trường 'Ý kiến của lãnh đạo' là bắt buộc.");
    assertThat(refused(signing, head(ISSUER), form().with(REPORT_SIGNED, false)).getMessage())
        .contains("Trường 'Ý kiến' là bắt buộc.");
    assertThat(period).isWaitingAt(TASK_SIGN_REPORT).hasNotPassed(TASK_SEND_REPORT);
    assertThat(consolidatedReports.findByPeriodId(periodIds.get(Q1))).isEmpty();
  }
}
