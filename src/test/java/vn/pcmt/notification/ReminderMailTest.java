package vn.pcmt.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import jakarta.mail.internet.MimeMessage;
import vn.pcmt.ProcessTestSupport;
import vn.pcmt.notification.MailOutbox.Message;
import vn.pcmt.subplan.SubPlanProcess;

/**
 * Reminders before the due date and escalation after it, as the diagrams schedule them (agency-sub-plan's
 * Task_DraftSubPlan), on the real application and a real SMTP server, time driven by the engine's clock. The sub-plan
 * is due on Friday 15/03/2024: reminders on 08/03 and 14/03, the head on 18/03, the secretariat on 21/03 and then
 * every 5 working days (28/03, 04/04, 11/04, then 19/04: Thursday 18/04/2024 is Giỗ Tổ Hùng Vương).
 */
@TestPropertySource(properties = {"pcmt.mail.poller-enabled=false", "pcmt.process-coverage.class-at-least=0"})
class ReminderMailTest extends ProcessTestSupport {

  static final TestSmtp SMTP = TestSmtp.onFreePort();
  static final String AGENCY = "SYT";
  static final LocalDate DUE = LocalDate.of(2024, 3, 15);
  static final String MAIL_DOMAIN = "@sonla.pcmt.example";

  @DynamicPropertySource
  static void smtp(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", SMTP::port);
  }

  @Autowired
  MailOutbox outbox;
  @Autowired
  AfterCommitSending afterCommit;
  @Autowired
  TaskReminders reminders;

  String planNumber;
  long planId;

  @BeforeAll
  static void startSmtp() {
    SMTP.start();
  }

  @AfterAll
  static void stopSmtp() {
    SMTP.stop();
  }

  @BeforeEach
  void issuePlan() {
    SMTP.purge();
    planNumber = newPlanNumber();
    planId = issuedPlan(planOf(planNumber, List.of(AGENCY), DUE,
        periods("Quý I/2024", LocalDate.of(2024, 3, 29)), false));
  }

  @AfterEach
  void quiet() {
    awaitQuiet();
  }

  ProcessInstance startSubPlan() {
    Map<String, Object> variables = new HashMap<>();
    SubPlanProcess.PLAN_ID.put(variables, planId);
    SubPlanProcess.PLAN_NUMBER.put(variables, planNumber);
    SubPlanProcess.PLAN_TITLE.put(variables, "Kế hoạch kiểm thử nhắc việc");
    SubPlanProcess.AGENCY_GROUP.put(variables, AGENCY);
    SubPlanProcess.SECRETARIAT_GROUP.put(variables, SECRETARIAT);
    SubPlanProcess.SUB_PLAN_DUE_DATE.put(variables, endOfDay(DUE));
    return startCalled(SubPlanProcess.KEY, planNumber, variables);
  }

  @Test
  void remindersBeforeTheDueDateThenTheHeadThenTheSecretariatEveryFiveWorkingDaysUntilDone() {
    setClock(MONDAY_MORNING);
    ProcessInstance subPlan = startSubPlan();
    Task draft = task(subPlan, SubPlanProcess.TASK_DRAFT_SUB_PLAN);
    Set<String> agencyInbox = Set.of("syt" + MAIL_DOMAIN, officer(AGENCY) + MAIL_DOMAIN, head(AGENCY) + MAIL_DOMAIN);
    assertThat(delivered(draft, MessageKind.TASK_ASSIGNED, 3)).extracting(TestSmtp::to)
        .containsExactlyInAnyOrderElementsOf(agencyInbox);

    // nothing until the morning of the fifth working day before the due date
    moveClockTo(LocalDateTime.of(2024, 3, 8, 7, 59));
    assertThat(messages(draft, MessageKind.REMINDER)).isEmpty();
    moveClockTo(LocalDateTime.of(2024, 3, 8, 8, 0));
    List<MimeMessage> first = delivered(draft, MessageKind.REMINDER, 3);
    assertThat(first).extracting(TestSmtp::to).containsExactlyInAnyOrderElementsOf(agencyInbox);
    assertThat(TestSmtp.subject(first.get(0))).isEqualTo(
        "[Nhắc việc] Xây dựng kế hoạch triển khai – Kế hoạch " + planNumber + " – hạn 15/03/2024");
    assertThat(TestSmtp.body(first.get(0))).contains("còn 5 ngày làm việc đến hạn xử lý")
        .contains("#/?task=" + draft.getId()).doesNotContain("[(${", "th:");

    moveClockTo(LocalDateTime.of(2024, 3, 14, 8, 0));
    assertThat(delivered(draft, MessageKind.REMINDER, 6)).filteredOn(m -> TestSmtp.body(m)
        .contains("còn 1 ngày làm việc")).hasSize(3);

    // due Friday; overdue from Saturday; the head is told on Monday morning, not over the weekend
    moveClockTo(LocalDateTime.of(2024, 3, 17, 20, 0));
    assertThat(messages(draft, MessageKind.ESCALATION_HEAD)).isEmpty();
    moveClockTo(LocalDateTime.of(2024, 3, 18, 8, 0));
    List<MimeMessage> head = delivered(draft, MessageKind.ESCALATION_HEAD, 2);
    assertThat(head).extracting(TestSmtp::to)
        .containsExactlyInAnyOrder("syt" + MAIL_DOMAIN, head(AGENCY) + MAIL_DOMAIN);
    assertThat(TestSmtp.subject(head.get(0))).startsWith("[Quá hạn] Sở Y tế tỉnh Sơn La: Xây dựng kế hoạch");
    assertThat(TestSmtp.body(head.get(0))).contains("đã quá hạn 1 ngày làm việc");
    assertThat(messages(draft, MessageKind.ESCALATION_SECRETARIAT)).isEmpty();

    // the secretariat: after 3 more working days, then every 5 working days, skipping Giỗ Tổ (18/04/2024)
    moveClockTo(LocalDateTime.of(2024, 3, 21, 8, 0));
    List<Message> secretariat = messages(draft, MessageKind.ESCALATION_SECRETARIAT);
    assertThat(secretariat).isNotEmpty().allMatch(m -> m.candidateGroup().equals(SECRETARIAT)
        && (m.recipientRef().equals("agency:" + SECRETARIAT) || m.recipientRef().startsWith("user:")));
    int perRound = secretariat.size();
    List<MimeMessage> toSecretariat = delivered(draft, MessageKind.ESCALATION_SECRETARIAT, perRound);
    assertThat(TestSmtp.subject(toSecretariat.get(0))).startsWith("[Quá hạn 4 ngày] Sở Y tế tỉnh Sơn La:");

    for (LocalDate day : List.of(LocalDate.of(2024, 3, 22), LocalDate.of(2024, 3, 27))) {
      moveClockTo(day.atTime(9, 0));
      assertThat(messages(draft, MessageKind.ESCALATION_SECRETARIAT)).as("nothing on %s", day).hasSize(perRound);
    }
    int rounds = 1;
    for (LocalDate day : List.of(LocalDate.of(2024, 3, 28), LocalDate.of(2024, 4, 4), LocalDate.of(2024, 4, 11))) {
      moveClockTo(day.atTime(7, 59));
      assertThat(messages(draft, MessageKind.ESCALATION_SECRETARIAT)).as("before %s", day)
          .hasSize(perRound * rounds);
      moveClockTo(day.atTime(8, 0));
      rounds++;
      assertThat(messages(draft, MessageKind.ESCALATION_SECRETARIAT)).as("on %s", day).hasSize(perRound * rounds);
    }
    moveClockTo(LocalDateTime.of(2024, 4, 18, 9, 0));
    assertThat(messages(draft, MessageKind.ESCALATION_SECRETARIAT)).as("not on Giỗ Tổ").hasSize(perRound * rounds);
    moveClockTo(LocalDateTime.of(2024, 4, 19, 8, 0));
    rounds++;
    assertThat(messages(draft, MessageKind.ESCALATION_SECRETARIAT)).as("the next working day")
        .hasSize(perRound * rounds);
    delivered(draft, MessageKind.ESCALATION_SECRETARIAT, perRound * rounds);
    assertThat(messages(draft, MessageKind.ESCALATION_HEAD)).as("the head once").hasSize(2);
    assertThat(messages(draft, MessageKind.REMINDER)).as("two reminders").hasSize(6);

    // done: the task's timers go with it, nothing more about it
    complete(draft, officer(AGENCY), form().with(SubPlanProcess.DOCUMENT_NUMBER, "15/KH-SYT")
        .with(SubPlanProcess.DOCUMENT_DATE, "2024-04-19").with(SubPlanProcess.SUMMARY, "Tuyên truyền, cai nghiện."));
    assertThat(managementService.createJobQuery().processInstanceId(subPlan.getId()).timers()
        .activityId(SubPlanProcess.TASK_DRAFT_SUB_PLAN).count()).isZero();
    int before = outbox.list(null, draft.getId(), 1000).size();
    moveClockTo(LocalDateTime.of(2024, 6, 28, 9, 0));
    assertThat(outbox.list(null, draft.getId(), 1000)).hasSize(before);
  }

  @Test
  void aReminderWhoseMomentHasPassedWhenTheTaskIsAssignedIsNotSent() {
    // assigned 3 working days before the due date: the 5-day reminder's moment is past, its timer fires at once
    setClock(LocalDateTime.of(2024, 3, 12, 10, 0));
    ProcessInstance subPlan = startSubPlan();
    executeDueJobs();
    Task draft = task(subPlan, SubPlanProcess.TASK_DRAFT_SUB_PLAN);
    assertThat(messages(draft, MessageKind.REMINDER)).isEmpty();
    assertThat(messages(draft, MessageKind.TASK_ASSIGNED)).hasSize(3);
    // the 1-day reminder still comes
    moveClockTo(LocalDateTime.of(2024, 3, 14, 8, 0));
    assertThat(delivered(draft, MessageKind.REMINDER, 3)).allMatch(m -> TestSmtp.body(m)
        .contains("còn 1 ngày làm việc"));
  }

  @Test
  void theSecretariatRemindsAndEscalatesFromTheMonitorAndTheTaskHistorySaysWho() {
    setClock(MONDAY_MORNING);
    Task draft = task(startSubPlan(), SubPlanProcess.TASK_DRAFT_SUB_PLAN);
    delivered(draft, MessageKind.TASK_ASSIGNED, 3);

    identityService.setAuthentication(officer(SECRETARIAT), List.of(SECRETARIAT));
    try {
      assertThat(reminders.remindNow(draft.getId(), officer(SECRETARIAT))).isEqualTo(3);
      assertThat(reminders.escalateNow(draft.getId(), officer(SECRETARIAT))).isEqualTo(2);
    } finally {
      identityService.clearAuthentication();
    }
    List<MimeMessage> reminded = delivered(draft, MessageKind.REMINDER, 3);
    assertThat(TestSmtp.body(reminded.get(0))).contains("Thường trực (" + officer(SECRETARIAT) + ") nhắc việc này")
        .contains("còn 9 ngày làm việc");
    assertThat(delivered(draft, MessageKind.ESCALATION_HEAD, 2)).extracting(TestSmtp::to)
        .containsExactlyInAnyOrder("syt" + MAIL_DOMAIN, head(AGENCY) + MAIL_DOMAIN);
    assertThat(messages(draft, MessageKind.REMINDER)).allMatch(m -> officer(SECRETARIAT).equals(m.requestedBy()));
    List<Comment> history = taskService.getTaskComments(draft.getId());
    assertThat(history).extracting(Comment::getUserId).containsOnly(officer(SECRETARIAT));
    assertThat(history).extracting(Comment::getFullMessage).containsExactlyInAnyOrder(
        "Nhắc việc: " + officer(SECRETARIAT) + " đã gửi thư tới 3 địa chỉ.",
        "Báo lãnh đạo cơ quan: " + officer(SECRETARIAT) + " đã gửi thư tới 2 địa chỉ.");
  }

  List<Message> messages(Task task, MessageKind kind) {
    awaitQuiet();
    return outbox.list(null, task.getId(), 1000).stream().filter(m -> m.kind() == kind).toList();
  }

  /** The task's messages of the kind once all are SENT, and what GreenMail received for them (each exactly once). */
  List<MimeMessage> delivered(Task task, MessageKind kind, int count) {
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(messages(task, kind))
        .hasSize(count).allMatch(m -> m.state() == MessageState.SENT));
    Set<Long> ids = messages(task, kind).stream().map(Message::id).collect(Collectors.toSet());
    List<MimeMessage> mails = SMTP.received().stream().filter(m -> ids.contains(TestSmtp.outboxId(m))).toList();
    assertThat(mails).hasSize(count);
    return mails;
  }

  void awaitQuiet() {
    await().atMost(Duration.ofSeconds(30)).until(afterCommit::isIdle);
  }
}
