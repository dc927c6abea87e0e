package vn.pcmt.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static vn.pcmt.plan.PlanLifecycleProcess.CALL_AGENCY_SUB_PLANS;
import static vn.pcmt.plan.PlanLifecycleProcess.CALL_REPORTING_PERIODS;
import static vn.pcmt.plan.PlanLifecycleProcess.CALL_YEAR_END_COMMENDATION;
import static vn.pcmt.plan.PlanLifecycleProcess.END_PLAN_CLOSED;
import static vn.pcmt.plan.PlanLifecycleProcess.END_REPORTING_DONE;
import static vn.pcmt.plan.PlanLifecycleProcess.END_SUB_PLANS_DONE;
import static vn.pcmt.plan.PlanLifecycleProcess.GATEWAY_COMMENDATION_REQUIRED;
import static vn.pcmt.plan.PlanLifecycleProcess.GATEWAY_SUB_PLAN_REQUIRED;
import static vn.pcmt.plan.PlanLifecycleProcess.HOME_AFFAIRS_GROUP;
import static vn.pcmt.plan.PlanLifecycleProcess.ISSUANCE_APPROVED;
import static vn.pcmt.plan.PlanLifecycleProcess.ISSUANCE_COMMENT;
import static vn.pcmt.plan.PlanLifecycleProcess.ISSUE_DATE;
import static vn.pcmt.plan.PlanLifecycleProcess.LEADERSHIP_GROUP;
import static vn.pcmt.plan.PlanLifecycleProcess.REPORTING_PERIOD_IDS;
import static vn.pcmt.plan.PlanLifecycleProcess.SECRETARIAT_GROUP;
import static vn.pcmt.plan.PlanLifecycleProcess.START_PLAN_SUBMITTED;
import static vn.pcmt.plan.PlanLifecycleProcess.SUB_PLAN_AGENCIES;
import static vn.pcmt.plan.PlanLifecycleProcess.SUB_PLAN_DUE_DATE;
import static vn.pcmt.plan.PlanLifecycleProcess.SUB_PLAN_REQUIRED;
import static vn.pcmt.plan.PlanLifecycleProcess.SUB_PROCESS_IMPLEMENTATION;
import static vn.pcmt.plan.PlanLifecycleProcess.TASK_APPROVE_ISSUANCE;
import static vn.pcmt.plan.PlanLifecycleProcess.TASK_CLOSE_PLAN;
import static vn.pcmt.plan.PlanLifecycleProcess.TASK_ISSUE_PLAN;
import static vn.pcmt.plan.PlanLifecycleProcess.TASK_REGISTER_PLAN;
import static vn.pcmt.plan.PlanLifecycleProcess.TASK_REVISE_PLAN;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.pcmt.ProcessTestSupport;
import vn.pcmt.agency.AgencyGroups;
import vn.pcmt.commendation.CommendationProcess;
import vn.pcmt.commendation.CommendationProcess.DossierRow;
import vn.pcmt.commendation.CommendationProcess.NomineeRow;
import vn.pcmt.commendation.Nominee;
import vn.pcmt.commendation.NomineeRepository;
import vn.pcmt.engine.InvalidFormDataException;
import vn.pcmt.obligation.Obligation;
import vn.pcmt.obligation.ObligationKind;
import vn.pcmt.obligation.Outcome;
import vn.pcmt.reporting.AgencyReportProcess;
import vn.pcmt.reporting.AgencyReportProcess.FigureRow;
import vn.pcmt.reporting.ConsolidatedReportRepository;
import vn.pcmt.reporting.PeriodicReportProcess;
import vn.pcmt.reporting.PeriodicReportProcess.IndicatorTotalRow;
import vn.pcmt.reporting.ReportingService;
import vn.pcmt.subplan.SubPlan;
import vn.pcmt.subplan.SubPlanProcess;
import vn.pcmt.subplan.SubPlanRepository;

/**
 * processes/plan-lifecycle.bpmn with the diagrams it calls, from the secretariat's registration to the closed plan:
 * leadership's approval or return, the sub-plans of the agencies and the reporting periods in parallel, the year-end
 * commendation when the plan asks for it, and the record of who delivered on time, late or never.
 */
class PlanLifecycleProcessTest extends ProcessTestSupport {


  static final LocalDate SUB_PLAN_DEADLINE = LocalDate.of(2024, 3, 15);
  static final String Q1 = "Quý I/2024";
  static final LocalDate Q1_DUE = LocalDate.of(2024, 3, 29);
  static final String Q2 = "Quý II/2024";
  static final LocalDate Q2_DUE = LocalDate.of(2024, 6, 28);

  @Autowired
  SubPlanRepository subPlans;
  @Autowired
  ReportingService reporting;
  @Autowired
  ConsolidatedReportRepository consolidatedReports;
  @Autowired
  NomineeRepository nominees;

  String planNumber;

  @Test
  void leadershipReturnsThePlanAndTheRevisedPlanRunsToClosure() {
    planNumber = newPlanNumber();
    PlanRegistration registration = planOf(planNumber, List.of("SYT"), SUB_PLAN_DEADLINE, periods(Q1, Q1_DUE),
        false);
    ProcessInstance plan = registerPlan(registration);
    long planId = planIdOf(plan);

    assertThat(plan).hasBusinessKey(planNumber).hasPassed(START_PLAN_SUBMITTED, TASK_REGISTER_PLAN)
        .isWaitingAt(TASK_APPROVE_ISSUANCE);
    assertThat(plan).task().hasCandidateGroup(LEADERSHIP).hasDueDate(endOfDay(plusWorkingDays(PLAN_ISSUE_DATE, 3)));
    assertThat(variable(plan, LEADERSHIP_GROUP)).isEqualTo("UBNDTLD");
    assertThat(variable(plan, SECRETARIAT_GROUP)).isEqualTo(SECRETARIAT);
    assertThat(variable(plan, HOME_AFFAIRS_GROUP)).isEqualTo(HOME_AFFAIRS);
    Plan draft = plans.get(planId);
    assertThat(draft.getStatus()).isEqualTo(PlanStatus.DRAFT);
    assertThat(draft.getRegisteredBy()).isEqualTo(officer(SECRETARIAT));
    assertThat(draft.getIssuingAgency()).isEqualTo(ISSUER);
    assertThat(draft.getStandingAgency()).isEqualTo(SECRETARIAT);
    assertThat(draft.getProcessInstanceId()).isEqualTo(plan.getId());

    // a decision is required, and a return needs its reason
    Task approval = task(plan, TASK_APPROVE_ISSUANCE);
    assertThat(refused(approval, head(ISSUER), form()).getMessage())
        .contains("Trường 'Ý kiến phê duyệt' là bắt buộc.");
    assertThat(refused(approval, head(ISSUER), form().with(ISSUANCE_APPROVED, false)).getMessage())
        .contains("Trường 'Ý kiến' là bắt buộc.");
    complete(approval, head(ISSUER), form().with(ISSUANCE_APPROVED, false)
        .with(ISSUANCE_COMMENT, "Ghi rõ tên kế hoạch theo Luật Phòng, chống ma túy."));

    assertThat(plan).hasPassed(TASK_APPROVE_ISSUANCE).hasNotPassed(TASK_ISSUE_PLAN).isWaitingAt(TASK_REVISE_PLAN);
    assertThat(plan).task().hasCandidateGroup(SECRETARIAT).hasDueDate(endOfDay(plusWorkingDays(PLAN_ISSUE_DATE, 3)));
    assertThat(variable(task(plan, TASK_REVISE_PLAN), ISSUANCE_COMMENT))
        .isEqualTo("Ghi rõ tên kế hoạch theo Luật Phòng, chống ma túy.");

    // a revision the registration rules refuse changes nothing
    Task revision = task(plan, TASK_REVISE_PLAN);
    PlanRegistration invalid = new PlanRegistration(planNumber, registration.planTitle(), PLAN_ISSUE_DATE, null, null,
        registration.legalBases(), LocalDate.of(2024, 3, 1), null, registration.assignments(),
        registration.reportingPeriods(), registration.indicators(), registration.recipients(), false);
    assertThat(refused(revision, officer(SECRETARIAT), form().withAll(PlanRegistrationForm.write(invalid)))
        .getMessage()).contains("Hạn gửi kế hoạch triển khai (01/03/2024) trước ngày ban hành (04/03/2024).");

    PlanRegistration revised = new PlanRegistration(planNumber,
        "Kế hoạch thực hiện Luật Phòng, chống ma túy năm 2024 (kiểm thử)", PLAN_ISSUE_DATE, null, null,
        registration.legalBases(), SUB_PLAN_DEADLINE, "trước ngày 15 tháng 3 năm 2024", registration.assignments(),
        registration.reportingPeriods(), registration.indicators(), registration.recipients(), false);
    complete(revision, officer(SECRETARIAT), form().withAll(PlanRegistrationForm.write(revised)));

    assertThat(plan).isWaitingAt(TASK_APPROVE_ISSUANCE);
    assertThat(plans.get(planId).getTitle()).isEqualTo(revised.planTitle());
    assertThat(plans.get(planId).getStatus()).isEqualTo(PlanStatus.DRAFT);
    assertThat(variable(plan, ISSUANCE_APPROVED)).as("the earlier decision is not pre-filled").isNull();
    complete(task(plan, TASK_APPROVE_ISSUANCE), head(ISSUER), form().with(ISSUANCE_APPROVED, true));

    // issued: the sub-plans and the reporting periods start in parallel
    assertThat(plan).hasPassed(TASK_ISSUE_PLAN);
    Plan issued = plans.get(planId);
    assertThat(issued.getStatus()).isEqualTo(PlanStatus.ISSUED);
    assertThat(issued.getIssuedAt()).isEqualTo(MONDAY_MORNING.atZone(VN).toInstant());
    assertThat(variable(plan, SUB_PLAN_REQUIRED)).isTrue();
    assertThat(variable(plan, SUB_PLAN_AGENCIES)).containsExactly("SYT");
    // "trước ngày 15 tháng 3": the 15th is already late, the 14th (a Thursday) is the last day in time
    assertThat(variable(plan, SUB_PLAN_DUE_DATE)).isEqualTo(endOfDay(SUB_PLAN_DEADLINE.minusDays(1)));
    assertThat(variable(plan, REPORTING_PERIOD_IDS)).containsExactlyElementsOf(periodIds(planId).values());
    assertThat(variable(plan, ISSUE_DATE)).as("the registration form's fields are dropped once issued").isNull();
    executeDueJobs();
    assertThat(plan).isWaitingAt(CALL_AGENCY_SUB_PLANS, CALL_REPORTING_PERIODS);

    Task subPlanDraft = task(planNumber, SubPlanProcess.TASK_DRAFT_SUB_PLAN, "SYT");
    assertThat(subPlanDraft).hasCandidateGroup("SYT").hasDueDate(endOfDay(SUB_PLAN_DEADLINE.minusDays(1)));
    assertThat(variable(subPlanDraft, SubPlanProcess.DEADLINE_PHRASE)).isEqualTo("trước ngày 15 tháng 3 năm 2024");
    assertThat(task(planNumber, AgencyReportProcess.TASK_DRAFT_REPORT, "SYT", Q1)).hasCandidateGroup("SYT")
        .hasDueDate(endOfDay(Q1_DUE));

    setClock(LocalDateTime.of(2024, 3, 11, 9, 0));
    deliverSubPlan("SYT");
    executeDueJobs();
    assertThat(plan).hasPassed(CALL_AGENCY_SUB_PLANS, END_SUB_PLANS_DONE).isWaitingAt(CALL_REPORTING_PERIODS)
        .isNotWaitingAt(CALL_AGENCY_SUB_PLANS);

    setClock(LocalDateTime.of(2024, 3, 25, 9, 0));
    report("SYT", Q1, 6, 14);
    executeDueJobs();

    moveClockTo(LocalDateTime.of(2024, 4, 8, 9, 0));
    Task consolidation = task(planNumber, PeriodicReportProcess.TASK_CONSOLIDATE_REPORTS, SECRETARIAT, Q1);
    assertThat(variable(consolidation, PeriodicReportProcess.INDICATOR_TOTALS)).extracting(IndicatorTotalRow::total,
        IndicatorTotalRow::result, IndicatorTotalRow::assessment)
        .containsExactly(tuple(6.0, "6 buổi", "Chưa đạt"), tuple(14.0, "14 người", "Chưa đạt"));
    complete(consolidation, officer(SECRETARIAT), form().with(PeriodicReportProcess.CONSOLIDATED_SUMMARY, "Quý I."));
    // leadership returns the consolidated report once
    complete(task(planNumber, PeriodicReportProcess.TASK_SIGN_REPORT, LEADERSHIP, Q1), head(ISSUER),
        form().with(PeriodicReportProcess.REPORT_SIGNED, false)
            .with(PeriodicReportProcess.SIGN_COMMENT, "Bổ sung kết quả cai nghiện."));
    complete(task(planNumber, PeriodicReportProcess.TASK_CONSOLIDATE_REPORTS, SECRETARIAT, Q1), officer(SECRETARIAT),
        form().with(PeriodicReportProcess.CONSOLIDATED_SUMMARY, "Quý I: 6 buổi, 14 người cai nghiện."));
    complete(task(planNumber, PeriodicReportProcess.TASK_SIGN_REPORT, LEADERSHIP, Q1), head(ISSUER),
        form().with(PeriodicReportProcess.REPORT_SIGNED, true));
    executeDueJobs();

    // the last period is sent: the plan closes, without commendation
    assertThat(plan).hasPassed(CALL_REPORTING_PERIODS, END_REPORTING_DONE, SUB_PROCESS_IMPLEMENTATION,
        GATEWAY_COMMENDATION_REQUIRED, TASK_CLOSE_PLAN, END_PLAN_CLOSED).hasNotPassed(CALL_YEAR_END_COMMENDATION)
        .isEnded();
    assertThat(plans.get(planId).getStatus()).isEqualTo(PlanStatus.CLOSED);
    assertThat(consolidatedReports.findByPeriodId(periodIds(planId).get(Q1)).orElseThrow().getSignedBy())
        .isEqualTo(head(ISSUER));
    assertThat(obligations.ofPlan(planId)).extracting(Obligation::getKind, Obligation::getAgencyCode,
        Obligation::getOutcome).containsExactlyInAnyOrder(tuple(ObligationKind.SUB_PLAN, "SYT", Outcome.ON_TIME),
            tuple(ObligationKind.REPORT, "SYT", Outcome.ON_TIME));
  }

  @Test
  void agenciesDeliverOnTimeLateOrNeverAndTheProposalsStillOpenAreCutOff() {
    planNumber = newPlanNumber();
    ProcessInstance plan = registerPlan(planOf(planNumber, List.of("SYT", "STP", "CAT"), SUB_PLAN_DEADLINE,
        periods(Q1, Q1_DUE, Q2, Q2_DUE), true));
    long planId = planIdOf(plan);
    Map<String, Long> periods = periodIds(planId);
    complete(task(plan, TASK_APPROVE_ISSUANCE), head(ISSUER), form().with(ISSUANCE_APPROVED, true));
    executeDueJobs();

    assertThat(plan).isWaitingAt(CALL_AGENCY_SUB_PLANS, CALL_REPORTING_PERIODS);
    for (String agency : List.of("SYT", "STP", "CAT")) {
      assertThat(task(planNumber, SubPlanProcess.TASK_DRAFT_SUB_PLAN, agency)).hasCandidateGroup(agency)
          .hasDueDate(endOfDay(SUB_PLAN_DEADLINE));
      assertThat(task(planNumber, AgencyReportProcess.TASK_DRAFT_REPORT, agency, Q1)).hasCandidateGroup(agency)
          .hasDueDate(endOfDay(Q1_DUE));
    }
    assertThat(tasks(planNumber, AgencyReportProcess.TASK_DRAFT_REPORT)).as("the second period is not open yet")
        .hasSize(3);

    // sub-plans: the health department on time; justice returned by its head, first sent late, then returned by
    // the secretariat; the police never
    setClock(LocalDateTime.of(2024, 3, 6, 9, 0));
    deliverSubPlan("SYT");
    draftSubPlan("STP", "20/KH-STP");
    setClock(LocalDateTime.of(2024, 3, 14, 16, 0));
    complete(task(planNumber, SubPlanProcess.TASK_APPROVE_SUB_PLAN, "STPLD"), head("STP"), form()
        .with(SubPlanProcess.HEAD_APPROVED, false).with(SubPlanProcess.HEAD_COMMENT, "Bổ sung phân công."));
    setClock(LocalDateTime.of(2024, 3, 18, 9, 0));
    draftSubPlan("STP", "21/KH-STP");
    complete(task(planNumber, SubPlanProcess.TASK_APPROVE_SUB_PLAN, "STPLD"), head("STP"),
        form().with(SubPlanProcess.HEAD_APPROVED, true));
    complete(reviewTask("STP"), officer(SECRETARIAT), form().with(SubPlanProcess.ACCEPTED, false)
        .with(SubPlanProcess.REVIEW_COMMENT, "Bổ sung kinh phí."));
    setClock(LocalDateTime.of(2024, 3, 19, 9, 0));
    deliverSubPlan("STP");
    executeDueJobs();
    assertThat(plan).isWaitingAt(CALL_AGENCY_SUB_PLANS).hasNotPassed(END_SUB_PLANS_DONE);

    // first period: the health department on time, justice late (after its head returned it), the police never
    setClock(LocalDateTime.of(2024, 3, 27, 9, 0));
    report("SYT", Q1, 6, 14);
    moveClockTo(LocalDateTime.of(2024, 4, 2, 9, 0));
    assertThat(tasks(planNumber, AgencyReportProcess.TASK_DRAFT_REPORT))
        .as("the second period opened on the first one's due date").hasSize(3 + 2);
    draftReport("STP", Q1, 2, 9);
    complete(task(planNumber, AgencyReportProcess.TASK_APPROVE_REPORT, "STPLD", Q1), head("STP"), form()
        .with(AgencyReportProcess.HEAD_APPROVED, false).with(AgencyReportProcess.HEAD_COMMENT, "Thiếu số liệu."));
    report("STP", Q1, 3, 9);

    moveClockTo(LocalDateTime.of(2024, 4, 6, 8, 0));
    Task consolidation = task(planNumber, PeriodicReportProcess.TASK_CONSOLIDATE_REPORTS, SECRETARIAT, Q1);
    assertThat(consolidation).hasDueDate(endOfDay(plusWorkingDays(LocalDate.of(2024, 4, 6), 5)));
    assertThat(variable(consolidation, PeriodicReportProcess.INDICATOR_TOTALS))
        .extracting(IndicatorTotalRow::total, IndicatorTotalRow::agencies, IndicatorTotalRow::met)
        .containsExactly(tuple(9.0, 2, false), tuple(23.0, 2, false));
    assertThat(reporting.consolidate(periods.get(Q1)).totals()).extracting(IndicatorTotalRow::total)
        .containsExactly(9.0, 23.0);
    sendConsolidatedReport(Q1, LocalDateTime.of(2024, 4, 8, 9, 0));
    assertThat(tasks(planNumber, AgencyReportProcess.TASK_DRAFT_REPORT, "CAT"))
        .as("the police's first report ended with its period").hasSize(1)
        .allSatisfy(task -> assertThat(task.getDueDate()).isEqualTo(endOfDay(Q2_DUE)));

    // second and last period: everybody on time
    setClock(LocalDateTime.of(2024, 6, 20, 9, 0));
    report("SYT", Q2, 4, 10);
    report("STP", Q2, 5, 11);
    report("CAT", Q2, 7, 12);
    executeDueJobs();
    moveClockTo(LocalDateTime.of(2024, 7, 6, 8, 0));
    assertThat(variable(task(planNumber, PeriodicReportProcess.TASK_CONSOLIDATE_REPORTS, SECRETARIAT, Q2),
        PeriodicReportProcess.INDICATOR_TOTALS)).extracting(IndicatorTotalRow::total, IndicatorTotalRow::agencies,
        IndicatorTotalRow::assessment)
        .containsExactly(tuple(16.0, 3, "Chưa đạt"), tuple(33.0, 3, "Chưa đạt"));
    ProcessInstance openSubPlan = calledInstance(planNumber, SubPlanProcess.KEY, "CAT");
    sendConsolidatedReport(Q2, LocalDateTime.of(2024, 7, 8, 9, 0));

    // the last period sent ends the implementation: the police's sub-plan, still open, is never delivered
    assertThat(plan).hasPassed(END_REPORTING_DONE, SUB_PROCESS_IMPLEMENTATION, GATEWAY_COMMENDATION_REQUIRED)
        .hasNotPassed(END_SUB_PLANS_DONE).isWaitingAt(CALL_YEAR_END_COMMENDATION);
    assertThat(openSubPlan).isEnded();
    assertThat(tasks(planNumber, SubPlanProcess.TASK_DRAFT_SUB_PLAN)).isEmpty();

    // year-end commendation: proposals due ten working days after Monday 8 July, cut off five working days later
    LocalDate proposalsDue = plusWorkingDays(LocalDate.of(2024, 7, 8), 10);
    LocalDate cutOff = plusWorkingDays(proposalsDue, 5);
    List<String> proposing = List.of("SYT", "STP", "CAT", SECRETARIAT);
    for (String agency : proposing) {
      assertThat(task(planNumber, CommendationProcess.TASK_PROPOSE_COMMENDATION, agency)).hasCandidateGroup(agency)
          .hasDueDate(endOfDay(proposalsDue));
    }
    setClock(LocalDateTime.of(2024, 7, 10, 9, 0));
    propose("SYT", new NomineeRow("COLLECTIVE", "Khoa Điều trị nghiện", "Cai nghiện cho 24 người."),
        new NomineeRow("INDIVIDUAL", "Nguyễn Văn An", "Tuyên truyền tại 10 xã."));
    propose("STP");
    setClock(LocalDateTime.of(2024, 7, 24, 9, 0));
    propose(SECRETARIAT, new NomineeRow("INDIVIDUAL", "Lò Văn Cường", "Triệt phá 3 đường dây ma túy."));
    assertThat(moveClockTo(cutOff.atTime(22, 0))).isZero();
    moveClockTo(cutOff.plusDays(1).atTime(8, 0));
    assertThat(tasks(planNumber, CommendationProcess.TASK_PROPOSE_COMMENDATION)).isEmpty();

    Task appraisal = task(planNumber, CommendationProcess.TASK_APPRAISE_COMMENDATIONS, HOME_AFFAIRS);
    List<DossierRow> dossier = variable(appraisal, CommendationProcess.DOSSIER);
    assertThat(dossier).extracting(DossierRow::name).containsExactly("Khoa Điều trị nghiện", "Nguyễn Văn An",
        "Lò Văn Cường");
    complete(appraisal, officer(HOME_AFFAIRS), form().with(CommendationProcess.DOSSIER, dossier.stream()
        .map(row -> new DossierRow(row.nomineeId(), row.proposedBy(), row.kind(), row.name(), row.reason(), true,
            "GIAY_KHEN", null)).toList()));
    Task decision = task(planNumber, CommendationProcess.TASK_DECIDE_COMMENDATIONS, LEADERSHIP);
    complete(decision, head(ISSUER), form().with(CommendationProcess.DOSSIER,
            variable(decision, CommendationProcess.DOSSIER).stream().map(row -> new DossierRow(row.nomineeId(),
                row.proposedBy(), row.kind(), row.name(), row.reason(), row.recommended(), row.awardForm(),
                !row.name().equals("Nguyễn Văn An"))).toList())
        .with(CommendationProcess.DECISION_NUMBER, "1500/QĐ-UBND")
        .with(CommendationProcess.DECISION_DATE, cutOff.plusDays(1).toString()));

    // closed: every obligation settled
    assertThat(plan).hasPassed(CALL_YEAR_END_COMMENDATION, TASK_CLOSE_PLAN, END_PLAN_CLOSED).isEnded();
    assertThat(plans.get(planId).getStatus()).isEqualTo(PlanStatus.CLOSED);
    assertThat(outcomes(planId, ObligationKind.SUB_PLAN, null))
        .containsExactlyInAnyOrderEntriesOf(Map.of("SYT", Outcome.ON_TIME, "STP", Outcome.LATE, "CAT", Outcome.NEVER));
    assertThat(outcomes(planId, ObligationKind.REPORT, periods.get(Q1)))
        .containsExactlyInAnyOrderEntriesOf(Map.of("SYT", Outcome.ON_TIME, "STP", Outcome.LATE, "CAT", Outcome.NEVER));
    assertThat(outcomes(planId, ObligationKind.REPORT, periods.get(Q2))).containsExactlyInAnyOrderEntriesOf(
        Map.of("SYT", Outcome.ON_TIME, "STP", Outcome.ON_TIME, "CAT", Outcome.ON_TIME));
    assertThat(outcomes(planId, ObligationKind.COMMENDATION_PROPOSAL, null)).containsExactlyInAnyOrderEntriesOf(
        Map.of("SYT", Outcome.ON_TIME, "STP", Outcome.ON_TIME, SECRETARIAT, Outcome.LATE, "CAT", Outcome.NEVER));
    assertThat(subPlans.findByPlanId(planId)).extracting(SubPlan::getAgencyCode, SubPlan::getDocumentNumber)
        .containsExactlyInAnyOrder(tuple("SYT", "SYT/KH"), tuple("STP", "STP/KH"));
    assertThat(subPlans.findByPlanId(planId)).allSatisfy(s -> assertThat(s.getAcceptedAt()).isNotNull());
    assertThat(consolidatedReports.findByPlanIdOrderByPeriodId(planId)).hasSize(2);
    assertThat(nominees.findByPlanIdOrderById(planId))
        .extracting(Nominee::getProposedBy, Nominee::getName, Nominee::getAwarded, Nominee::getDecisionNumber)
        .containsExactly(tuple("SYT", "Khoa Điều trị nghiện", true, "1500/QĐ-UBND"),
            tuple("SYT", "Nguyễn Văn An", false, "1500/QĐ-UBND"),
            tuple(SECRETARIAT, "Lò Văn Cường", true, "1500/QĐ-UBND"));
  }

  @Test
  void aPlanWithoutSubPlansOrCommendationOnlyReports() {
    planNumber = newPlanNumber();
    ProcessInstance plan = registerPlan(planOf(planNumber, List.of("STP"), null, periods(Q1, Q1_DUE), false));
    long planId = planIdOf(plan);
    complete(task(plan, TASK_APPROVE_ISSUANCE), head(ISSUER), form().with(ISSUANCE_APPROVED, true));
    executeDueJobs();

    assertThat(variable(plan, SUB_PLAN_REQUIRED)).isFalse();
    assertThat(variable(plan, SUB_PLAN_AGENCIES)).isEmpty();
    assertThat(plan).hasPassed(GATEWAY_SUB_PLAN_REQUIRED, END_SUB_PLANS_DONE).hasNotPassed(CALL_AGENCY_SUB_PLANS)
        .isWaitingAt(CALL_REPORTING_PERIODS);
    assertThat(tasks(planNumber, SubPlanProcess.TASK_DRAFT_SUB_PLAN)).isEmpty();
    assertThat(task(planNumber, AgencyReportProcess.TASK_DRAFT_REPORT, "STP", Q1)).hasDueDate(endOfDay(Q1_DUE));

    // the only agency never reports: the secretariat consolidates nothing at the cut-off
    moveClockTo(LocalDateTime.of(2024, 4, 6, 8, 0));
    Task consolidation = task(planNumber, PeriodicReportProcess.TASK_CONSOLIDATE_REPORTS, SECRETARIAT, Q1);
    assertThat(variable(consolidation, PeriodicReportProcess.REPORTING_STATUS))
        .isEqualTo("Đã nhận 0/1 báo cáo (0 đúng hạn, 0 trễ hạn). Chưa báo cáo: Sở Tư pháp tỉnh Sơn La.");
    sendConsolidatedReport(Q1, LocalDateTime.of(2024, 4, 8, 9, 0));

    assertThat(plan).hasPassed(END_REPORTING_DONE, GATEWAY_COMMENDATION_REQUIRED, TASK_CLOSE_PLAN, END_PLAN_CLOSED)
        .hasNotPassed(CALL_AGENCY_SUB_PLANS, CALL_YEAR_END_COMMENDATION).isEnded();
    assertThat(historicInstanceIds(planNumber, CommendationProcess.KEY)).isEmpty();
    assertThat(plans.get(planId).getStatus()).isEqualTo(PlanStatus.CLOSED);
    assertThat(obligations.ofPlan(planId)).extracting(Obligation::getKind, Obligation::getAgencyCode,
        Obligation::getOutcome).containsExactly(tuple(ObligationKind.REPORT, "STP", Outcome.NEVER));
  }

  @Test
  void aWardPlanWithSubPlansButNoPeriodicReportsEndsWhenTheSubPlansAreIn() {
    planNumber = newPlanNumber();
    ProcessInstance plan = registerPlan(planOf(planNumber, List.of("STP"), SUB_PLAN_DEADLINE, Map.of(), false));
    long planId = planIdOf(plan);
    complete(task(plan, TASK_APPROVE_ISSUANCE), head(ISSUER), form().with(ISSUANCE_APPROVED, true));
    executeDueJobs();

    assertThat(variable(plan, PlanLifecycleProcess.REPORTING_REQUIRED)).isFalse();
    assertThat(plan).hasPassed(PlanLifecycleProcess.GATEWAY_REPORTING_REQUIRED, PlanLifecycleProcess.END_EVENT_NO_REPORTING)
        .hasNotPassed(CALL_REPORTING_PERIODS).isWaitingAt(CALL_AGENCY_SUB_PLANS);
    moveClockTo(LocalDateTime.of(2024, 3, 8, 9, 0));
    deliverSubPlan("STP");
    executeDueJobs();

    assertThat(plan).hasPassed(END_SUB_PLANS_DONE, SUB_PROCESS_IMPLEMENTATION, TASK_CLOSE_PLAN, END_PLAN_CLOSED)
        .hasNotPassed(END_REPORTING_DONE, CALL_YEAR_END_COMMENDATION).isEnded();
    assertThat(plans.get(planId).getStatus()).isEqualTo(PlanStatus.CLOSED);
    assertThat(obligations.ofPlan(planId)).extracting(Obligation::getKind, Obligation::getAgencyCode,
        Obligation::getOutcome).containsExactly(tuple(ObligationKind.SUB_PLAN, "STP", Outcome.ON_TIME));
  }

  @Test
  void aRegistrationTheRulesRefuseStartsNothing() {
    planNumber = newPlanNumber();
    PlanRegistration valid = planOf(planNumber, List.of("SYT"), SUB_PLAN_DEADLINE, periods(Q1, Q1_DUE), false);
    PlanRegistration invalid = new PlanRegistration(planNumber, valid.planTitle(), PLAN_ISSUE_DATE, null, null,
        valid.legalBases(), LocalDate.of(2024, 3, 1), null,
        List.of(new PlanRegistration.AssignmentItem(TargetType.AGENCY, "XYZ", AssignmentRole.LEAD, "Nhiệm vụ.")),
        valid.reportingPeriods(), valid.indicators(), valid.recipients(), false);

    InvalidFormDataException refused = assertThrows(InvalidFormDataException.class, () -> registerPlan(invalid));
    assertThat(refused.errors()).extracting(InvalidFormDataException.FieldError::message).containsExactly(
        "Không tìm thấy cơ quan có mã 'XYZ' trong danh bạ.",
        "Hạn gửi kế hoạch triển khai (01/03/2024) trước ngày ban hành (04/03/2024).");
    assertThat(historicInstanceIds(planNumber, PlanLifecycleProcess.KEY)).isEmpty();

    ProcessInstance plan = registerPlan(valid);
    assertThat(plan).isWaitingAt(TASK_APPROVE_ISSUANCE);
    assertThat(plans.get(planIdOf(plan)).getPlanNumber()).isEqualTo(planNumber);
    InvalidFormDataException duplicate = assertThrows(InvalidFormDataException.class, () -> registerPlan(valid));
    assertThat(duplicate.getMessage()).contains("Kế hoạch số " + planNumber + " ngày 04/03/2024 đã được đăng ký.");
  }

  // --- the agencies' and the secretariat's work --------------------------------------------------------------------

  void draftSubPlan(String agency, String documentNumber) {
    complete(task(planNumber, SubPlanProcess.TASK_DRAFT_SUB_PLAN, agency), officer(agency), form()
        .with(SubPlanProcess.DOCUMENT_NUMBER, documentNumber)
        .with(SubPlanProcess.DOCUMENT_DATE, today().toString())
        .with(SubPlanProcess.SUMMARY, "Kế hoạch triển khai của " + agency + "."));
  }

  /** Drafted, approved by the agency's head and accepted by the secretariat, all today. */
  void deliverSubPlan(String agency) {
    draftSubPlan(agency, agency + "/KH");
    complete(task(planNumber, SubPlanProcess.TASK_APPROVE_SUB_PLAN, AgencyGroups.headGroupOf(agency)), head(agency),
        form().with(SubPlanProcess.HEAD_APPROVED, true));
    complete(reviewTask(agency), officer(SECRETARIAT), form().with(SubPlanProcess.ACCEPTED, true));
  }

  /** The secretariat reviews every agency's sub-plan: the agency's variable tells them apart. */
  Task reviewTask(String agency) {
    List<Task> found = taskService.createTaskQuery().processInstanceBusinessKey(planNumber)
        .taskDefinitionKey(SubPlanProcess.TASK_REVIEW_SUB_PLAN).taskCandidateGroup(SECRETARIAT)
        .processVariableValueEquals(SubPlanProcess.AGENCY_GROUP.name(), agency).list();
    assertThat(found).as("review of the sub-plan of %s", agency).hasSize(1);
    return found.get(0);
  }

  void draftReport(String agency, String period, double events, double rehab) {
    Task draft = task(planNumber, AgencyReportProcess.TASK_DRAFT_REPORT, agency, period);
    List<FigureRow> rows = variable(draft, AgencyReportProcess.INDICATOR_FIGURES).stream()
        .map(row -> row.withValue(row.name().equals(INDICATOR_EVENTS) ? events : rehab))
        .toList();
    complete(draft, officer(agency), form().with(AgencyReportProcess.INDICATOR_FIGURES, rows)
        .with(AgencyReportProcess.NARRATIVE, "Báo cáo " + period + " của " + agency + "."));
  }

  /** Drafted and approved by the agency's head, today. */
  void report(String agency, String period, double events, double rehab) {
    draftReport(agency, period, events, rehab);
    complete(task(planNumber, AgencyReportProcess.TASK_APPROVE_REPORT, AgencyGroups.headGroupOf(agency), period),
        head(agency), form().with(AgencyReportProcess.HEAD_APPROVED, true));
  }

  /** The secretariat consolidates, leadership signs, and what follows the sending runs. */
  void sendConsolidatedReport(String period, LocalDateTime at) {
    setClock(at);
    complete(task(planNumber, PeriodicReportProcess.TASK_CONSOLIDATE_REPORTS, SECRETARIAT, period),
        officer(SECRETARIAT), form().with(PeriodicReportProcess.CONSOLIDATED_SUMMARY, "Báo cáo tổng hợp " + period));
    complete(task(planNumber, PeriodicReportProcess.TASK_SIGN_REPORT, LEADERSHIP, period), head(ISSUER),
        form().with(PeriodicReportProcess.REPORT_SIGNED, true));
    executeDueJobs();
    assertThat(tasks(planNumber, PeriodicReportProcess.TASK_CONSOLIDATE_REPORTS)).as("period %s sent", period)
        .isEmpty();
  }

  void propose(String agency, NomineeRow... rows) {
    complete(task(planNumber, CommendationProcess.TASK_PROPOSE_COMMENDATION, agency), officer(agency),
        form().with(CommendationProcess.NOMINEES, List.of(rows)));
  }
}
