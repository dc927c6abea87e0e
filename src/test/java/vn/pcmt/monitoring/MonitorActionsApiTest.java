package vn.pcmt.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Comment;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import vn.pcmt.ApiTestSupport;
import vn.pcmt.plan.PlanLifecycleProcess;
import vn.pcmt.subplan.SubPlanProcess;

/**
 * The monitor's API over HTTP on a plan issued through the JSON API: who may look (the secretariat and leadership;
 * an agency's officer gets 403), the actions and their history, re-routing a task so that the old agency can no longer
 * see or complete it and the new one can, and a browser session with its anti-forgery token.
 */
class MonitorActionsApiTest extends ApiTestSupport {

  static final java.util.concurrent.atomic.AtomicInteger NUMBERS = new java.util.concurrent.atomic.AtomicInteger(70);
  /** Each test its own plan (plan numbers are unique per issuer and date). */
  String PLAN;
  static final String SECRETARIAT = "PTM";
  static final String LEADERSHIP = "UBNDTLD";
  static final List<String> AGENCIES = List.of("SYT", "STP", "SGDDT");
  static final String NEW_AGENCY = "SCT";

  @Autowired
  TaskService taskService;

  long issuePlan() {
    PLAN = NUMBERS.incrementAndGet() + "/KH-UBND";
    setClock(LocalDateTime.of(2023, 6, 1, 8, 30));
    Map<String, Object> plan = Map.of(
        "planNumber", PLAN,
        "planTitle", "Kế hoạch kiểm thử trang theo dõi",
        "issueDate", "2023-05-31",
        "subPlanDeadline", "2023-06-15",
        "assignments", AGENCIES.stream().map(code -> Map.of("targetType", "AGENCY", "target", code,
            "role", "LEAD", "duty", "Xây dựng và thực hiện kế hoạch.")).toList(),
        "reportingPeriods", List.of(Map.of("label", "06 tháng", "dueDate", "2023-07-03")),
        "indicators", List.of(Map.of("name", "Số buổi tuyên truyền", "unit", "buổi", "target", 20)),
        "recipients", List.of("Ủy ban Quốc gia (để b/c)"),
        "yearEndCommendation", false);
    Response registered = call(officer(SECRETARIAT), "POST", "/api/plans", plan);
    assertThat(registered.status()).as(registered.text()).isEqualTo(201);
    submit(head("UBNDT"), awaitTask(head("UBNDT"), PlanLifecycleProcess.TASK_APPROVE_ISSUANCE, PLAN, null),
        vars("issuanceApproved", true));
    awaitTasks("admin", SubPlanProcess.TASK_DRAFT_SUB_PLAN, PLAN, null, AGENCIES.size());
    return registered.json().get("planId").asLong();
  }

  JsonNode cell(long planId, String agency) {
    JsonNode matrix = get(officer(SECRETARIAT), "/api/monitor/plans/" + planId + "/matrix?agency=" + agency);
    for (JsonNode row : matrix.get("rows")) {
      if (row.get("agency").asText().equals(agency)) {
        return row.get("cells").get(0);
      }
    }
    throw new AssertionError("no row of " + agency);
  }

  @Test
  void onlyTheSecretariatAndLeadershipActAndEveryActionIsInTheHistory() {
    long planId = issuePlan();
    // who may look
    for (String path : List.of("/api/monitor/me", "/api/monitor/plans", "/api/monitor/plans/" + planId + "/matrix",
        "/api/monitor/agencies")) {
      assertThat(call(officer("SYT"), "GET", path, null).status()).as("an officer: %s", path).isEqualTo(403);
      assertThat(call(head("SYT"), "GET", path, null).status()).as("an agency head: %s", path).isEqualTo(403);
      assertThat(call(null, "GET", path, null).status()).as("nobody: %s", path).isEqualTo(401);
      assertThat(call(officer(SECRETARIAT), "GET", path, null).status()).as(path).isEqualTo(200);
      assertThat(call(head("UBNDT"), "GET", path, null).status()).as(path).isEqualTo(200);
    }
    Response refused = call(officer("SYT"), "GET", "/api/monitor/plans", null);
    assertThat(refused.json().get("title").asText()).isEqualTo("Không có quyền");
    JsonNode plans = get(head("UBNDT"), "/api/monitor/plans").get("plans");
    assertThat(plans).filteredOn(p -> p.get("planNumber").asText().equals(PLAN)).singleElement().satisfies(p -> {
      // the sub-plans and the first period's reports (the first period opens on the issue date)
      assertThat(p.get("inProgress").asInt()).isEqualTo(2 * AGENCIES.size());
      assertThat(p.get("agencies").asInt()).isEqualTo(AGENCIES.size());
    });

    // remind, escalate, note: each in the task's comments and the monitor's history, with who
    String taskId = cell(planId, "SYT").get("taskId").asText();
    Response reminded = call(officer(SECRETARIAT), "POST", "/api/monitor/tasks/" + taskId + "/remind", Map.of());
    assertThat(reminded.status()).as(reminded.text()).isEqualTo(200);
    assertThat(reminded.json().get("recipients").asInt()).isPositive();
    assertThat(reminded.json().get("message").asText()).startsWith("Đã gửi nhắc việc tới");
    assertThat(call(officer(SECRETARIAT), "POST", "/api/monitor/tasks/" + taskId + "/escalate", Map.of()).status())
        .isEqualTo(200);
    assertThat(call(officer(SECRETARIAT), "POST", "/api/monitor/tasks/" + taskId + "/notes",
        Map.of("text", "Đã gọi điện cho đồng chí Chánh Văn phòng.")).status()).isEqualTo(200);
    assertThat(call(officer(SECRETARIAT), "POST", "/api/monitor/tasks/" + taskId + "/notes", Map.of("text", " "))
        .status()).isEqualTo(400);
    assertThat(call(officer("SYT"), "POST", "/api/monitor/tasks/" + taskId + "/remind", Map.of()).status())
        .isEqualTo(403);
    JsonNode cell = cell(planId, "SYT");
    JsonNode history = get(officer(SECRETARIAT), "/api/monitor/obligations/" + cell.get("obligationId").asLong()
        + "/actions");
    assertThat(history).hasSize(3).allSatisfy(a -> assertThat(a.get("actedBy").asText()).isEqualTo(officer(SECRETARIAT)));
    assertThat(history.get(0).get("kind").asText()).isEqualTo("NOTE");
    assertThat(history.get(0).get("detail").asText()).isEqualTo("Đã gọi điện cho đồng chí Chánh Văn phòng.");
    assertThat(cell.get("actions").asInt()).isEqualTo(3);
    assertThat(taskService.getTaskComments(taskId)).extracting(Comment::getFullMessage)
        .contains("Ghi chú theo dõi (ptmcb): Đã gọi điện cho đồng chí Chánh Văn phòng.")
        .anyMatch(m -> m.startsWith("Nhắc việc: ptmcb đã gửi thư tới"));
    assertThat(taskService.getTaskComments(taskId)).extracting(Comment::getUserId).containsOnly(officer(SECRETARIAT));
  }

  @Test
  void aReroutedTaskLeavesTheOldAgencyEntirelyAndTheNextStepGoesToTheNewOne() {
    long planId = issuePlan();
    String taskId = cell(planId, "SYT").get("taskId").asText();
    // the old agency's officer has taken the task
    assertThat(call(officer("SYT"), "POST", "/engine-rest/task/" + taskId + "/claim",
        Map.of("userId", officer("SYT"))).status()).isEqualTo(204);

    assertThat(call(officer(SECRETARIAT), "POST", "/api/monitor/tasks/" + taskId + "/reroute",
        Map.of("toAgency", "STP")).status()).as("STP already owes its own sub-plan").isEqualTo(400);
    assertThat(call(officer(SECRETARIAT), "POST", "/api/monitor/tasks/" + taskId + "/reroute",
        Map.of("toAgency", "KHONGCO")).status()).isEqualTo(400);
    assertThat(call(officer("SYT"), "POST", "/api/monitor/tasks/" + taskId + "/reroute",
        Map.of("toAgency", NEW_AGENCY)).status()).isEqualTo(403);
    Response rerouted = call(officer(SECRETARIAT), "POST", "/api/monitor/tasks/" + taskId + "/reroute",
        Map.of("toAgency", NEW_AGENCY));
    assertThat(rerouted.status()).as(rerouted.text()).isEqualTo(200);
    assertThat(rerouted.json().get("message").asText()).contains("sang Sở Công Thương");

    // the old agency: not in its inbox, not readable, not completable, by its officer or its head
    for (String user : List.of(officer("SYT"), head("SYT"))) {
      assertThat(ids(call(user, "GET", "/engine-rest/task?candidateGroup=SYT", null).json())).doesNotContain(taskId);
      assertThat(ids(call(user, "GET", "/engine-rest/task", null).json())).doesNotContain(taskId);
      assertThat(ids(call(user, "POST", "/engine-rest/task", Map.of("candidateGroups", List.of("SYT", "SYTLD"),
          "includeAssignedTasks", true)).json())).doesNotContain(taskId);
      assertThat(call(user, "GET", "/engine-rest/task/" + taskId, null).status()).as(user).isEqualTo(404);
      assertThat(call(user, "POST", "/engine-rest/task/" + taskId + "/complete", Map.of("variables", Map.of()))
          .status()).as(user).isEqualTo(403);
    }
    // the new agency: sees it unassigned, completes it; the head's approval goes to the new agency's heads
    JsonNode task = get(officer(NEW_AGENCY), "/engine-rest/task/" + taskId);
    assertThat(task.get("assignee").isNull()).isTrue();
    assertThat(ids(call(officer(NEW_AGENCY), "GET", "/engine-rest/task?candidateGroup=" + NEW_AGENCY, null).json()))
        .contains(taskId);
    submit(officer(NEW_AGENCY), task, vars("subPlanDocumentNumber", "21/KH-SCT", "subPlanDocumentDate", "2023-06-01",
        "subPlanSummary", "Kế hoạch của Sở Công Thương."));
    JsonNode approval = awaitTask(head(NEW_AGENCY), SubPlanProcess.TASK_APPROVE_SUB_PLAN, PLAN, null);
    assertThat(tasks(head("SYT"), SubPlanProcess.TASK_APPROVE_SUB_PLAN, PLAN, null)).isEmpty();
    submit(head(NEW_AGENCY), approval, vars("subPlanHeadApproved", true));

    // the obligation is the new agency's, delivered on time; the history says who moved it
    JsonNode cell = cell(planId, NEW_AGENCY);
    assertThat(cell.get("state").asText()).isEqualTo("DONE_ON_TIME");
    JsonNode history = get(officer(SECRETARIAT), "/api/monitor/obligations/" + cell.get("obligationId").asLong()
        + "/actions");
    assertThat(history).singleElement().satisfies(a -> {
      assertThat(a.get("kind").asText()).isEqualTo("REROUTE");
      assertThat(a.get("actedBy").asText()).isEqualTo(officer(SECRETARIAT));
      assertThat(a.get("detail").asText()).contains("(SYT) → Sở Công Thương tỉnh Sơn La (SCT)");
    });
    assertThat(taskService.createTaskQuery().taskId(taskId).count()).isZero();
  }

  @Test
  void aBrowserSessionFromTheWebappsLoginWorksAndItsChangesNeedTheToken() throws Exception {
    long planId = issuePlan();
    String taskId = cell(planId, "STP").get("taskId").asText();
    Browser ptm = Browser.login(port, officer(SECRETARIAT));
    HttpResponse<String> me = ptm.send("GET", "/api/monitor/me", null, null);
    assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
    JsonNode who = JSON.readTree(me.body());
    assertThat(who.get("userId").asText()).isEqualTo(officer(SECRETARIAT));
    String token = who.get("csrfToken").asText();
    assertThat(token).isNotBlank();
    assertThat(ptm.send("GET", "/monitor/", null, null).statusCode()).isEqualTo(200);
    assertThat(ptm.send("POST", "/api/monitor/tasks/" + taskId + "/remind", "{}", null).statusCode())
        .as("no token").isEqualTo(403);
    assertThat(ptm.send("POST", "/api/monitor/tasks/" + taskId + "/remind", "{}", "wrong").statusCode())
        .as("a wrong token").isEqualTo(403);
    HttpResponse<String> reminded = ptm.send("POST", "/api/monitor/tasks/" + taskId + "/remind", "{}", token);
    assertThat(reminded.statusCode()).as(reminded.body()).isEqualTo(200);

    Browser syt = Browser.login(port, officer("SYT"));
    assertThat(syt.send("GET", "/api/monitor/plans", null, null).statusCode()).isEqualTo(403);
    HttpResponse<String> page = syt.send("GET", "/monitor/", null, null);
    assertThat(page.statusCode()).isEqualTo(403);
    assertThat(page.body()).contains("Không có quyền truy cập").contains("sytcb");
    HttpResponse<String> anonymous = new Browser(port).send("GET", "/monitor/", null, null);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.body()).contains("Vui lòng đăng nhập").contains("/camunda/app/welcome/default/");
  }

  static List<String> ids(JsonNode tasks) {
    List<String> ids = new ArrayList<>();
    tasks.forEach(t -> ids.add(t.get("id").asText()));
    return ids;
  }

  /** A browser's cookies: logs in through the Camunda webapps' login as Tasklist's login page does. */
  static final class Browser {

    final int port;
    final CookieManager cookies = new CookieManager();
    final HttpClient http;

    Browser(int port) {
      this.port = port;
      this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    static Browser login(int port, String user) throws IOException, InterruptedException {
      Browser browser = new Browser(port);
      browser.send("GET", "/camunda/app/welcome/default/", null, null);
      String xsrf = browser.cookies.getCookieStore().getCookies().stream()
          .filter(c -> c.getName().equals("XSRF-TOKEN")).map(c -> c.getValue()).findFirst().orElse(null);
      HttpRequest.Builder login = HttpRequest.newBuilder(URI.create("http://localhost:" + port
          + "/camunda/api/admin/auth/user/default/login/welcome"))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password="
              + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)));
      if (xsrf != null) {
        login.header("X-XSRF-TOKEN", xsrf);
      }
      HttpResponse<String> response = browser.http.send(login.build(), HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as("login of %s: %s", user, response.body()).isEqualTo(200);
      return browser;
    }

    HttpResponse<String> send(String method, String path, String json, String token)
        throws IOException, InterruptedException {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
          .timeout(Duration.ofSeconds(30)).method(method, json == null ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofString(json));
      if (json != null) {
        request.header("Content-Type", "application/json");
      }
      if (token != null) {
        request.header("X-XSRF-TOKEN", token);
      }
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
  }
}
