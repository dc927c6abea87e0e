package vn.pcmt.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static vn.pcmt.reporting.AgencyReportProcess.AGENCY_GROUP;
import static vn.pcmt.reporting.AgencyReportProcess.AGENCY_HEAD_GROUP;
import static vn.pcmt.reporting.AgencyReportProcess.AGENCY_NAME;
import static vn.pcmt.reporting.AgencyReportProcess.DEADLINE_PHRASE;
import static vn.pcmt.reporting.AgencyReportProcess.END_REPORT_SUBMITTED;
import static vn.pcmt.reporting.AgencyReportProcess.HEAD_APPROVED;
import static vn.pcmt.reporting.AgencyReportProcess.HEAD_COMMENT;
import static vn.pcmt.reporting.AgencyReportProcess.INDICATOR_FIGURES;
import static vn.pcmt.reporting.AgencyReportProcess.NARRATIVE;
import static vn.pcmt.reporting.AgencyReportProcess.PERIOD_DUE_DATE;
import static vn.pcmt.reporting.AgencyReportProcess.PERIOD_ID;
import static vn.pcmt.reporting.AgencyReportProcess.PERIOD_LABEL;
import static vn.pcmt.reporting.AgencyReportProcess.PLAN_ID;
import static vn.pcmt.reporting.AgencyReportProcess.PLAN_NUMBER;
import static vn.pcmt.reporting.AgencyReportProcess.PLAN_TITLE;
import static vn.pcmt.reporting.AgencyReportProcess.START_REPORT_REQUESTED;
import static vn.pcmt.reporting.AgencyReportProcess.TASK_APPROVE_REPORT;
import static vn.pcmt.reporting.AgencyReportProcess.TASK_DRAFT_REPORT;
import static vn.pcmt.reporting.AgencyReportProcess.TASK_OPEN_AGENCY_REPORT;
import static vn.pcmt.reporting.AgencyReportProcess.TASK_SUBMIT_REPORT;

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
import vn.pcmt.engine.InvalidFormDataException;
import vn.pcmt.obligation.Obligation;
import vn.pcmt.obligation.ObligationKind;
import vn.pcmt.obligation.Outcome;
import vn.pcmt.reporting.AgencyReportProcess.FigureRow;
import vn.pcmt.reporting.PeriodicReportProcess.IndicatorTotalRow;

/**
 * processes/agency-report.bpmn, started as periodic-report's call activity starts it for one agency and one period:
 * the officer enters a figure per indicator and a narrative, the head approves or returns, the report reaches the
 * secretariat and counts as delivered.
 */
class AgencyReportProcessTest extends ProcessTestSupport {

  static final String AGENCY = "SYT";
  static final String PERIOD = "Quý I/2024";
  static final LocalDate DUE = LocalDate.of(2024, 3, 29);

  @Autowired
  ReportingService reporting;
  @Autowired
  AgencyReportRepository reports;

  String planNumber;
  long planId;
  long periodId;
  Map<String, Long> indicators;

  @BeforeEach
  void issuePlan() {
    planNumber = newPlanNumber();
    planId = issuedPlan(planOf(planNumber, List.of(AGENCY, "STP"), null,
        periods(PERIOD, DUE, "Quý II/2024", LocalDate.of(2024, 6, 28)), false));
    periodId = periodIds(planId).get(PERIOD);
    indicators = indicatorIds(planId);
  }

  /** What periodic-report's CallActivity_AgencyReports passes to one agency's report. */
  ProcessInstance startReport(String agency) {
    Map<String, Object> variables = new HashMap<>();
    PLAN_ID.put(variables, planId);
    PLAN_NUMBER.put(variables, planNumber);
    PLAN_TITLE.put(variables, "Kế hoạch thực hiện công tác phòng, chống ma túy năm 2024 (kiểm thử)");
    PERIOD_ID.put(variables, periodId);
    PERIOD_LABEL.put(variables, PERIOD);
    PERIOD_DUE_DATE.put(variables, endOfDay(DUE));
    AGENCY_GROUP.put(variables, agency);
    return startCalled(AgencyReportProcess.KEY, planNumber, variables);
  }

  /** The report form's rows as the task shows them, filled with the figures (in the order of the indicators). */
  List<FigureRow> filled(Task draft, double events, double rehab) {
    return variable(draft, INDICATOR_FIGURES).stream()
        .map(row -> row.withValue(row.name().equals(INDICATOR_EVENTS) ? events : rehab)).toList();
  }

  FormData report(Task draft, double events, double rehab, String narrative) {
    return form().with(INDICATOR_FIGURES, filled(draft, events, rehab)).with(NARRATIVE, narrative);
  }

  @Test
  void theAgencyIsAskedForAFigurePerIndicatorByTheDueDate() {
    ProcessInstance report = startReport(AGENCY);

    assertThat(report).hasPassed(START_REPORT_REQUESTED, TASK_OPEN_AGENCY_REPORT).isWaitingAt(TASK_DRAFT_REPORT);
    assertThat(report).task().hasCandidateGroup(AGENCY).hasDueDate(endOfDay(DUE));
    Task draft = task(report, TASK_DRAFT_REPORT);
    assertThat(variable(draft, INDICATOR_FIGURES))
        .extracting(FigureRow::indicatorId, FigureRow::name, FigureRow::unit, FigureRow::kind, FigureRow::target,
            FigureRow::targetText, FigureRow::value)
        .containsExactly(
            tuple(indicators.get(INDICATOR_EVENTS), INDICATOR_EVENTS, "buổi", "COUNT", 20.0, "Tối thiểu 20 buổi", null),
            tuple(indicators.get(INDICATOR_REHAB), INDICATOR_REHAB, "người", "COUNT", 100.0, "Tối thiểu 100 người",
                null));
    assertThat(variable(report, AGENCY_HEAD_GROUP)).isEqualTo("SYTLD");
    assertThat(variable(report, AGENCY_NAME)).isEqualTo("Sở Y tế tỉnh Sơn La");
    assertThat(variable(report, DEADLINE_PHRASE)).isEqualTo("trước ngày 29/03/2024");

    Obligation owed = obligation(planId, ObligationKind.REPORT, periodId, AGENCY);
    assertThat(owed.getDueAt()).isEqualTo(endOfDay(DUE).toInstant());
    assertThat(owed.getDeliveredAt()).isNull();
  }

  @Test
  void theHeadReturnsTheReportAndTheRevisedFiguresAreDeliveredOnTime() {
    ProcessInstance report = startReport(AGENCY);
    setClock(LocalDateTime.of(2024, 3, 25, 10, 0));
    Task draft = task(report, TASK_DRAFT_REPORT);
    complete(draft, officer(AGENCY), report(draft, 7, 40, "Đã tổ chức 7 buổi tuyên truyền."));
    assertThat(report).isWaitingAt(TASK_APPROVE_REPORT);
    assertThat(report).task().hasCandidateGroup("SYTLD").hasDueDate(endOfDay(DUE));

    complete(task(report, TASK_APPROVE_REPORT), head(AGENCY),
        form().with(HEAD_APPROVED, false).with(HEAD_COMMENT, "Kiểm tra lại số người cai nghiện."));
    assertThat(report).isWaitingAt(TASK_DRAFT_REPORT).hasNotPassed(TASK_SUBMIT_REPORT);
    Task redraft = task(report, TASK_DRAFT_REPORT);
    assertThat(redraft).hasCandidateGroup(AGENCY).hasDueDate(endOfDay(DUE));
    assertThat(variable(redraft, HEAD_COMMENT)).isEqualTo("Kiểm tra lại số người cai nghiện.");
    assertThat(variable(redraft, INDICATOR_FIGURES)).extracting(FigureRow::value).containsExactly(7.0, 40.0);
    assertThat(reports.findByPeriodIdAndAgencyCode(periodId, AGENCY)).isEmpty();

    setClock(LocalDateTime.of(2024, 3, 28, 14, 0));
    complete(redraft, officer(AGENCY), report(redraft, 7, 42, "Đã tổ chức 7 buổi; 42 người được cai nghiện."));
    Task approval = task(report, TASK_APPROVE_REPORT);
    assertThat(variable(approval, HEAD_APPROVED)).as("the earlier decision is not pre-filled").isNull();
    complete(approval, head(AGENCY), form().with(HEAD_APPROVED, true));

    assertThat(report).hasPassed(TASK_SUBMIT_REPORT, END_REPORT_SUBMITTED).isEnded();
    AgencyReport received = reports.findByPeriodIdAndAgencyCode(periodId, AGENCY).orElseThrow();
    Map<Long, ReportFigure> figures = read(() -> reports.findByPeriodIdAndAgencyCode(periodId, AGENCY).orElseThrow()
        .getFigures());
    assertThat(figures).containsExactlyInAnyOrderEntriesOf(Map.of(indicators.get(INDICATOR_EVENTS),
        ReportFigure.value(7), indicators.get(INDICATOR_REHAB), ReportFigure.value(42)));
    assertThat(received.getNarrative()).isEqualTo("Đã tổ chức 7 buổi; 42 người được cai nghiện.");
    assertThat(received.getSubmittedAt()).isEqualTo(LocalDateTime.of(2024, 3, 28, 14, 0).atZone(VN).toInstant());

    ReportingService.Consolidation consolidation = reporting.consolidate(periodId);
    // counts: 7 of at least 20 sessions, 42 of at least 100 persons
    assertThat(consolidation.totals()).extracting(IndicatorTotalRow::indicator, IndicatorTotalRow::total,
        IndicatorTotalRow::agencies, IndicatorTotalRow::result, IndicatorTotalRow::met, IndicatorTotalRow::assessment)
        .containsExactly(tuple(INDICATOR_EVENTS, 7.0, 1, "7 buổi", false, "Chưa đạt"),
            tuple(INDICATOR_REHAB, 42.0, 1, "42 người", false, "Chưa đạt"));
    assertThat(consolidation.figures()).extracting(PeriodicReportProcess.AgencyFigureRow::delivery)
        .containsOnly("Đúng hạn");
    assertThat(obligations.settle(planId)).extracting(Obligation::getAgencyCode, Obligation::getOutcome)
        .containsExactly(tuple(AGENCY, Outcome.ON_TIME));
  }

  @Test
  void aReportApprovedAfterTheDueDateIsLate() {
    ProcessInstance health = startReport(AGENCY);
    ProcessInstance justice = startReport("STP");

    setClock(LocalDateTime.of(2024, 3, 29, 16, 0));
    Task onTime = task(justice, TASK_DRAFT_REPORT);
    complete(onTime, officer("STP"), report(onTime, 3, 10, "Báo cáo của Sở Tư pháp."));
    complete(task(justice, TASK_APPROVE_REPORT), head("STP"), form().with(HEAD_APPROVED, true));

    setClock(LocalDateTime.of(2024, 4, 2, 8, 0));
    Task late = task(health, TASK_DRAFT_REPORT);
    complete(late, officer(AGENCY), report(late, 5, 12, "Báo cáo của Sở Y tế."));
    complete(task(health, TASK_APPROVE_REPORT), head(AGENCY), form().with(HEAD_APPROVED, true));

    assertThat(health).isEnded();
    assertThat(justice).isEnded();
    Obligation delivered = obligation(planId, ObligationKind.REPORT, periodId, AGENCY);
    assertThat(delivered.getDeliveredAt()).isAfter(delivered.getDueAt());
    ReportingService.Consolidation consolidation = reporting.consolidate(periodId);
    assertThat(consolidation.totals()).extracting(IndicatorTotalRow::total).containsExactly(8.0, 22.0);
    assertThat(consolidation.status()).isEqualTo("Đã nhận 2/2 báo cáo (1 đúng hạn, 1 trễ hạn).");
    assertThat(obligations.settle(planId)).extracting(Obligation::getAgencyCode, Obligation::getOutcome)
        .containsExactlyInAnyOrder(tuple(AGENCY, Outcome.LATE), tuple("STP", Outcome.ON_TIME));
  }

  @Test
  void aNegativeOrMissingFigureOrAnEmptyNarrativeIsRefused() {
    ProcessInstance report = startReport(AGENCY);
    Task draft = task(report, TASK_DRAFT_REPORT);

    InvalidFormDataException negative = refused(draft, officer(AGENCY), report(draft, -1, 12, "Báo cáo."));
    assertThat(negative.getMessage()).contains("Dòng 1 của 'Kết quả thực hiện các chỉ tiêu': trường 'Kết quả thực"
        + " hiện' không được nhỏ hơn 0.");
    assertThat(negative.errors()).extracting(InvalidFormDataException.FieldError::field)
        .containsExactly(INDICATOR_FIGURES.name() + "[0].value");

    List<FigureRow> oneMissing = variable(draft, INDICATOR_FIGURES).stream()
        .map(row -> row.withValue(row.name().equals(INDICATOR_EVENTS) ? 4.0 : null)).toList();
    assertThat(refused(draft, officer(AGENCY), form().with(INDICATOR_FIGURES, oneMissing).with(NARRATIVE, "Báo cáo."))
        .getMessage()).contains("trường 'Kết quả thực hiện' là bắt buộc.");

    assertThat(refused(draft, officer(AGENCY), report(draft, 4, 12, "  ")).getMessage())
        .contains("Trường 'Kết quả thực hiện, khó khăn, đề xuất' là bắt buộc.");

    assertThat(report).isWaitingAt(TASK_DRAFT_REPORT).hasNotPassed(TASK_APPROVE_REPORT);
    assertThat(variable(task(report, TASK_DRAFT_REPORT), INDICATOR_FIGURES)).extracting(FigureRow::value)
        .as("a refused submission changes nothing").containsOnlyNulls();
  }

  @Test
  void anApprovalWithoutDecisionOrAReturnWithoutReasonIsRefused() {
    ProcessInstance report = startReport(AGENCY);
    Task draft = task(report, TASK_DRAFT_REPORT);
    complete(draft, officer(AGENCY), report(draft, 4, 12, "Báo cáo."));
    Task approval = task(report, TASK_APPROVE_REPORT);

    assertThat(refused(approval, head(AGENCY), form()).getMessage())
        .contains("Trường 'Ý kiến của lãnh đạo cơ quan' là bắt buộc.");
    assertThat(refused(approval, head(AGENCY), form().with(HEAD_APPROVED, false)).getMessage())
        .contains("Trường 'Ý kiến' là bắt buộc.");
    assertThat(report).isWaitingAt(TASK_APPROVE_REPORT);
    assertThat(reports.findByPeriodIdAndAgencyCode(periodId, AGENCY)).isEmpty();
  }
}
