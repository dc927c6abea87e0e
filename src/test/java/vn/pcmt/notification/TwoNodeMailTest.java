package vn.pcmt.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import vn.pcmt.PcmtApplication;

/**
 * Two application nodes on one PostgreSQL, both with the job executor and the outbox poller running, sending to one
 * SMTP server: tasks are created on both, the server goes down and comes back, a node dies holding a message; every
 * message arrives exactly once. Then reminder and escalation timers fire on both nodes: each once.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodeMailTest {

  static final String GROUP = "SYTLD";
  static final int TASKS_PER_NODE = 10;

  static EmbeddedPostgres postgres;
  static TestSmtp smtp;
  static ConfigurableApplicationContext nodeA;
  static ConfigurableApplicationContext nodeB;
  static JdbcTemplate jdbc;
  static Instant frozen;

  @BeforeAll
  static void startNodes() throws IOException {
    postgres = EmbeddedPostgres.builder().start();
    smtp = TestSmtp.onFreePort().start();
    // one after the other, as an operator rolls nodes out; then both run side by side
    nodeA = node("node-a");
    nodeB = node("node-b");
    jdbc = nodeA.getBean(JdbcTemplate.class);
    TestDiagram.deploy(nodeA.getBean(RepositoryService.class));
  }

  static ConfigurableApplicationContext node(String name) {
    return new SpringApplicationBuilder(PcmtApplication.class).profiles("demo", "test").run(
        "--server.port=0",
        // engines register by name in a JVM-wide registry: the nodes keep out of the "default" of other test classes
        "--camunda.bpm.process-engine-name=" + name.replace("-", ""),
        "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
        "--spring.datasource.username=postgres",
        "--spring.datasource.password=",
        "--camunda.bpm.job-execution.enabled=true",
        "--camunda.bpm.job-execution.wait-time-in-millis=50",
        "--camunda.bpm.job-execution.max-wait=300",
        "--spring.autoconfigure.exclude="
            + "org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration",
        "--spring.mail.host=127.0.0.1",
        "--spring.mail.port=" + smtp.port(),
        "--pcmt.mail.node-id=" + name,
        "--pcmt.mail.poller-enabled=true",
        "--pcmt.mail.poll-interval=PT0.2S",
        "--pcmt.mail.poll-batch-size=10");
  }

  @AfterAll
  static void stopNodes() throws IOException {
    ClockUtil.reset();
    if (nodeB != null) {
      nodeB.close();
    }
    if (nodeA != null) {
      nodeA.close();
    }
    if (smtp != null) {
      smtp.stop();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  @Order(1)
  void everyMessageGoesOutExactlyOnce() throws Exception {
    // the engine clock stands still (both nodes share this JVM's clock): back-off and claims move only when told
    frozen = Instant.now();
    setClock(frozen);

    // --- the SMTP server is down while both nodes create tasks ---
    smtp.stop();
    createTasks("1/KH-UBND-NODES");
    int messages = 2 * 2 * TASKS_PER_NODE;
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
      assertThat(count("plan_number = '1/KH-UBND-NODES'")).isEqualTo(messages);
      // every message tried once, by one node or the other, and waiting for its back-off
      assertThat(count("plan_number = '1/KH-UBND-NODES' and state = 'PENDING' and attempts = 1")).isEqualTo(messages);
    });
    assertThat(count("state = 'SENT'")).isZero();

    // --- it is back; both pollers find the whole backlog due at once ---
    smtp.start();
    setClock(frozen.plus(Duration.ofHours(2)));
    awaitAllSent(messages);

    // --- the server is up: after-commit sending on the creating node races the other node's poller ---
    createTasks("2/KH-UBND-NODES");
    awaitAllSent(2 * messages);

    // --- a node dies while sending: its message stays SENDING until the claim expires, then goes out once ---
    long orphan = jdbc.queryForObject("select min(id) from mail_outbox where plan_number = '2/KH-UBND-NODES'",
        Long.class);
    jdbc.update("update mail_outbox set state = 'SENDING', claimed_by = 'node-dead', claimed_until = ?, "
        + "sent_at = null where id = ?", java.sql.Timestamp.from(frozen.plus(Duration.ofHours(2).plusMinutes(1))),
        orphan);
    smtp.purge();
    setClock(frozen.plus(Duration.ofHours(2)).plusSeconds(30));
    assertThat(count("state = 'SENDING'")).isEqualTo(1);
    setClock(frozen.plus(Duration.ofHours(3)));
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(smtp.received()).hasSize(1));
    awaitAllSent(2 * messages);
    assertThat(smtp.deliveriesByOutboxId()).isEqualTo(Map.of(orphan, 1L));
  }

  /**
   * Reminder and escalation timers fire on both nodes' job executors at once: a timer runs on one node only (the
   * engine's optimistic locking), and an occasion already recorded is never recorded again, so every reminder and
   * escalation reaches each address exactly once.
   */
  @Test
  @Order(2)
  void everyReminderAndEscalationGoesOutExactlyOnce() throws Exception {
    String plan = "3/KH-UBND-NODES";
    TestDiagram.deployWithReminders(nodeA.getBean(RepositoryService.class));
    smtp.purge();
    // due Friday 19/03/2027; reminders 12/03 and 18/03, the head 22/03, the secretariat 25/03, 01/04 and 08/04
    setClock(vietnam(LocalDateTime.of(2027, 3, 1, 9, 0)));
    createTasks(plan, TestDiagram.KEY_WITH_REMINDERS, Date.from(vietnam(LocalDateTime.of(2027, 3, 19, 23, 59))));
    int tasks = 2 * TASKS_PER_NODE;
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
        count("plan_number = '" + plan + "' and kind = 'TASK_ASSIGNED' and state = 'SENT'")).isEqualTo(2 * tasks));

    for (LocalDate day : List.of(LocalDate.of(2027, 3, 12), LocalDate.of(2027, 3, 18), LocalDate.of(2027, 3, 22),
        LocalDate.of(2027, 3, 25), LocalDate.of(2027, 4, 1), LocalDate.of(2027, 4, 8))) {
      Instant moment = vietnam(day.atTime(8, 1));
      setClock(moment);
      await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
        assertThat(nodeA.getBean(ManagementService.class).createJobQuery().timers()
            .duedateLowerThan(Date.from(moment)).count()).as("timers due on %s", day).isZero();
        assertThat(count("plan_number = '" + plan + "' and state <> 'SENT'")).isZero();
      });
    }
    int secretariat = count("plan_number = '" + plan + "' and kind = 'ESCALATION_SECRETARIAT'") / (3 * tasks);
    assertThat(secretariat).as("addresses of the secretariat").isPositive();
    assertThat(count("plan_number = '" + plan + "' and kind = 'REMINDER'")).isEqualTo(tasks * 2 * 2);
    assertThat(count("plan_number = '" + plan + "' and kind = 'ESCALATION_HEAD'")).isEqualTo(tasks * 2);
    assertThat(count("plan_number = '" + plan + "' and kind = 'ESCALATION_SECRETARIAT'"))
        .isEqualTo(tasks * 3 * secretariat);
    List<Long> ids = jdbc.queryForList("select id from mail_outbox where plan_number = ?", Long.class, plan);
    Map<Long, Long> deliveries = smtp.deliveriesByOutboxId();
    assertThat(deliveries.keySet()).containsExactlyInAnyOrderElementsOf(ids);
    assertThat(deliveries.values()).as("deliveries per message").allMatch(times -> times == 1);
    System.out.println("Reminders and escalations executed by node: " + jdbc.queryForList(
        "select claimed_by, kind, count(*) as messages from mail_outbox where plan_number = ? "
            + "group by claimed_by, kind order by claimed_by, kind", plan));
  }

  static Instant vietnam(LocalDateTime time) {
    return time.atZone(ZoneId.of("Asia/Ho_Chi_Minh")).toInstant();
  }

  static void createTasks(String planNumber) throws Exception {
    createTasks(planNumber, TestDiagram.KEY, Date.from(frozen.plus(Duration.ofDays(10))));
  }

  /** Starts the diagram TASKS_PER_NODE times on each node, both at once; the job executors create the tasks. */
  static void createTasks(String planNumber, String key, Date due) throws Exception {
    ExecutorService starters = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> started = List.of(nodeA, nodeB).stream().map(node -> starters.submit(() -> {
        RuntimeService runtime = node.getBean(RuntimeService.class);
        for (int i = 0; i < TASKS_PER_NODE; i++) {
          runtime.startProcessInstanceByKey(key, planNumber,
              TestDiagram.variables(planNumber, GROUP, due));
        }
      })).collect(Collectors.toList());
      for (Future<?> future : started) {
        future.get();
      }
    } finally {
      starters.shutdown();
    }
  }

  /** Waits until all messages are SENT; each arrived exactly once, and who sent how many is printed. */
  static void awaitAllSent(int messages) {
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(count("state = 'SENT'"))
        .isEqualTo(messages));
    assertThat(count("1 = 1")).isEqualTo(messages);
    Map<Long, Long> deliveries = smtp.deliveriesByOutboxId();
    assertThat(deliveries.values()).as("deliveries per message").allMatch(times -> times == 1);
    System.out.println("Sent by node: " + jdbc.queryForList(
        "select claimed_by, count(*) as messages from mail_outbox group by claimed_by order by claimed_by"));
  }

  static int count(String condition) {
    return jdbc.queryForObject("select count(*) from mail_outbox where " + condition, Integer.class);
  }

  static void setClock(Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant));
  }
}
