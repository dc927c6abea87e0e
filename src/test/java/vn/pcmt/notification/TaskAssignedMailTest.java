package vn.pcmt.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import jakarta.mail.internet.MimeMessage;
import vn.pcmt.ProcessTestSupport;
import vn.pcmt.notification.MailOutbox.Message;
import vn.pcmt.subplan.SubPlanProcess;

/**
 * "A task landed in an agency's inbox" by e-mail, on the real application and a real SMTP server (GreenMail): who is
 * told, in which words, that nothing leaves a rolled-back step, and that an SMTP outage loses and duplicates nothing.
 * The poller's schedule is off: the tests call it, at engine-clock times they choose.
 */
@TestPropertySource(properties = {"pcmt.mail.poller-enabled=false",
    // these tests are about mail, not about the paths of the diagrams
    "pcmt.process-coverage.class-at-least=0"})
class TaskAssignedMailTest extends ProcessTestSupport {

  static final TestSmtp SMTP = TestSmtp.onFreePort();
  static final String AGENCY = "SYT";
  static final String AGENCY_NAME = "Sở Y tế tỉnh Sơn La";
  static final LocalDate SUB_PLAN_DEADLINE = LocalDate.of(2024, 3, 15);
  static final String MAIL_DOMAIN = "@sonla.pcmt.example";

  @DynamicPropertySource
  static void smtp(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", SMTP::port);
  }

  @Autowired
  MailOutbox outbox;
  @Autowired
  OutboxPoller poller;
  @Autowired
  AfterCommitSending afterCommit;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  PlatformTransactionManager transactionManager;
  @Autowired
  RepositoryService repositoryService;
  @Autowired
  vn.pcmt.web.PublicUrl publicUrl;

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
    SMTP.start().purge();
    planNumber = newPlanNumber();
    planId = issuedPlan(planOf(planNumber, List.of(AGENCY), SUB_PLAN_DEADLINE,
        periods("Quý I/2024", LocalDate.of(2024, 3, 29)), false));
  }

  @AfterEach
  void smtpBack() {
    awaitQuiet();
    SMTP.start();
  }

  /** What plan-lifecycle's CallActivity_AgencySubPlans passes to one agency's sub-plan. */
  ProcessInstance startSubPlan(String agency) {
    Map<String, Object> variables = new HashMap<>();
    SubPlanProcess.PLAN_ID.put(variables, planId);
    SubPlanProcess.PLAN_NUMBER.put(variables, planNumber);
    SubPlanProcess.PLAN_TITLE.put(variables, "Kế hoạch thực hiện công tác phòng, chống ma túy năm 2024 (kiểm thử)");
    SubPlanProcess.AGENCY_GROUP.put(variables, agency);
    SubPlanProcess.SECRETARIAT_GROUP.put(variables, SECRETARIAT);
    SubPlanProcess.SUB_PLAN_DUE_DATE.put(variables, endOfDay(SUB_PLAN_DEADLINE));
    return startCalled(SubPlanProcess.KEY, planNumber, variables);
  }

  @Test
  void aNewTaskTellsTheAgencyAndEachOfItsUsersOnceInVietnameseWithALinkToTheTask() throws Exception {
    ProcessInstance subPlan = startSubPlan(AGENCY);
    Task draft = task(subPlan, SubPlanProcess.TASK_DRAFT_SUB_PLAN);

    List<MimeMessage> mails = awaitDelivered(draft, 3);
    assertThat(mails.stream().map(TestSmtp::to)).containsExactlyInAnyOrder(
        "syt" + MAIL_DOMAIN, officer(AGENCY) + MAIL_DOMAIN, head(AGENCY) + MAIL_DOMAIN);
    assertThat(outbox.list(null, draft.getId(), 10).stream().map(Message::recipientRef))
        .containsExactlyInAnyOrder("agency:SYT", "user:" + officer(AGENCY), "user:" + head(AGENCY));
    for (MimeMessage mail : mails) {
      // the same Message-ID on every attempt, so a copy sent again after a crash is recognisable
      assertThat(mail.getMessageID()).startsWith("<pcmt-mail-" + TestSmtp.outboxId(mail) + "-")
          .endsWith("@sonla.pcmt.example>");
      assertThat(TestSmtp.subject(mail)).isEqualTo(
          "[Việc mới] Xây dựng kế hoạch triển khai – Kế hoạch " + planNumber + " – hạn 15/03/2024");
      String body = TestSmtp.body(mail);
      assertThat(body).contains("Kính gửi: " + AGENCY_NAME)
          .contains(planNumber + " – Kế hoạch thực hiện công tác phòng, chống ma túy năm 2024 (kiểm thử)")
          .contains("Hạn xử lý:  15/03/2024 (kế hoạch quy định: trước ngày 15/03/2024)")
          .contains("<strong>15/03/2024</strong>")
          .doesNotContain("[(${", "th:", "/*[-");
      // both parts link to the task, and the link opens this very task in Tasklist
      Matcher links = Pattern.compile(Pattern.quote(publicUrl.tasklist()) + "#/\\?task=([0-9a-f-]+)").matcher(body);
      Set<String> linked = new java.util.HashSet<>();
      int count = 0;
      while (links.find()) {
        linked.add(links.group(1));
        count++;
      }
      assertThat(count).as("links in text and HTML").isGreaterThanOrEqualTo(2);
      assertThat(linked).containsExactly(draft.getId());
      assertThat(taskService.createTaskQuery().taskId(draft.getId()).taskCandidateGroup(AGENCY).count())
          .isEqualTo(1);
    }
  }

  @Test
  void aTaskCreatedByAnOfficialReachesTheHeadsTheOfficialCannotSee() {
    // the officer may not list the agency's heads: the engine's authorization hides other users from him
    identityService.setAuthentication(officer(AGENCY), List.of(AGENCY));
    try {
      assertThat(identityService.createUserQuery().memberOfGroup(AGENCY + "LD").list()).isEmpty();
    } finally {
      identityService.clearAuthentication();
    }
    ProcessInstance subPlan = startSubPlan(AGENCY);
    Task draft = task(subPlan, SubPlanProcess.TASK_DRAFT_SUB_PLAN);
    awaitDelivered(draft, 3);

    // the officer's own command creates the head's approval task, and its mail still finds the head
    complete(draft, officer(AGENCY), form().with(SubPlanProcess.DOCUMENT_NUMBER, "15/KH-SYT")
        .with(SubPlanProcess.DOCUMENT_DATE, "2024-03-04").with(SubPlanProcess.SUMMARY, "Tuyên truyền, cai nghiện."));
    Task approval = task(subPlan, SubPlanProcess.TASK_APPROVE_SUB_PLAN);
    List<MimeMessage> mails = awaitDelivered(approval, 2);
    assertThat(mails.stream().map(TestSmtp::to))
        .containsExactlyInAnyOrder("syt" + MAIL_DOMAIN, head(AGENCY) + MAIL_DOMAIN);
    assertThat(TestSmtp.subject(mails.get(0))).startsWith("[Việc mới] Lãnh đạo cơ quan duyệt kế hoạch – Kế hoạch ");
  }

  @Test
  void aStepThatRollsBackAfterAskingForMailSendsNothing() {
    TransactionTemplate step = new TransactionTemplate(transactionManager);
    String[] rolledBackTask = new String[1];
    try {
      step.executeWithoutResult(status -> {
        ProcessInstance subPlan = startSubPlan(AGENCY);
        rolledBackTask[0] = task(subPlan, SubPlanProcess.TASK_DRAFT_SUB_PLAN).getId();
        assertThat(outbox.list(null, rolledBackTask[0], 10)).as("messages asked for inside the step").hasSize(3);
        throw new IllegalStateException("the step fails after the task was created");
      });
    } catch (IllegalStateException expected) {
      assertThat(expected).hasMessage("the step fails after the task was created");
    }
    assertThat(outbox.list(null, rolledBackTask[0], 10)).isEmpty();
    assertThat(poller.poll()).isZero();

    // the same step, committed: its three messages, and only they, arrive
    ProcessInstance subPlan = startSubPlan(AGENCY);
    awaitDelivered(task(subPlan, SubPlanProcess.TASK_DRAFT_SUB_PLAN), 3);
    awaitQuiet();
    assertThat(SMTP.received()).hasSize(3);
    assertThat(SMTP.received().stream().map(TestSmtp::body)).noneMatch(body -> body.contains(rolledBackTask[0]));
  }

  @Test
  void whileTheSmtpServerIsDownMessagesWaitAndOnceItIsBackAllFiftyGoOutOnce() {
    TestDiagram.deploy(repositoryService);
    SMTP.stop();
    // 25 tasks in the heads' inbox of Sở Y tế: the agency's mailbox and its head, 50 messages
    for (int i = 0; i < 25; i++) {
      runtimeService.startProcessInstanceByKey(TestDiagram.KEY, planNumber,
          TestDiagram.variables(planNumber, AGENCY + "LD", endOfDay(SUB_PLAN_DEADLINE)));
    }
    assertThat(executeDueJobs()).isEqualTo(25);
    awaitQuiet();

    List<Message> waiting = messagesOfPlan();
    assertThat(waiting).hasSize(50).allMatch(m -> m.state() == MessageState.PENDING);
    // each transaction's first message was tried at once and failed; the rest of its batch was not tried
    assertThat(waiting.stream().filter(m -> m.attempts() == 1)).hasSize(25)
        .allMatch(m -> m.lastError() != null && m.nextAttemptAt().isEqual(m.lastAttemptAt().plusMinutes(1)));
    assertThat(waiting.stream().filter(m -> m.attempts() == 0)).hasSize(25);

    // a poll while the server is still down stops at its first failure
    assertThat(poller.poll()).isZero();
    assertThat(messagesOfPlan().stream().mapToInt(Message::attempts).sum()).isEqualTo(26);

    SMTP.start();
    moveClockTo(MONDAY_MORNING.plusHours(2));
    assertThat(poller.poll()).isEqualTo(50);

    List<Message> sent = messagesOfPlan();
    assertThat(sent).allMatch(m -> m.state() == MessageState.SENT && m.sentAt() != null && m.lastError() == null);
    Map<Long, Long> deliveries = SMTP.deliveriesByOutboxId();
    assertThat(deliveries.keySet()).containsExactlyInAnyOrderElementsOf(sent.stream().map(Message::id).toList());
    assertThat(deliveries.values()).allMatch(times -> times == 1);

    moveClockTo(MONDAY_MORNING.plusDays(1));
    assertThat(poller.poll()).isZero();
    assertThat(SMTP.received()).hasSize(50);
  }

  @Test
  void aMessageIsGivenUpAfterTheLastAttempt() {
    TestDiagram.deploy(repositoryService);
    SMTP.stop();
    runtimeService.startProcessInstanceByKey(TestDiagram.KEY, planNumber,
        TestDiagram.variables(planNumber, AGENCY + "LD", endOfDay(SUB_PLAN_DEADLINE)));
    executeDueJobs();
    awaitQuiet();

    for (int hours = 2; hours <= 80 && !messagesOfPlan().stream().allMatch(m -> m.state() == MessageState.FAILED);
        hours += 2) {
      setClock(MONDAY_MORNING.plusHours(hours));
      poller.poll();
    }
    assertThat(messagesOfPlan()).hasSize(2).allMatch(m -> m.state() == MessageState.FAILED && m.attempts() == 12
        && m.lastError().startsWith("Gửi không thành công sau 12 lần"));

    SMTP.start();
    setClock(MONDAY_MORNING.plusDays(10));
    assertThat(poller.poll()).isZero();
    assertThat(SMTP.received()).isEmpty();
  }

  /** The messages of the task once all are SENT, and what GreenMail received for them (each exactly once). */
  List<MimeMessage> awaitDelivered(Task task, int recipients) {
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(outbox.list(null, task.getId(), 100))
        .hasSize(recipients).allMatch(m -> m.state() == MessageState.SENT));
    Set<Long> ids = outbox.list(null, task.getId(), 100).stream().map(Message::id).collect(Collectors.toSet());
    List<MimeMessage> mails = SMTP.received().stream().filter(m -> ids.contains(TestSmtp.outboxId(m))).toList();
    assertThat(mails).hasSize(recipients);
    assertThat(mails.stream().map(TestSmtp::outboxId).collect(Collectors.toSet())).isEqualTo(ids);
    return mails;
  }

  List<Message> messagesOfPlan() {
    return jdbc.queryForList("select id from mail_outbox where plan_number = ? order by id", Long.class, planNumber)
        .stream().map(id -> outbox.find(id).orElseThrow()).toList();
  }

  /** Waits until the after-commit sending has nothing left in hand. */
  void awaitQuiet() {
    await().atMost(Duration.ofSeconds(30)).until(() -> afterCommit.isIdle()
        && jdbc.queryForObject("select count(*) from mail_outbox where state = 'SENDING'", Integer.class) == 0);
  }
}
