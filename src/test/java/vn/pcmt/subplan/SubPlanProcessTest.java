package vn.pcmt.subplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static vn.pcmt.subplan.SubPlanProcess.ACCEPTED;
import static vn.pcmt.subplan.SubPlanProcess.AGENCY_DUTIES;
import static vn.pcmt.subplan.SubPlanProcess.AGENCY_GROUP;
import static vn.pcmt.subplan.SubPlanProcess.AGENCY_HEAD_GROUP;
import static vn.pcmt.subplan.SubPlanProcess.AGENCY_NAME;
import static vn.pcmt.subplan.SubPlanProcess.DEADLINE_PHRASE;
import static vn.pcmt.subplan.SubPlanProcess.DOCUMENT_DATE;
import static vn.pcmt.subplan.SubPlanProcess.DOCUMENT_NUMBER;
import static vn.pcmt.subplan.SubPlanProcess.END_SUB_PLAN_ACCEPTED;
import static vn.pcmt.subplan.SubPlanProcess.HEAD_APPROVED;
import static vn.pcmt.subplan.SubPlanProcess.HEAD_COMMENT;
import static vn.pcmt.subplan.SubPlanProcess.PLAN_ID;
import static vn.pcmt.subplan.SubPlanProcess.PLAN_NUMBER;
import static vn.pcmt.subplan.SubPlanProcess.PLAN_TITLE;
import static vn.pcmt.subplan.SubPlanProcess.REVIEW_COMMENT;
import static vn.pcmt.subplan.SubPlanProcess.SECRETARIAT_GROUP;
import static vn.pcmt.subplan.SubPlanProcess.SUB_PLAN_DUE_DATE;
import static vn.pcmt.subplan.SubPlanProcess.SUMMARY;
import static vn.pcmt.subplan.SubPlanProcess.TASK_ACCEPT_SUB_PLAN;
import static vn.pcmt.subplan.SubPlanProcess.TASK_APPROVE_SUB_PLAN;
import static vn.pcmt.subplan.SubPlanProcess.TASK_DRAFT_SUB_PLAN;
import static vn.pcmt.subplan.SubPlanProcess.TASK_OPEN_SUB_PLAN;
import static vn.pcmt.subplan.SubPlanProcess.TASK_REVIEW_SUB_PLAN;
import static vn.pcmt.subplan.SubPlanProcess.TASK_SUBMIT_SUB_PLAN;

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
import vn.pcmt.plan.AssignmentRole;

/**
 * processes/agency-sub-plan.bpmn, started as plan-lifecycle's call activity starts it for one agency: the officer
 * drafts, the agency's head approves or returns, the secretariat accepts or returns; the first submission is what
 * counts for the deadline.
 */
class SubPlanProcessTest extends ProcessTestSupport {

  static final String AGENCY = "SYT";
  static final LocalDate SUB_PLAN_DEADLINE = LocalDate.of(2024, 3, 15);

  @Autowired
  SubPlanRepository subPlans;

  String planNumber;
  long planId;

  @BeforeEach
  void issuePlan() {
    planNumber = newPlanNumber();
    planId = issuedPlan(planOf(planNumber, List.of(AGENCY, "STP"), SUB_PLAN_DEADLINE,
        periods("Quý I/2024", LocalDate.of(2024, 3, 29)), false));
  }

  /** What plan-lifecycle's CallActivity_AgencySubPlans passes to one agency's sub-plan. */
  ProcessInstance startSubPlan(String agency) {
    Map<String, Object> variables = new HashMap<>();
    PLAN_ID.put(variables, planId);
    PLAN_NUMBER.put(variables, planNumber);
    PLAN_TITLE.put(variables, "Kế hoạch thực hiện công tác phòng, chống ma túy năm 2024 (kiểm thử)");
    AGENCY_GROUP.put(variables, agency);
    SECRETARIAT_GROUP.put(variables, SECRETARIAT);
    SUB_PLAN_DUE_DATE.put(variables, endOfDay(SUB_PLAN_DEADLINE));
    return startCalled(SubPlanProcess.KEY, planNumber, variables);
  }

  static FormData draft(String documentNumber, LocalDate documentDate) {
    return form().with(DOCUMENT_NUMBER, documentNumber).with(DOCUMENT_DATE, documentDate.toString())
        .with(SUMMARY, "Triển khai tuyên truyền, cai nghiện tại các cơ sở y tế.");
  }

  @Test
  void theAgencyIsAskedForItsSubPlanByTheDeadline() {
    ProcessInstance subPlan = startSubPlan(AGENCY);

    assertThat(subPlan).hasPassed(SubPlanProcess.START_SUB_PLAN_REQUESTED, TASK_OPEN_SUB_PLAN)
        .isWaitingAt(TASK_DRAFT_SUB_PLAN);
    assertThat(subPlan).task().hasCandidateGroup(AGENCY).hasDueDate(endOfDay(SUB_PLAN_DEADLINE));
    assertThat(variable(subPlan, AGENCY_HEAD_GROUP)).isEqualTo("SYTLD");
    assertThat(variable(subPlan, AGENCY_NAME)).isEqualTo("Sở Y tế tỉnh Sơn La");
    assertThat(variable(subPlan, AGENCY_DUTIES))
        .isEqualTo(AssignmentRole.LEAD.label() + ": Chủ trì thực hiện nhiệm vụ phòng, chống ma túy của SYT.");
    assertThat(variable(subPlan, DEADLINE_PHRASE)).isEqualTo("trước ngày 15/03/2024");

    Obligation owed = obligation(planId, ObligationKind.SUB_PLAN, null, AGENCY);
    assertThat(owed.getDueAt()).isEqualTo(endOfDay(SUB_PLAN_DEADLINE).toInstant());
    assertThat(owed.getDeliveredAt()).isNull();
    assertThat(owed.getProcessInstanceId()).isEqualTo(subPlan.getId());
  }

  @Test
  void anApprovedAndAcceptedSubPlanIsRecordedOnTime() {
    ProcessInstance subPlan = startSubPlan(AGENCY);

    setClock(LocalDateTime.of(2024, 3, 11, 10, 0));
    complete(task(subPlan, TASK_DRAFT_SUB_PLAN), officer(AGENCY), draft("15/KH-SYT", LocalDate.of(2024, 3, 8)));
    assertThat(subPlan).isWaitingAt(TASK_APPROVE_SUB_PLAN);
    assertThat(subPlan).task().hasCandidateGroup("SYTLD").hasDueDate(endOfDay(SUB_PLAN_DEADLINE));

    complete(task(subPlan, TASK_APPROVE_SUB_PLAN), head(AGENCY), form().with(HEAD_APPROVED, true));
    assertThat(subPlan).hasPassed(TASK_SUBMIT_SUB_PLAN).isWaitingAt(TASK_REVIEW_SUB_PLAN);
    // five working days from Monday 11 March
    assertThat(subPlan).task().hasCandidateGroup(SECRETARIAT)
        .hasDueDate(endOfDay(plusWorkingDays(LocalDate.of(2024, 3, 11), 5)));
    SubPlan submitted = subPlans.findByPlanIdAndAgencyCode(planId, AGENCY).orElseThrow();
    assertThat(submitted.getDocumentNumber()).isEqualTo("15/KH-SYT");
    assertThat(submitted.getDocumentDate()).isEqualTo(LocalDate.of(2024, 3, 8));
    assertThat(submitted.getAcceptedAt()).isNull();

    setClock(LocalDateTime.of(2024, 3, 13, 15, 0));
    complete(task(subPlan, TASK_REVIEW_SUB_PLAN), officer(SECRETARIAT), form().with(ACCEPTED, true));

    assertThat(subPlan).hasPassed(TASK_ACCEPT_SUB_PLAN, END_SUB_PLAN_ACCEPTED).isEnded();
    SubPlan accepted = subPlans.findByPlanIdAndAgencyCode(planId, AGENCY).orElseThrow();
    assertThat(accepted.getSubmittedAt()).isEqualTo(LocalDateTime.of(2024, 3, 11, 10, 0).atZone(VN).toInstant());
    assertThat(accepted.getAcceptedAt()).isEqualTo(LocalDateTime.of(2024, 3, 13, 15, 0).atZone(VN).toInstant());
    assertThat(obligations.settle(planId)).filteredOn(o -> o.getAgencyCode().equals(AGENCY))
        .extracting(Obligation::getOutcome).containsExactly(Outcome.ON_TIME);
  }

  @Test
  void theHeadAndTheSecretariatReturnTheDraftAndALateFirstSubmissionIsLate() {
    ProcessInstance subPlan = startSubPlan(AGENCY);
    complete(task(subPlan, TASK_DRAFT_SUB_PLAN), officer(AGENCY), draft("15/KH-SYT", LocalDate.of(2024, 3, 4)));

    // the head returns the draft to the officer, with the reason
    setClock(LocalDateTime.of(2024, 3, 14, 16, 0));
    complete(task(subPlan, TASK_APPROVE_SUB_PLAN), head(AGENCY),
        form().with(HEAD_APPROVED, false).with(HEAD_COMMENT, "Bổ sung kinh phí thực hiện."));
    assertThat(subPlan).isWaitingAt(TASK_DRAFT_SUB_PLAN).hasNotPassed(TASK_SUBMIT_SUB_PLAN);
    Task redraft = task(subPlan, TASK_DRAFT_SUB_PLAN);
    assertThat(redraft).hasCandidateGroup(AGENCY).hasDueDate(endOfDay(SUB_PLAN_DEADLINE));
    assertThat(variable(redraft, HEAD_COMMENT)).isEqualTo("Bổ sung kinh phí thực hiện.");
    assertThat(obligation(planId, ObligationKind.SUB_PLAN, null, AGENCY).getDeliveredAt()).isNull();

    // the revised draft reaches the secretariat after the deadline: the first submission is late
    setClock(LocalDateTime.of(2024, 3, 18, 9, 30));
    complete(redraft, officer(AGENCY), draft("16/KH-SYT", LocalDate.of(2024, 3, 18)));
    Task approval = task(subPlan, TASK_APPROVE_SUB_PLAN);
    assertThat(variable(approval, HEAD_APPROVED)).as("the earlier decision is not pre-filled").isNull();
    complete(approval, head(AGENCY), form().with(HEAD_APPROVED, true));
    assertThat(subPlan).isWaitingAt(TASK_REVIEW_SUB_PLAN);

    // the secretariat asks for changes: back to the officer
    complete(task(subPlan, TASK_REVIEW_SUB_PLAN), officer(SECRETARIAT),
        form().with(ACCEPTED, false).with(REVIEW_COMMENT, "Bổ sung chỉ tiêu cai nghiện."));
    assertThat(subPlan).isWaitingAt(TASK_DRAFT_SUB_PLAN);
    Task thirdDraft = task(subPlan, TASK_DRAFT_SUB_PLAN);
    assertThat(thirdDraft).hasCandidateGroup(AGENCY);
    assertThat(variable(thirdDraft, REVIEW_COMMENT)).isEqualTo("Bổ sung chỉ tiêu cai nghiện.");

    setClock(LocalDateTime.of(2024, 3, 20, 9, 0));
    complete(thirdDraft, officer(AGENCY), draft("17/KH-SYT", LocalDate.of(2024, 3, 19)));
    complete(task(subPlan, TASK_APPROVE_SUB_PLAN), head(AGENCY), form().with(HEAD_APPROVED, true));
    Task review = task(subPlan, TASK_REVIEW_SUB_PLAN);
    assertThat(variable(review, ACCEPTED)).as("the earlier review is not pre-filled").isNull();
    complete(review, officer(SECRETARIAT), form().with(ACCEPTED, true));

    assertThat(subPlan).hasPassed(TASK_ACCEPT_SUB_PLAN, END_SUB_PLAN_ACCEPTED).isEnded();
    SubPlan accepted = subPlans.findByPlanIdAndAgencyCode(planId, AGENCY).orElseThrow();
    assertThat(accepted.getDocumentNumber()).isEqualTo("17/KH-SYT");
    assertThat(accepted.getAcceptedAt()).isNotNull();
    Obligation delivered = obligation(planId, ObligationKind.SUB_PLAN, null, AGENCY);
    assertThat(delivered.getDeliveredAt()).as("the first submission counts")
        .isEqualTo(LocalDateTime.of(2024, 3, 18, 9, 30).atZone(VN).toInstant());
    assertThat(obligations.settle(planId)).filteredOn(o -> o.getAgencyCode().equals(AGENCY))
        .extracting(Obligation::getOutcome).containsExactly(Outcome.LATE);
  }

  @Test
  void eachAgencyHasItsOwnSubPlan() {
    ProcessInstance health = startSubPlan(AGENCY);
    ProcessInstance justice = startSubPlan("STP");

    assertThat(task(justice, TASK_DRAFT_SUB_PLAN)).hasCandidateGroup("STP");
    complete(task(justice, TASK_DRAFT_SUB_PLAN), officer("STP"), draft("20/KH-STP", LocalDate.of(2024, 3, 4)));
    assertThat(task(justice, TASK_APPROVE_SUB_PLAN)).hasCandidateGroup("STPLD");
    assertThat(health).isWaitingAt(TASK_DRAFT_SUB_PLAN);
    assertThat(subPlans.findByPlanIdAndAgencyCode(planId, AGENCY)).isEmpty();
  }

  @Test
  void aDraftWithoutDocumentNumberOrWithAFutureDateIsRefused() {
    ProcessInstance subPlan = startSubPlan(AGENCY);
    Task draft = task(subPlan, TASK_DRAFT_SUB_PLAN);

    InvalidFormDataException noNumber = refused(draft, officer(AGENCY),
        form().with(DOCUMENT_DATE, "2024-03-04").with(SUMMARY, "Tóm tắt."));
    assertThat(noNumber.getMessage()).contains("Trường 'Số, ký hiệu kế hoạch của cơ quan' là bắt buộc.");
    assertThat(noNumber.errors()).extracting(InvalidFormDataException.FieldError::field)
        .containsExactly(DOCUMENT_NUMBER.name());

    InvalidFormDataException future = refused(draft, officer(AGENCY), draft("15/KH-SYT", LocalDate.of(2024, 3, 5)));
    assertThat(future.getMessage())
        .contains("Ngày ban hành kế hoạch của cơ quan (05/03/2024) là ngày trong tương lai.");

    InvalidFormDataException beforePlan = refused(draft, officer(AGENCY),
        draft("15/KH-SYT", LocalDate.of(2024, 3, 1)));
    assertThat(beforePlan.getMessage())
        .contains("trước ngày ban hành kế hoạch của tỉnh (04/03/2024)");

    assertThat(subPlan).isWaitingAt(TASK_DRAFT_SUB_PLAN).hasNotPassed(TASK_APPROVE_SUB_PLAN);
    assertThat(subPlans.findByPlanIdAndAgencyCode(planId, AGENCY)).isEmpty();
  }

  @Test
  void aDecisionWithoutChoiceOrAReturnWithoutReasonIsRefused() {
    ProcessInstance subPlan = startSubPlan(AGENCY);
    complete(task(subPlan, TASK_DRAFT_SUB_PLAN), officer(AGENCY), draft("15/KH-SYT", LocalDate.of(2024, 3, 4)));
    Task approval = task(subPlan, TASK_APPROVE_SUB_PLAN);

    assertThat(refused(approval, head(AGENCY), form()).getMessage())
        .contains("Trường 'Ý kiến của lãnh đạo cơ quan' là bắt buộc.");
    assertThat(refused(approval, head(AGENCY), form().with(HEAD_APPROVED, false)).getMessage())
        .contains("Trường 'Ý kiến' là bắt buộc.");
    complete(approval, head(AGENCY), form().with(HEAD_APPROVED, true));

    Task review = task(subPlan, TASK_REVIEW_SUB_PLAN);
    assertThat(refused(review, officer(SECRETARIAT), form()).getMessage())
        .contains("Trường 'Kết quả xem xét' là bắt buộc.");
    assertThat(refused(review, officer(SECRETARIAT), form().with(ACCEPTED, false).with(REVIEW_COMMENT, " "))
        .getMessage()).contains("Trường 'Ý kiến' là bắt buộc.");
    assertThat(subPlan).isWaitingAt(TASK_REVIEW_SUB_PLAN).hasNotPassed(TASK_ACCEPT_SUB_PLAN);
  }
}
