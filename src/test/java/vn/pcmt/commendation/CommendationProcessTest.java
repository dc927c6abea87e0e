package vn.pcmt.commendation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static vn.pcmt.commendation.CommendationProcess.APPRAISAL_NOTE;
import static vn.pcmt.commendation.CommendationProcess.BOUNDARY_PROPOSAL_CUTOFF;
import static vn.pcmt.commendation.CommendationProcess.DECISION_DATE;
import static vn.pcmt.commendation.CommendationProcess.DECISION_NUMBER;
import static vn.pcmt.commendation.CommendationProcess.DOSSIER;
import static vn.pcmt.commendation.CommendationProcess.END_COMMENDATION_DECIDED;
import static vn.pcmt.commendation.CommendationProcess.HOME_AFFAIRS_GROUP;
import static vn.pcmt.commendation.CommendationProcess.LEADERSHIP_GROUP;
import static vn.pcmt.commendation.CommendationProcess.NOMINEES;
import static vn.pcmt.commendation.CommendationProcess.PLAN_ID;
import static vn.pcmt.commendation.CommendationProcess.PLAN_NUMBER;
import static vn.pcmt.commendation.CommendationProcess.PLAN_TITLE;
import static vn.pcmt.commendation.CommendationProcess.PROPOSAL_CUTOFF;
import static vn.pcmt.commendation.CommendationProcess.PROPOSAL_DUE_DATE;
import static vn.pcmt.commendation.CommendationProcess.PROPOSAL_NOTE;
import static vn.pcmt.commendation.CommendationProcess.PROPOSING_AGENCIES;
import static vn.pcmt.commendation.CommendationProcess.SECRETARIAT_GROUP;
import static vn.pcmt.commendation.CommendationProcess.START_COMMENDATION_STARTED;
import static vn.pcmt.commendation.CommendationProcess.TASK_APPRAISE_COMMENDATIONS;
import static vn.pcmt.commendation.CommendationProcess.TASK_COLLECT_PROPOSALS;
import static vn.pcmt.commendation.CommendationProcess.TASK_DECIDE_COMMENDATIONS;
import static vn.pcmt.commendation.CommendationProcess.TASK_OPEN_COMMENDATION;
import static vn.pcmt.commendation.CommendationProcess.TASK_PROPOSE_COMMENDATION;
import static vn.pcmt.commendation.CommendationProcess.TASK_RECORD_DECISION;

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
import vn.pcmt.commendation.CommendationProcess.DossierRow;
import vn.pcmt.commendation.CommendationProcess.NomineeRow;
import vn.pcmt.engine.InvalidFormDataException;
import vn.pcmt.obligation.Obligation;
import vn.pcmt.obligation.ObligationKind;
import vn.pcmt.obligation.Outcome;

/**
 * processes/year-end-commendation.bpmn, started as plan-lifecycle's call activity starts it: every assigned agency
 * and the secretariat propose (or not) until the cut-off, Home Affairs appraises, the chairman decides.
 */
class CommendationProcessTest extends ProcessTestSupport {

  static final List<String> PROPOSING = List.of("SYT", "STP", SECRETARIAT);
  /** Monday 2 December 2024: proposals are due ten working days later, cut off five working days after that. */
  static final LocalDateTime OPENED = LocalDateTime.of(2024, 12, 2, 9, 0);
  static final LocalDate PROPOSALS_DUE = plusWorkingDays(OPENED.toLocalDate(), 10);
  static final LocalDate PROPOSALS_CUT_OFF = plusWorkingDays(PROPOSALS_DUE, 5);

  @Autowired
  NomineeRepository nominees;

  String planNumber;
  long planId;

  @BeforeEach
  void issuePlan() {
    planNumber = newPlanNumber();
    planId = issuedPlan(planOf(planNumber, List.of("SYT", "STP"), null,
        periods("Năm 2024", LocalDate.of(2024, 11, 29)), true));
    setClock(OPENED);
  }

  /** What plan-lifecycle's CallActivity_YearEndCommendation passes. */
  ProcessInstance startCommendation() {
    Map<String, Object> variables = new HashMap<>();
    PLAN_ID.put(variables, planId);
    PLAN_NUMBER.put(variables, planNumber);
    PLAN_TITLE.put(variables, "Kế hoạch thực hiện công tác phòng, chống ma túy năm 2024 (kiểm thử)");
    SECRETARIAT_GROUP.put(variables, SECRETARIAT);
    LEADERSHIP_GROUP.put(variables, LEADERSHIP);
    HOME_AFFAIRS_GROUP.put(variables, HOME_AFFAIRS);
    ProcessInstance commendation = startCalled(CommendationProcess.KEY, planNumber, variables);
    executeDueJobs();
    return commendation;
  }

  void propose(String agency, NomineeRow... rows) {
    complete(task(planNumber, TASK_PROPOSE_COMMENDATION, agency), officer(agency),
        form().with(NOMINEES, List.of(rows)).with(PROPOSAL_NOTE, "Đề xuất của " + agency + "."));
  }

  static NomineeRow collective(String name) {
    return new NomineeRow("COLLECTIVE", name, "Hoàn thành xuất sắc nhiệm vụ phòng, chống ma túy năm 2024.");
  }

  static NomineeRow individual(String name) {
    return new NomineeRow("INDIVIDUAL", name, "Có thành tích xuất sắc trong công tác cai nghiện.");
  }

  @Test
  void everyAgencyProposesHomeAffairsAppraisesAndTheChairmanDecides() {
    ProcessInstance commendation = startCommendation();

    assertThat(commendation).hasPassed(START_COMMENDATION_STARTED, TASK_OPEN_COMMENDATION)
        .isWaitingAt(TASK_PROPOSE_COMMENDATION);
    assertThat(variable(commendation, PROPOSING_AGENCIES)).containsExactlyElementsOf(PROPOSING);
    assertThat(variable(commendation, PROPOSAL_DUE_DATE)).isEqualTo(endOfDay(PROPOSALS_DUE));
    assertThat(variable(commendation, PROPOSAL_CUTOFF)).isEqualTo(endOfDay(PROPOSALS_CUT_OFF));
    assertThat(timer(commendation, BOUNDARY_PROPOSAL_CUTOFF).getDuedate()).isEqualTo(endOfDay(PROPOSALS_CUT_OFF));
    for (String agency : PROPOSING) {
      assertThat(task(planNumber, TASK_PROPOSE_COMMENDATION, agency)).hasCandidateGroup(agency)
          .hasDueDate(endOfDay(PROPOSALS_DUE));
      assertThat(obligation(planId, ObligationKind.COMMENDATION_PROPOSAL, null, agency).getDueAt())
          .isEqualTo(endOfDay(PROPOSALS_DUE).toInstant());
    }

    setClock(LocalDateTime.of(2024, 12, 9, 9, 0));
    propose("SYT", collective("Khoa Điều trị nghiện, Bệnh viện Đa khoa tỉnh"), individual("Nguyễn Văn An"));
    // each agency's form keeps its own list: the health department's nominees are not in the others' forms
    assertThat(variable(task(planNumber, TASK_PROPOSE_COMMENDATION, "STP"), NOMINEES)).isEmpty();
    propose("STP", individual("Lò Thị Bình"));
    // the secretariat proposes nobody, after the due date but before the cut-off
    setClock(LocalDateTime.of(2024, 12, 17, 9, 0));
    complete(task(planNumber, TASK_PROPOSE_COMMENDATION, SECRETARIAT), officer(SECRETARIAT), form());

    assertThat(commendation).hasPassed(TASK_PROPOSE_COMMENDATION, TASK_COLLECT_PROPOSALS)
        .hasNotPassed(BOUNDARY_PROPOSAL_CUTOFF).isWaitingAt(TASK_APPRAISE_COMMENDATIONS);
    assertThat(managementService.createJobQuery().processInstanceId(commendation.getId()).timers()
        .activityId(BOUNDARY_PROPOSAL_CUTOFF).count())
        .as("the cut-off timer is gone").isZero();
    assertThat(commendation).task().hasCandidateGroup(HOME_AFFAIRS)
        .hasDueDate(endOfDay(plusWorkingDays(LocalDate.of(2024, 12, 17), 10)));
    List<DossierRow> dossier = variable(commendation, DOSSIER);
    assertThat(dossier).extracting(DossierRow::proposedBy, DossierRow::kind, DossierRow::name).containsExactly(
        tuple("Sở Y tế tỉnh Sơn La", "COLLECTIVE", "Khoa Điều trị nghiện, Bệnh viện Đa khoa tỉnh"),
        tuple("Sở Y tế tỉnh Sơn La", "INDIVIDUAL", "Nguyễn Văn An"),
        tuple("Sở Tư pháp tỉnh Sơn La", "INDIVIDUAL", "Lò Thị Bình"));

    // Home Affairs recommends an award form for each nominee it recommends
    Task appraisal = task(commendation, TASK_APPRAISE_COMMENDATIONS);
    List<DossierRow> withoutForm = List.of(recommend(dossier.get(0), null), dossier.get(1), dossier.get(2));
    InvalidFormDataException noAwardForm = refused(appraisal, officer(HOME_AFFAIRS),
        form().with(DOSSIER, withoutForm));
    assertThat(noAwardForm.getMessage())
        .contains("Dòng 1 của 'Hồ sơ đề nghị khen thưởng': trường 'Hình thức khen thưởng' là bắt buộc.");
    List<DossierRow> appraised = List.of(recommend(dossier.get(0), "BANG_KHEN"), recommend(dossier.get(1), "GIAY_KHEN"),
        dossier.get(2));
    setClock(LocalDateTime.of(2024, 12, 23, 9, 0));
    complete(appraisal, officer(HOME_AFFAIRS),
        form().with(DOSSIER, appraised).with(APPRAISAL_NOTE, "Đủ điều kiện theo Luật Thi đua, khen thưởng."));

    assertThat(commendation).isWaitingAt(TASK_DECIDE_COMMENDATIONS);
    assertThat(commendation).task().hasCandidateGroup(LEADERSHIP)
        .hasDueDate(endOfDay(plusWorkingDays(LocalDate.of(2024, 12, 23), 5)));
    List<DossierRow> decided = List.of(award(appraised.get(0)), award(appraised.get(1)), appraised.get(2));
    complete(task(commendation, TASK_DECIDE_COMMENDATIONS), head(ISSUER), form().with(DOSSIER, decided)
        .with(DECISION_NUMBER, " 3120/QĐ-UBND ").with(DECISION_DATE, "2024-12-23"));

    assertThat(commendation).hasPassed(TASK_RECORD_DECISION, END_COMMENDATION_DECIDED).isEnded();
    assertThat(nominees.findByPlanIdOrderById(planId))
        .extracting(Nominee::getProposedBy, Nominee::getName, Nominee::getRecommended, Nominee::getAwardForm,
            Nominee::getAwarded, Nominee::getDecisionNumber, Nominee::getDecisionDate)
        .containsExactly(
            tuple("SYT", "Khoa Điều trị nghiện, Bệnh viện Đa khoa tỉnh", true, "BANG_KHEN", true, "3120/QĐ-UBND",
                LocalDate.of(2024, 12, 23)),
            tuple("SYT", "Nguyễn Văn An", true, "GIAY_KHEN", true, "3120/QĐ-UBND", LocalDate.of(2024, 12, 23)),
            tuple("STP", "Lò Thị Bình", null, null, false, "3120/QĐ-UBND", LocalDate.of(2024, 12, 23)));
    assertThat(obligations.settle(planId)).extracting(Obligation::getAgencyCode, Obligation::getOutcome)
        .containsExactlyInAnyOrder(tuple("SYT", Outcome.ON_TIME), tuple("STP", Outcome.ON_TIME),
            tuple(SECRETARIAT, Outcome.LATE));
  }

  @Test
  void proposalsStillOpenAtTheCutoffAreCutOff() {
    ProcessInstance commendation = startCommendation();
    setClock(LocalDateTime.of(2024, 12, 13, 9, 0));
    propose("SYT", individual("Nguyễn Văn An"));

    assertThat(moveClockTo(PROPOSALS_CUT_OFF.atTime(23, 0))).isZero();
    assertThat(commendation).isWaitingAt(TASK_PROPOSE_COMMENDATION);
    assertThat(tasks(planNumber, TASK_PROPOSE_COMMENDATION)).hasSize(2);

    moveClockTo(PROPOSALS_CUT_OFF.plusDays(1).atTime(8, 0));
    assertThat(commendation).hasPassed(BOUNDARY_PROPOSAL_CUTOFF, TASK_COLLECT_PROPOSALS)
        .isWaitingAt(TASK_APPRAISE_COMMENDATIONS).isNotWaitingAt(TASK_PROPOSE_COMMENDATION);
    assertThat(tasks(planNumber, TASK_PROPOSE_COMMENDATION)).isEmpty();
    List<DossierRow> dossier = variable(commendation, DOSSIER);
    assertThat(dossier).extracting(DossierRow::name).containsExactly("Nguyễn Văn An");

    complete(task(commendation, TASK_APPRAISE_COMMENDATIONS), officer(HOME_AFFAIRS),
        form().with(DOSSIER, List.of(recommend(dossier.get(0), "GIAY_KHEN"))));
    complete(task(commendation, TASK_DECIDE_COMMENDATIONS), head(ISSUER),
        form().with(DECISION_NUMBER, "3200/QĐ-UBND").with(DECISION_DATE, PROPOSALS_CUT_OFF.plusDays(1).toString()));
    assertThat(commendation).hasPassed(END_COMMENDATION_DECIDED).isEnded();
    assertThat(nominees.findByPlanIdOrderById(planId)).extracting(Nominee::getAwarded).containsExactly(false);
    assertThat(obligations.settle(planId)).extracting(Obligation::getAgencyCode, Obligation::getOutcome)
        .containsExactlyInAnyOrder(tuple("SYT", Outcome.ON_TIME), tuple("STP", Outcome.NEVER),
            tuple(SECRETARIAT, Outcome.NEVER));
  }

  @Test
  void aNomineeWithoutKindNameOrAchievementIsRefused() {
    ProcessInstance commendation = startCommendation();
    Task proposal = task(planNumber, TASK_PROPOSE_COMMENDATION, "SYT");

    InvalidFormDataException refused = refused(proposal, officer("SYT"),
        form().with(NOMINEES, List.of(individual("Nguyễn Văn An"), new NomineeRow("OTHER", " ", null))));
    assertThat(refused.errors()).extracting(InvalidFormDataException.FieldError::field,
        InvalidFormDataException.FieldError::message).containsExactly(
        tuple("nominees[1].kind", "Dòng 2 của 'Đề xuất khen thưởng': trường 'Tập thể/cá nhân': giá trị 'OTHER' không"
            + " có trong danh sách chọn."),
        tuple("nominees[1].name", "Dòng 2 của 'Đề xuất khen thưởng': trường 'Tên tập thể/cá nhân' là bắt buộc."),
        tuple("nominees[1].reason", "Dòng 2 của 'Đề xuất khen thưởng': trường 'Thành tích' là bắt buộc."));
    assertThat(refused.getMessage()).startsWith("Dữ liệu chưa hợp lệ: Dòng 2 của 'Đề xuất khen thưởng'");

    assertThat(commendation).isWaitingAt(TASK_PROPOSE_COMMENDATION);
    assertThat(nominees.findByPlanIdOrderById(planId)).isEmpty();
    assertThat(obligation(planId, ObligationKind.COMMENDATION_PROPOSAL, null, "SYT").getDeliveredAt()).isNull();
  }

  @Test
  void aDecisionWithoutNumberOrDateOrDatedInTheFutureIsRefused() {
    ProcessInstance commendation = startCommendation();
    for (String agency : PROPOSING) {
      propose(agency);
    }
    complete(task(commendation, TASK_APPRAISE_COMMENDATIONS), officer(HOME_AFFAIRS), form());
    Task decision = task(commendation, TASK_DECIDE_COMMENDATIONS);

    InvalidFormDataException nothing = refused(decision, head(ISSUER), form());
    assertThat(nothing.getMessage()).contains("Trường 'Số quyết định' là bắt buộc.")
        .contains("Trường 'Ngày quyết định' là bắt buộc.");
    assertThat(refused(decision, head(ISSUER),
        form().with(DECISION_NUMBER, "3120/QĐ-UBND").with(DECISION_DATE, "2024-12-03")).getMessage())
        .contains("Ngày quyết định không được ở tương lai.");
    assertThat(refused(decision, head(ISSUER),
        form().with(DECISION_NUMBER, "3120/QĐ-UBND").with(DECISION_DATE, "02/12/2024")).getMessage())
        .contains("Trường 'Ngày quyết định': '02/12/2024' không phải là ngày hợp lệ");
    assertThat(commendation).isWaitingAt(TASK_DECIDE_COMMENDATIONS).hasNotPassed(TASK_RECORD_DECISION);
  }

  static DossierRow recommend(DossierRow row, String awardForm) {
    return new DossierRow(row.nomineeId(), row.proposedBy(), row.kind(), row.name(), row.reason(), true, awardForm,
        null);
  }

  static DossierRow award(DossierRow row) {
    return new DossierRow(row.nomineeId(), row.proposedBy(), row.kind(), row.name(), row.reason(), row.recommended(),
        row.awardForm(), true);
  }
}
