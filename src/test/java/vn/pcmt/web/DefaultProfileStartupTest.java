package vn.pcmt.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The application as the README's first command starts it: the default profile, with the demo province, users and
 * the demo copy of the Sơn La plan in the middle of its year. Only the file database is swapped for an in-memory
 * one. What the newcomer sees is read as the secretariat reads it: the monitor's JSON, which computes every state
 * itself from the engine and the obligations.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"spring.datasource.url=jdbc:h2:mem:default-profile;DB_CLOSE_DELAY=-1",
        // process coverage is measured by the process tests; here the demo plan starts before any test runs
        "spring.autoconfigure.exclude="
            + "org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration"})
class DefaultProfileStartupTest {

  static final String DEMO_PLAN = "23/KH-UBND-DEMO";
  static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort
  int port;

  @Autowired
  Environment environment;

  final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

  @Test
  void tasklistShowsItsLoginPage() throws Exception {
    assertThat(environment.getActiveProfiles()).isEmpty();
    assertThat(environment.getDefaultProfiles()).containsExactly("demo");

    HttpResponse<String> tasklist = http.send(HttpRequest.newBuilder(
        URI.create("http://localhost:" + port + "/camunda/app/tasklist/")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(tasklist.statusCode()).isEqualTo(200);
    assertThat(tasklist.body()).contains("<title>Camunda Tasklist</title>").contains("camunda-tasklist-bootstrap");

    HttpResponse<String> root = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(root.statusCode()).isEqualTo(200);
  }

  @Test
  void theDemoPlanIsInTheMiddleOfItsYear() throws Exception {
    JsonNode plan = demoPlanInTheMonitor();
    long planId = plan.get("planId").asLong();
    LocalDate today = LocalDate.now(VN);
    LocalDate issued = LocalDate.parse(plan.get("issueDate").asText());
    assertThat(issued).as("issued about four months ago").isBetween(today.minusDays(150), today.minusDays(110));
    assertThat(plan.get("doneOnTime").asInt()).isPositive();
    assertThat(plan.get("doneLate").asInt()).isPositive();
    assertThat(plan.get("inProgress").asInt()).isPositive();
    assertThat(plan.get("overdue").asInt()).isPositive();
    assertThat(plan.get("stalled").asInt()).isPositive();

    JsonNode matrix = get("ptmcb", "/api/monitor/plans/" + planId + "/matrix");
    Map<String, String> stepOf = new HashMap<>();
    Map<String, JsonNode> steps = new HashMap<>();
    matrix.get("steps").forEach(step -> {
      stepOf.put(step.get("key").asText(), step.get("label").asText());
      steps.put(step.get("label").asText(), step);
    });
    assertThat(steps).containsKeys("Báo cáo Quý I", "Báo cáo 06 tháng", "Báo cáo Quý III", "Báo cáo 01 năm");
    assertThat(LocalDate.parse(steps.get("Báo cáo 06 tháng").get("dueDate").asText()))
        .as("the 6-month reports are due within days").isBetween(today, today.plusDays(21));

    Map<String, Set<String>> states = new HashMap<>();
    Map<String, List<JsonNode>> cells = new HashMap<>();
    for (JsonNode row : matrix.get("rows")) {
      for (JsonNode cell : row.get("cells")) {
        String step = stepOf.getOrDefault(cell.get("step").asText(), cell.get("step").asText());
        states.computeIfAbsent(step, s -> new HashSet<>()).add(cell.get("state").asText());
        cells.computeIfAbsent(step, s -> new ArrayList<>()).add(cell);
      }
    }
    String subPlan = stepOf.get("SUB_PLAN");
    List<String> notStarted = new ArrayList<>();
    for (JsonNode row : matrix.get("rows")) {
      for (JsonNode cell : row.get("cells")) {
        if (subPlan.equals(stepOf.get(cell.get("step").asText())) && "NOT_STARTED".equals(cell.get("state").asText())) {
          notStarted.add(row.toString());
        }
      }
    }
    assertThat(states.get(subPlan)).as("sub-plans; not started: %s", notStarted)
        .contains("DONE_ON_TIME", "DONE_LATE", "OVERDUE")
        .doesNotContain("NOT_STARTED", "IN_PROGRESS", "STALLED");
    assertThat(states.get("Báo cáo Quý I")).as("first-quarter reports")
        .containsExactlyInAnyOrder("DONE_ON_TIME", "DONE_LATE", "OVERDUE");
    assertThat(states.get("Báo cáo 06 tháng")).as("6-month reports").contains("DONE_ON_TIME", "IN_PROGRESS", "STALLED")
        .doesNotContain("OVERDUE", "NOT_STARTED");
    assertThat(cells.get("Báo cáo 06 tháng").stream().filter(c -> c.get("state").asText().equals("STALLED")))
        .as("one agency has not touched its 6-month report since the period opened").hasSize(1)
        .allSatisfy(c -> assertThat(c.get("idleWorkingDays").asInt()).isGreaterThanOrEqualTo(10));
    assertThat(states.get("Báo cáo Quý III")).containsOnly("NOT_STARTED");
    assertThat(states.get("Báo cáo 01 năm")).containsOnly("NOT_STARTED");
    assertThat(states.get("Đề xuất khen thưởng")).containsOnly("NOT_STARTED");

    // the first quarter is consolidated: its cut-off ended every report still open (no task left in the column),
    // the secretariat's summary was signed by leadership
    assertThat(cells.get("Báo cáo Quý I"))
        .allSatisfy(cell -> assertThat(cell.has("taskId")).as(cell.toString()).isFalse());
    JsonNode signed = get("admin", "/engine-rest/history/task?taskDefinitionKey=Task_SignReport&finished=true"
        + "&processInstanceBusinessKey=" + URLEncoder.encode(DEMO_PLAN, StandardCharsets.UTF_8));
    assertThat(signed).hasSize(1);
    JsonNode periods = get("admin", "/engine-rest/history/process-instance?processDefinitionKey=periodic-report"
        + "&finished=true&processInstanceBusinessKey=" + URLEncoder.encode(DEMO_PLAN, StandardCharsets.UTF_8));
    assertThat(periods).as("only the first quarter's period has ended").hasSize(1);

    // the secretariat has a late sub-plan to review; a late agency's officer has its 6-month report in hand
    assertThat(get("ptmcb", "/engine-rest/task?taskDefinitionKey=Task_ReviewSubPlan&candidateGroup=PTM"))
        .hasSize(1);
    assertThat(get("sytcb", "/engine-rest/task?taskDefinitionKey=Task_DraftReport&assignee=sytcb")).hasSize(1);
  }

  @Test
  void theFirstQuarterWentOutWithEachIndicatorAssessed() throws Exception {
    JsonNode periods = get("admin", "/engine-rest/history/process-instance?processDefinitionKey=periodic-report"
        + "&finished=true&processInstanceBusinessKey=" + URLEncoder.encode(DEMO_PLAN, StandardCharsets.UTF_8));
    assertThat(periods).hasSize(1);
    // leadership signed the indicators as the demo plan words them, each with whether it is met
    JsonNode signedTotals = get("admin", "/engine-rest/history/variable-instance?variableName=indicatorTotals"
        + "&deserializeValues=false&processInstanceId=" + periods.get(0).get("id").asText());
    JsonNode totals = JSON.readTree(signedTotals.get(0).get("value").asText());
    List<String> targets = new ArrayList<>();
    totals.forEach(row -> {
      targets.add(row.get("targetText").asText());
      assertThat(row.get("assessment").asText()).as(row.toString()).isIn("Đạt", "Chưa đạt");
    });
    assertThat(targets).hasSize(12).startsWith("Tối thiểu 100%").contains("Tối thiểu 32 xã", "Tối thiểu 12 xã");
    assertThat(targets.get(3)).matches("Tất cả \\d+ cơ quan đạt");
  }

  @Test
  void theDemoHistoryRecordedItsMailWithoutSendingIt() throws Exception {
    JsonNode messages = get("admin", "/api/notifications?limit=1000");
    Set<String> kinds = new HashSet<>();
    Set<String> stateNames = new HashSet<>();
    messages.forEach(m -> {
      kinds.add(m.get("kind").asText());
      stateNames.add(m.get("state").asText());
    });
    assertThat(kinds).as("assignments, reminders and escalations of half a year").hasSizeGreaterThanOrEqualTo(3);
    assertThat(stateNames).as("no SMTP server in the demo: recorded, never sent").containsOnly("RECORDED");
  }

  private JsonNode demoPlanInTheMonitor() throws Exception {
    List<JsonNode> found = new ArrayList<>();
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
      JsonNode plans = get("ptmcb", "/api/monitor/plans").get("plans");
      List<JsonNode> demo = new ArrayList<>();
      plans.forEach(p -> {
        if (p.get("planNumber").asText().equals(DEMO_PLAN)) {
          demo.add(p);
        }
      });
      assertThat(demo).hasSize(1);
      found.add(demo.get(0));
    });
    return found.get(found.size() - 1);
  }

  private JsonNode get(String user, String path) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Accept", "application/json")
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo")
            .getBytes(StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("GET %s as %s: %s", path, user, response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }
}
