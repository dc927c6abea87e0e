package vn.pcmt.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

import vn.pcmt.ApiTestSupport;
import vn.pcmt.plan.PlanLifecycleProcess;
import vn.pcmt.reporting.AgencyReportProcess;
import vn.pcmt.subplan.SubPlanProcess;

/**
 * Issue #6: an agency's users cannot read, claim, complete or see the history or variables of another agency's tasks,
 * by any route (Tasklist's own API, Camunda's REST API, the JSON API, a guessed id).
 *
 * <p>One plan is in flight for two agencies, Sở Y tế (SYT) and Sở Tư pháp (STP). SYT's officer has drafted its
 * sub-plan (history exists) and SYT's head has the approval in hand; STP's officer has its draft still open; each
 * agency has a report to draft. Every role then calls every endpoint that could leak or change the other agency's
 * work, and each answer is compared with the expected one. The matrix is printed at the end, role × endpoint.
 *
 * <p>Cells: an HTTP status; for a list, the open tasks of the plan the caller sees (yA = SYT head's approval,
 * yR = SYT's report, tD = STP's draft sub-plan, tR = STP's report, ∅ = none) or the number of rows. A 400 on a
 * write means the engine let the caller try and the step refused the content: the form's rules (an empty submission),
 * or {@link FormFieldsOnlyFilter} (a variable that is not on the step's form), which also answers 400 to those who
 * may read the task but not work on it (the secretariat).
 */
class AuthorizationMatrixApiTest extends ApiTestSupport {

  static final String PLAN = "91/KH-UBND";

  /** The roles, each with one demo user. */
  enum Role {
    SYT_OFFICER("sytcb", "SYT"), SYT_HEAD("sytld", "SYT"), STP_OFFICER("stpcb", "STP"), STP_HEAD("stpld", "STP"),
    SECRETARIAT("ptmcb", "PTM"), LEADERSHIP("ubndtld", "UBNDT"), HOME_AFFAIRS("snvcb", "SNV"),
    ADMIN("admin", "camunda-admin");

    final String user;
    final String agency;

    Role(String user, String agency) {
      this.user = user;
      this.agency = agency;
    }

    /** The open tasks of the plan this role may read. */
    Set<String> reads() {
      return switch (this) {
        case SYT_OFFICER -> Set.of("yR");
        case SYT_HEAD -> Set.of("yA", "yR");
        case STP_OFFICER, STP_HEAD -> Set.of("tD", "tR");
        case SECRETARIAT, ADMIN -> Set.of("yA", "yR", "tD", "tR");
        case LEADERSHIP, HOME_AFFAIRS -> Set.of();
      };
    }

    /** The open tasks of the plan this role may work on (claim, complete): its candidate groups' tasks. */
    Set<String> works() {
      return this == SECRETARIAT ? Set.of() : reads();
    }

    boolean isAdmin() {
      return this == ADMIN;
    }
  }

  /** What a probe compares: the status, or what a list shows. */
  enum Shows { STATUS, TASKS, COUNT, SIZE, INSTANCES }

  /** Expected of a list: at least one row. */
  static final String SOME = "≥1";

  /** An HTTP answer. */
  record Answer(int status, JsonNode json, String text) {
  }

  /**
   * One row: what each role calls and what it should get. {@code before} prepares the call as the same role;
   * {@code undo} restores the scene as the administrator after a call that changed it (after every call when there is
   * a {@code before}), so that no row depends on another.
   */
  record Probe(String area, String label, String method, Function<Role, String> path, Function<Role, Object> body,
      Shows shows, Function<Role, String> expected, Consumer<Role> before, BiConsumer<Role, Answer> undo) {
  }

  // the scene
  long planId;
  String sytSubPlan;
  String stpSubPlan;
  String sytDraftDone;
  final Map<String, String> open = new LinkedHashMap<>();
  String stpVariable;
  String myAgencyFilter;
  String allOverdueFilter;
  String stpTimerJob;
  String subPlanDefinition;

  final List<Probe> probes = new ArrayList<>();
  String lastText;
  final Map<Role, TasklistSession> tasklist = new EnumMap<>(Role.class);

  @Test
  void noAgencyReadsOrChangesAnotherAgencysWork() {
    scene();
    defineProbes();

    Map<Probe, Map<Role, String[]>> results = new LinkedHashMap<>();
    List<String> mismatches = new ArrayList<>();
    for (Probe probe : probes) {
      Map<Role, String[]> row = new EnumMap<>(Role.class);
      for (Role role : Role.values()) {
        String expected = probe.expected().apply(role);
        String actual = run(probe, role);
        String said = lastText == null ? "" : lastText.substring(0, Math.min(160, lastText.length()));
        row.put(role, new String[] {actual, expected});
        if (!matches(expected, actual)) {
          mismatches.add(String.format("%s as %s: expected %s, was %s %s", probe.label(), role.user, expected, actual,
              said));
        }
      }
      results.put(probe, row);
    }
    System.out.println(table(results));
    assertThat(mismatches).as("role × endpoint answers that differ from the expected ones").isEmpty();
    sceneUnchanged();
  }

  /** After every call: each agency's work is where it was, and no agency's record was written by another. */
  void sceneUnchanged() {
    assertThat(candidates(tD())).containsExactly("STP");
    assertThat(candidates(yA())).containsExactly("SYTLD");
    assertThat(candidates(open.get("tR"))).containsExactly("STP");
    assertThat(get("admin", "/engine-rest/task/" + tD()).get("assignee").isNull()).isTrue();
    JsonNode summary = get("admin", "/api/plans/" + planId + "/summary");
    assertThat(summary.get("obligations")).isNotEmpty().allSatisfy(obligation -> assertThat(
        obligation.get("deliveredAt")).as("%s of %s delivered", obligation.get("kind").asText(),
            obligation.get("agency").asText()).isNull());
    assertThat(get("admin", "/engine-rest/process-instance/" + stpSubPlan + "/variables/agencyGroup").get("value")
        .asText()).isEqualTo("STP");
    assertThat(get("admin", "/engine-rest/process-instance/" + sytSubPlan + "/variables/agencyGroup").get("value")
        .asText()).isEqualTo("SYT");
  }

  List<String> candidates(String taskId) {
    List<String> groups = new ArrayList<>();
    get("admin", "/engine-rest/task/" + taskId + "/identity-links?type=candidate")
        .forEach(link -> groups.add(link.get("groupId").asText()));
    return groups;
  }

  // ------------------------------------------------------------------ the plan in flight

  void scene() {
    setClock(LocalDateTime.of(2023, 2, 1, 9, 0));
    Map<String, Object> plan = Map.of(
        "planNumber", PLAN,
        "planTitle", "Kế hoạch kiểm thử phân quyền giữa các cơ quan",
        "issueDate", "2023-01-31",
        "subPlanDeadline", "2023-02-20",
        "subPlanDeadlinePhrase", "trước ngày 20/02/2023",
        "assignments", List.of("SYT", "STP").stream().map(code -> Map.of("targetType", "AGENCY", "target", code,
            "role", "LEAD", "duty", "Thực hiện nhiệm vụ phòng, chống ma túy của ngành.")).toList(),
        "reportingPeriods", List.of(Map.of("label", "Quý I", "dueDate", "2023-03-15",
            "deadlinePhrase", "trước ngày 15/3/2023")),
        "indicators", List.of(Map.of("name", "Số buổi tuyên truyền", "unit", "buổi", "target", 10)),
        "recipients", List.of("Ủy ban Quốc gia (để b/c)"),
        "yearEndCommendation", false);
    Response registered = call("ptmcb", "POST", "/api/plans", plan);
    assertThat(registered.status()).as(registered.text()).isEqualTo(201);
    planId = registered.json().get("planId").asLong();
    submit("ubndtld", awaitTask("ubndtld", PlanLifecycleProcess.TASK_APPROVE_ISSUANCE, PLAN, null),
        vars("issuanceApproved", true));

    JsonNode sytDraft = awaitTask("sytcb", SubPlanProcess.TASK_DRAFT_SUB_PLAN, PLAN, null);
    JsonNode stpDraft = awaitTask("stpcb", SubPlanProcess.TASK_DRAFT_SUB_PLAN, PLAN, null);
    JsonNode sytReport = awaitTask("sytcb", AgencyReportProcess.TASK_DRAFT_REPORT, PLAN, null);
    JsonNode stpReport = awaitTask("stpcb", AgencyReportProcess.TASK_DRAFT_REPORT, PLAN, null);
    sytSubPlan = sytDraft.get("processInstanceId").asText();
    stpSubPlan = stpDraft.get("processInstanceId").asText();
    sytDraftDone = sytDraft.get("id").asText();
    subPlanDefinition = sytDraft.get("processDefinitionId").asText();
    submit("sytcb", sytDraft, vars("subPlanDocumentNumber", "15/KH-SYT", "subPlanDocumentDate", "2023-02-01",
        "subPlanSummary", "Kế hoạch triển khai của Sở Y tế."));
    JsonNode sytApproval = awaitTask("sytld", SubPlanProcess.TASK_APPROVE_SUB_PLAN, PLAN, null);

    open.put("yA", sytApproval.get("id").asText());
    open.put("yR", sytReport.get("id").asText());
    open.put("tD", stpDraft.get("id").asText());
    open.put("tR", stpReport.get("id").asText());

    // something in each place a reader could look: a comment on STP's draft, STP's variables, a timer of STP
    assertThat(call("admin", "POST", "/engine-rest/task/" + tD() + "/comment/create",
        Map.of("message", "Ghi chú nội bộ của Sở Tư pháp")).status()).isEqualTo(200);
    stpVariable = get("admin", "/engine-rest/variable-instance?processInstanceIdIn=" + stpSubPlan
        + "&variableName=agencyGroup").get(0).get("id").asText();
    stpTimerJob = get("admin", "/engine-rest/job?processInstanceId=" + stpSubPlan + "&timers=true").get(0)
        .get("id").asText();
    for (JsonNode filter : get("admin", "/engine-rest/filter")) {
      switch (filter.get("name").asText()) {
        case "Việc của cơ quan tôi" -> myAgencyFilter = filter.get("id").asText();
        case "Tất cả việc quá hạn" -> allOverdueFilter = filter.get("id").asText();
        default -> { }
      }
    }
    assertThat(myAgencyFilter).isNotNull();
    assertThat(allOverdueFilter).isNotNull();
  }

  String tD() {
    return open.get("tD");
  }

  String yA() {
    return open.get("yA");
  }

  // ------------------------------------------------------------------ the matrix

  void defineProbes() {
    String rest = "/engine-rest";
    String byPlan = "processInstanceBusinessKey=" + URLEncoder.encode(PLAN, StandardCharsets.UTF_8);

    // --- task lists: the other agency's task is absent
    list("task", "GET /task?businessKey=plan", "GET", r -> rest + "/task?" + byPlan, null, Shows.TASKS,
        r -> cell(r.reads()));
    list("task", "GET /task/count", "GET", r -> rest + "/task/count?" + byPlan, null, Shows.COUNT,
        r -> String.valueOf(r.reads().size()));
    list("task", "POST /task (query)", "POST", r -> rest + "/task",
        r -> Map.of("processInstanceBusinessKey", PLAN), Shows.TASKS, r -> cell(r.reads()));
    list("task", "POST /task candidateGroup=STP", "POST", r -> rest + "/task",
        r -> Map.of("candidateGroup", "STP", "processInstanceBusinessKey", PLAN), Shows.TASKS,
        r -> cell(intersect(r.reads(), Set.of("tD", "tR"))));
    list("task", "POST /task processInstanceId=STP", "POST", r -> rest + "/task",
        r -> Map.of("processInstanceId", stpSubPlan), Shows.TASKS, r -> cell(intersect(r.reads(), Set.of("tD"))));
    list("task", "POST /task/count withCandidateGroups", "POST", r -> rest + "/task/count",
        r -> Map.of("withCandidateGroups", true, "processInstanceBusinessKey", PLAN), Shows.COUNT,
        r -> String.valueOf(r.reads().size()));

    // --- one task of STP by its id
    status("task", "GET /task/{tD}", "GET", r -> rest + "/task/" + tD(), null, r -> readsTD(r) ? 200 : 404);
    status("task", "GET /task/{yA} (SYT head's)", "GET", r -> rest + "/task/" + yA(), null,
        r -> r.reads().contains("yA") ? 200 : 404);
    status("task", "GET /task/{done SYT draft}", "GET", r -> rest + "/task/" + sytDraftDone, null, r -> 404);
    status("task", "GET /task/{tD}/variables", "GET", r -> rest + "/task/" + tD() + "/variables", null,
        r -> readsTD(r) ? 200 : 403);
    status("task", "GET /task/{tD}/variables/agencyGroup", "GET",
        r -> rest + "/task/" + tD() + "/variables/agencyGroup", null, r -> readsTD(r) ? 200 : 403);
    status("task", "GET /task/{tD}/localVariables", "GET", r -> rest + "/task/" + tD() + "/localVariables", null,
        r -> readsTD(r) ? 200 : 403);
    status("task", "GET /task/{tD}/form-variables", "GET", r -> rest + "/task/" + tD() + "/form-variables", null,
        r -> readsTD(r) ? 200 : 403);
    status("task", "GET /task/{tD}/form", "GET", r -> rest + "/task/" + tD() + "/form", null,
        r -> readsTD(r) ? 200 : 403);
    status("task", "GET /task/{tD}/deployed-form", "GET", r -> rest + "/task/" + tD() + "/deployed-form", null,
        r -> readsTD(r) ? 200 : 403);
    status("task", "GET /task/{tD}/identity-links", "GET", r -> rest + "/task/" + tD() + "/identity-links", null,
        r -> readsTD(r) ? 200 : 403);
    // comments hang on the task's history, which only the administrator reads (see history below); the engine's
    // attachment endpoints check nothing and are closed to everyone (documents go through /api/tasks/{id}/documents)
    status("task", "GET /task/{tD}/comment", "GET", r -> rest + "/task/" + tD() + "/comment", null,
        r -> r.isAdmin() ? 200 : 404);
    status("task", "GET /task/{tD}/attachment", "GET", r -> rest + "/task/" + tD() + "/attachment", null,
        r -> 403);

    // --- working on STP's draft: only STP's users (and the administrator); a 400 is the form's rules refusing an
    // empty submission after the engine allowed the caller to try
    probe("task", "POST /task/{tD}/claim", "POST", r -> rest + "/task/" + tD() + "/claim",
        r -> Map.of("userId", r.user), Shows.STATUS, r -> worksTD(r) ? "204" : "403",
        (r, response) -> admin("POST", rest + "/task/" + tD() + "/unclaim", null));
    // unclaiming needs TASK_ASSIGN, which nobody but the administrator has: not even the officer who claimed it
    probes.add(new Probe("task", "POST /task/{tD}/unclaim (own claim)", "POST",
        r -> rest + "/task/" + tD() + "/unclaim", null, Shows.STATUS, r -> r.isAdmin() ? "204" : "403",
        r -> call(r.user, "POST", rest + "/task/" + tD() + "/claim", Map.of("userId", r.user)),
        (r, response) -> admin("POST", rest + "/task/" + tD() + "/unclaim", null)));
    probe("task", "POST /task/{tD}/assignee", "POST", r -> rest + "/task/" + tD() + "/assignee",
        r -> Map.of("userId", r.user), Shows.STATUS, r -> r.isAdmin() ? "204" : "403",
        (r, response) -> admin("POST", rest + "/task/" + tD() + "/unclaim", null));
    probe("task", "POST /task/{tD}/delegate", "POST", r -> rest + "/task/" + tD() + "/delegate",
        r -> Map.of("userId", r.user), Shows.STATUS, r -> r.isAdmin() ? "204" : "403",
        (r, response) -> admin("POST", rest + "/task/" + tD() + "/resolve", Map.of("variables", Map.of())));
    status("task", "POST /task/{tD}/complete", "POST", r -> rest + "/task/" + tD() + "/complete",
        r -> Map.of("variables", Map.of()), r -> worksTD(r) ? 400 : 403);
    status("task", "POST /task/{tD}/submit-form", "POST", r -> rest + "/task/" + tD() + "/submit-form",
        r -> Map.of("variables", Map.of()), r -> worksTD(r) ? 400 : 403);
    status("task", "POST /task/{yA}/complete (SYT head's)", "POST", r -> rest + "/task/" + yA() + "/complete",
        r -> Map.of("variables", Map.of()), r -> r.works().contains("yA") ? 400 : 403);
    // TASK_WORK does not include setting variables outside a completion (that needs UPDATE_VARIABLE)
    probe("task", "PUT /task/{tD}/variables/subPlanSummary", "PUT",
        r -> rest + "/task/" + tD() + "/variables/subPlanSummary", r -> Map.of("value", "Dự thảo của " + r.user),
        Shows.STATUS, r -> r.isAdmin() ? "204" : "403",
        (r, response) -> admin("DELETE", rest + "/task/" + tD() + "/variables/subPlanSummary", null));
    probe("task", "POST /task/{tD}/localVariables", "POST", r -> rest + "/task/" + tD() + "/localVariables",
        r -> Map.of("modifications", Map.of("subPlanSummary", Map.of("value", "x"))), Shows.STATUS,
        r -> r.isAdmin() ? "204" : "403",
        (r, response) -> admin("DELETE", rest + "/task/" + tD() + "/localVariables/subPlanSummary", null));
    probe("task", "POST /task/{tD}/identity-links (add own group)", "POST",
        r -> rest + "/task/" + tD() + "/identity-links", r -> Map.of("groupId", r.agency, "type", "candidate"),
        Shows.STATUS, r -> r.isAdmin() ? "204" : "403",
        (r, response) -> admin("POST", rest + "/task/" + tD() + "/identity-links/delete",
            Map.of("groupId", r.agency, "type", "candidate")));
    probe("task", "POST /task/{tD}/comment/create", "POST", r -> rest + "/task/" + tD() + "/comment/create",
        r -> Map.of("message", "Bình luận của " + r.user), Shows.STATUS, r -> r.isAdmin() ? "200" : "400",
        (r, response) -> admin("DELETE", rest + "/task/" + tD() + "/comment/" + response.json().get("id").asText(),
            null));
    probe("task", "PUT /task/{tD} (edit)", "PUT", r -> rest + "/task/" + tD(), r -> taskAsIs(tD()), Shows.STATUS,
        r -> r.isAdmin() ? "204" : readsTD(r) ? "403" : "404", null);
    // the engine refuses to delete a task of a running process, for everyone, before it asks who calls
    status("task", "DELETE /task/{tD}", "DELETE", r -> rest + "/task/" + tD(), null, r -> 500);

    // --- STP's process instance: nobody but the administrator
    list("process", "GET /process-instance?businessKey=plan", "GET",
        r -> rest + "/process-instance?businessKey=" + URLEncoder.encode(PLAN, StandardCharsets.UTF_8), null,
        Shows.SIZE, r -> r.isAdmin() ? SOME : "0");
    list("process", "GET /process-instance/count", "GET", r -> rest + "/process-instance/count", null, Shows.COUNT,
        r -> r.isAdmin() ? SOME : "0");
    status("process", "GET /process-instance/{STP}", "GET", r -> rest + "/process-instance/" + stpSubPlan, null,
        r -> r.isAdmin() ? 200 : 404);
    status("process", "GET /process-instance/{STP}/variables", "GET",
        r -> rest + "/process-instance/" + stpSubPlan + "/variables", null, r -> r.isAdmin() ? 200 : 403);
    status("process", "GET /process-instance/{STP}/activity-instances", "GET",
        r -> rest + "/process-instance/" + stpSubPlan + "/activity-instances", null, r -> r.isAdmin() ? 200 : 403);
    probe("process", "POST /process-instance/{STP}/variables", "POST",
        r -> rest + "/process-instance/" + stpSubPlan + "/variables",
        r -> Map.of("modifications", Map.of("authzProbe", Map.of("value", r.user))), Shows.STATUS,
        r -> r.isAdmin() ? "204" : "403",
        (r, response) -> admin("DELETE", rest + "/process-instance/" + stpSubPlan + "/variables/authzProbe", null));
    status("process", "POST /process-instance/{STP}/modification", "POST",
        r -> rest + "/process-instance/" + stpSubPlan + "/modification",
        r -> Map.of("instructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "Task_Nonexistent"))),
        r -> r.isAdmin() ? 400 : 403);
    probe("process", "PUT /process-instance/{STP}/suspended", "PUT",
        r -> rest + "/process-instance/" + stpSubPlan + "/suspended", r -> Map.of("suspended", true), Shows.STATUS,
        r -> r.isAdmin() ? "204" : "403",
        (r, response) -> admin("PUT", rest + "/process-instance/" + stpSubPlan + "/suspended",
            Map.of("suspended", false)));
    status("process", "POST /process-definition/key/agency-sub-plan/start", "POST",
        r -> rest + "/process-definition/key/" + SubPlanProcess.KEY + "/start", r -> Map.of(),
        r -> r.isAdmin() ? 500 : 403);
    // statistics count every instance of a definition one may read (everyone reads the diagrams): Cockpit's only
    status("process", "GET /process-definition/statistics", "GET", r -> rest + "/process-definition/statistics",
        null, r -> r.isAdmin() ? 200 : 403);
    status("process", "GET /process-definition/key/agency-sub-plan/statistics", "GET",
        r -> rest + "/process-definition/key/" + SubPlanProcess.KEY + "/statistics", null,
        r -> r.isAdmin() ? 200 : 403);
    status("process", "GET /history/process-definition/{id}/statistics", "GET",
        r -> rest + "/history/process-definition/" + subPlanDefinition + "/statistics", null,
        r -> r.isAdmin() ? 200 : 403);
    status("process", "GET /task/report/candidate-group-count", "GET",
        r -> rest + "/task/report/candidate-group-count", null, r -> r.isAdmin() || r == Role.SECRETARIAT ? 200 : 403);
    status("process", "GET /history/task/report?reportType=count", "GET",
        r -> rest + "/history/task/report?reportType=count&groupBy=processDefinition", null,
        r -> r.isAdmin() ? 200 : 403);
    status("process", "GET /metrics/activity-instance-start/sum", "GET",
        r -> rest + "/metrics/activity-instance-start/sum", null, r -> r.isAdmin() ? 200 : 403);
    list("process", "GET /execution?processInstanceId=STP", "GET",
        r -> rest + "/execution?processInstanceId=" + stpSubPlan, null, Shows.SIZE, r -> r.isAdmin() ? SOME : "0");

    // --- variables: the engine lets READ on every task ('*', the secretariat's grant) read every variable instance
    list("variable", "GET /variable-instance?processInstanceIdIn=STP", "GET",
        r -> rest + "/variable-instance?processInstanceIdIn=" + stpSubPlan, null, Shows.SIZE,
        r -> r.isAdmin() || r == Role.SECRETARIAT ? SOME : "0");
    list("variable", "POST /variable-instance (query)", "POST", r -> rest + "/variable-instance",
        r -> Map.of("variableName", "agencyGroup", "variableValues", List.of(Map.of("name", "agencyGroup",
            "operator", "eq", "value", "STP"))), Shows.SIZE, r -> r.isAdmin() || r == Role.SECRETARIAT ? SOME : "0");
    status("variable", "GET /variable-instance/{STP agencyGroup}", "GET",
        r -> rest + "/variable-instance/" + stpVariable, null, r -> r.isAdmin() || r == Role.SECRETARIAT ? 200 : 404);

    // --- history: of the plan, of SYT's completed draft
    list("history", "GET /history/task?businessKey=plan", "GET",
        r -> rest + "/history/task?" + byPlan, null, Shows.SIZE, r -> r.isAdmin() ? SOME : "0");
    list("history", "GET /history/task?taskId={done SYT draft}", "GET",
        r -> rest + "/history/task?taskId=" + sytDraftDone, null, Shows.SIZE, r -> r.isAdmin() ? "1" : "0");
    list("history", "GET /history/process-instance?businessKey=plan", "GET",
        r -> rest + "/history/process-instance?processInstanceBusinessKey="
            + URLEncoder.encode(PLAN, StandardCharsets.UTF_8), null, Shows.SIZE, r -> r.isAdmin() ? SOME : "0");
    status("history", "GET /history/process-instance/{SYT}", "GET",
        r -> rest + "/history/process-instance/" + sytSubPlan, null, r -> r.isAdmin() ? 200 : 404);
    list("history", "GET /history/variable-instance?SYT", "GET",
        r -> rest + "/history/variable-instance?processInstanceId=" + sytSubPlan, null, Shows.SIZE,
        r -> r.isAdmin() ? SOME : "0");
    list("history", "GET /history/detail?SYT", "GET",
        r -> rest + "/history/detail?processInstanceId=" + sytSubPlan, null, Shows.SIZE,
        r -> r.isAdmin() ? SOME : "0");
    list("history", "GET /history/activity-instance?SYT", "GET",
        r -> rest + "/history/activity-instance?processInstanceId=" + sytSubPlan, null, Shows.SIZE,
        r -> r.isAdmin() ? SOME : "0");
    list("history", "GET /history/identity-link-log?SYT", "GET",
        r -> rest + "/history/identity-link-log?processInstanceId=" + sytSubPlan, null, Shows.SIZE,
        r -> r.isAdmin() ? SOME : "0");
    list("history", "GET /history/user-operation", "GET", r -> rest + "/history/user-operation", null, Shows.SIZE,
        r -> r.isAdmin() ? SOME : "0");

    // --- Tasklist's filters
    list("filter", "GET /filter", "GET", r -> rest + "/filter", null, Shows.SIZE,
        r -> r == Role.SECRETARIAT || r.isAdmin() ? "5" : "4");
    // "my agency's work": the candidate groups of the caller's own groups (the administrator is in none)
    list("filter", "GET /filter/{my agency}/list", "GET", r -> rest + "/filter/" + myAgencyFilter + "/list", null,
        Shows.TASKS, r -> cell(inbox(r)));
    list("filter", "POST /filter/{my agency}/list candidateGroup=STP", "POST",
        r -> rest + "/filter/" + myAgencyFilter + "/list", r -> Map.of("candidateGroup", "STP"), Shows.TASKS,
        r -> cell(intersect(inbox(r), Set.of("tD", "tR"))));
    status("filter", "GET /filter/{all overdue}/count", "GET", r -> rest + "/filter/" + allOverdueFilter + "/count",
        null, r -> r == Role.SECRETARIAT || r.isAdmin() ? 200 : 403);
    status("filter", "PUT /filter/{my agency} (unchanged)", "PUT", r -> rest + "/filter/" + myAgencyFilter,
        r -> filterAsIs(myAgencyFilter), r -> r.isAdmin() ? 204 : 403);
    probe("filter", "POST /filter/create", "POST", r -> rest + "/filter/create",
        r -> Map.of("resourceType", "Task", "name", "Mọi việc", "query", Map.of()), Shows.STATUS,
        r -> r.isAdmin() ? "200" : "403",
        (r, response) -> admin("DELETE", rest + "/filter/" + response.json().get("id").asText(), null));

    // --- identity: who is who
    list("identity", "GET /user", "GET", r -> rest + "/user", null, Shows.SIZE, r -> r.isAdmin() ? SOME : "1");
    status("identity", "GET /user/stpcb/profile", "GET", r -> rest + "/user/stpcb/profile", null,
        r -> r.isAdmin() || r == Role.STP_OFFICER ? 200 : 404);
    list("identity", "GET /group", "GET", r -> rest + "/group", null, Shows.SIZE,
        r -> r.isAdmin() ? SOME : r.user.endsWith("ld") ? "2" : "1");
    probe("identity", "PUT /group/STP/members/{me}", "PUT", r -> rest + "/group/STP/members/" + r.user, null,
        Shows.STATUS, r -> r.isAdmin() ? "204" : "403",
        (r, response) -> admin("DELETE", rest + "/group/STP/members/" + r.user, null));
    list("identity", "GET /authorization", "GET", r -> rest + "/authorization", null, Shows.SIZE,
        r -> r.isAdmin() ? SOME : "0");
    probe("identity", "POST /authorization/create (tasks)", "POST", r -> rest + "/authorization/create",
        r -> Map.of("type", 1, "permissions", List.of("ALL"), "userId", r.user, "resourceType", 7,
            "resourceId", "authz-probe"),
        Shows.STATUS, r -> r.isAdmin() ? "200" : "403",
        (r, response) -> admin("DELETE", rest + "/authorization/" + response.json().get("id").asText(), null));

    // --- deployments, jobs, incidents, messages, signals
    probe("engine", "POST /deployment/create", "MULTIPART", r -> rest + "/deployment/create", null, Shows.STATUS,
        r -> r.isAdmin() ? "200" : "403",
        (r, response) -> admin("DELETE", rest + "/deployment/" + response.json().get("id").asText(), null));
    list("engine", "GET /deployment", "GET", r -> rest + "/deployment", null, Shows.SIZE,
        r -> r.isAdmin() ? SOME : "0");
    list("engine", "GET /job?processInstanceId=STP", "GET", r -> rest + "/job?processInstanceId=" + stpSubPlan,
        null, Shows.SIZE, r -> r.isAdmin() ? SOME : "0");
    status("engine", "PUT /job/{STP timer}/retries", "PUT", r -> rest + "/job/" + stpTimerJob + "/retries",
        r -> Map.of("retries", 3), r -> r.isAdmin() ? 204 : 403);
    list("engine", "GET /incident", "GET", r -> rest + "/incident", null, Shows.SIZE, r -> "0");
    status("engine", "POST /message (into STP's instance)", "POST", r -> rest + "/message",
        r -> Map.of("messageName", "Message_AuthzProbe", "processInstanceId", stpSubPlan), r -> 400);
    status("engine", "POST /signal", "POST", r -> rest + "/signal", r -> Map.of("name", "Signal_AuthzProbe"),
        r -> 204);

    // --- the application's JSON API
    status("api", "GET /api/plans/{id}", "GET", r -> "/api/plans/" + planId, null, r -> 200);
    status("api", "GET /api/plans/{id}/summary", "GET", r -> "/api/plans/" + planId + "/summary", null,
        r -> r == Role.SECRETARIAT || r == Role.LEADERSHIP || r.isAdmin() ? 200 : 403);
    status("api", "GET /api/notifications", "GET", r -> "/api/notifications", null, r -> r.isAdmin() ? 200 : 403);

    // --- Tasklist's own route (session login, CSRF token), the same engine checks
    status("tasklist", "Tasklist GET task/{tD}", "TASKLIST-GET", r -> "task/" + tD(), null,
        r -> readsTD(r) ? 200 : 404);
    status("tasklist", "Tasklist GET task/{tD}/form-variables", "TASKLIST-GET", r -> "task/" + tD()
        + "/form-variables", null, r -> readsTD(r) ? 200 : 403);
    list("tasklist", "Tasklist POST task (query)", "TASKLIST-POST", r -> "task",
        r -> Map.of("processInstanceBusinessKey", PLAN), Shows.TASKS, r -> cell(r.reads()));
    probe("tasklist", "Tasklist POST task/{tD}/claim", "TASKLIST-POST", r -> "task/" + tD() + "/claim",
        r -> Map.of("userId", r.user), Shows.STATUS, r -> worksTD(r) ? "204" : "403",
        (r, response) -> admin("POST", rest + "/task/" + tD() + "/unclaim", null));
    status("tasklist", "Tasklist POST task/{tD}/submit-form", "TASKLIST-POST", r -> "task/" + tD() + "/submit-form",
        r -> Map.of("variables", Map.of()), r -> worksTD(r) ? 400 : 403);

    // Cockpit and Admin are the administrator's: their own APIs need the application's ACCESS, which only he has
    list("tasklist", "Cockpit plugin process-instance/count", "WEBAPP-POST",
        r -> "/camunda/api/cockpit/plugin/base/default/process-instance/count",
        r -> Map.of("processDefinitionKey", SubPlanProcess.KEY), Shows.COUNT, r -> r.isAdmin() ? SOME : "403");
    list("tasklist", "Cockpit plugin process-definition/statistics", "WEBAPP-GET",
        r -> "/camunda/api/cockpit/plugin/base/default/process-definition/statistics", null, Shows.INSTANCES,
        r -> r.isAdmin() ? SOME : "403");
    status("tasklist", "Tasklist GET process-definition/statistics", "TASKLIST-GET",
        r -> "process-definition/statistics", null, r -> r.isAdmin() ? 200 : 403);
    status("tasklist", "Tasklist GET metrics/.../sum", "TASKLIST-GET",
        r -> "metrics/activity-instance-start/sum", null, r -> r.isAdmin() ? 200 : 403);

    // --- a completion may set only its form's fields: the routing variables (whose inbox the next step reaches, whose
    // record the result lands in) are not on any form. Last, because without the guard these calls succeed.
    Map<String, Object> stpDraft = vars("subPlanDocumentNumber", "20/KH-STP", "subPlanDocumentDate", "2023-02-01",
        "subPlanSummary", "Kế hoạch triển khai của Sở Tư pháp.");
    status("integrity", "Tasklist submit tD + agencyHeadGroup", "TASKLIST-POST",
        r -> "task/" + tD() + "/submit-form",
        r -> Map.of("variables", restVariables(with(stpDraft, "agencyHeadGroup", "STP"))),
        r -> readsTD(r) ? 400 : 403);
    status("integrity", "POST /task/{tD}/submit-form + agencyGroup=SYT", "POST",
        r -> rest + "/task/" + tD() + "/submit-form",
        r -> Map.of("variables", restVariables(with(stpDraft, "agencyGroup", "SYT"))), r -> readsTD(r) ? 400 : 403);
    status("integrity", "POST /task/{tD}/complete + planId", "POST", r -> rest + "/task/" + tD() + "/complete",
        r -> Map.of("variables", restVariables(with(stpDraft, "planId", 1))), r -> readsTD(r) ? 400 : 403);
    status("integrity", "POST /task/{yA}/complete approve + agencyGroup=STP", "POST",
        r -> rest + "/task/" + yA() + "/complete",
        r -> Map.of("variables", restVariables(vars("subPlanHeadApproved", true, "agencyGroup", "STP"))),
        r -> r.reads().contains("yA") ? 400 : 403);
    status("integrity", "POST /task/{tR}/bpmnError + agencyGroup=SYT", "POST",
        r -> rest + "/task/" + open.get("tR") + "/bpmnError",
        r -> Map.of("errorCode", "AUTHZ", "variables", restVariables(vars("agencyGroup", "SYT"))),
        r -> r.reads().contains("tR") ? 400 : 403);
    status("integrity", "POST /task/{tR}/bpmnError (no variables)", "POST",
        r -> rest + "/task/" + open.get("tR") + "/bpmnError", r -> Map.of("errorCode", "AUTHZ"),
        r -> r.works().contains("tR") ? 500 : 403);
    status("integrity", "POST /task/{tR}/bpmnEscalation + agencyGroup", "POST",
        r -> rest + "/task/" + open.get("tR") + "/bpmnEscalation",
        r -> Map.of("escalationCode", "AUTHZ", "variables", restVariables(vars("agencyGroup", "SYT"))),
        r -> r.reads().contains("tR") ? 400 : 403);
    status("integrity", "POST plan-lifecycle/submit-form + leadershipGroup", "POST",
        r -> rest + "/process-definition/key/" + PlanLifecycleProcess.KEY + "/submit-form",
        r -> Map.of("variables", restVariables(with(startForm(), "leadershipGroup", r.agency))), r -> 400);
  }

  /** Tasklist's start form of a plan, filled in. */
  static Map<String, Object> startForm() {
    return vars("planNumber", "89/KH-UBND", "planTitle", "Kế hoạch thử", "issueDate", "2023-02-01",
        "assignments", List.of(Map.of("targetType", "AGENCY", "target", "SYT", "role", "LEAD", "duty", "Làm.")),
        "reportingPeriods", List.of(Map.of("label", "Quý I", "dueDate", "2023-03-15")),
        "indicators", List.of(), "yearEndCommendation", false);
  }

  static Map<String, Object> with(Map<String, Object> variables, String name, Object value) {
    Map<String, Object> result = new LinkedHashMap<>(variables);
    result.put(name, value);
    return result;
  }

  /** The tasks in the caller's agency inbox: its groups are candidates. */
  static Set<String> inbox(Role role) {
    return role.isAdmin() ? Set.of() : role.works();
  }

  static boolean readsTD(Role role) {
    return role.reads().contains("tD");
  }

  static boolean worksTD(Role role) {
    return role.works().contains("tD");
  }

  void status(String area, String label, String method, Function<Role, String> path, Function<Role, Object> body,
      Function<Role, Integer> expected) {
    probes.add(new Probe(area, label, method, path, body, Shows.STATUS, r -> String.valueOf(expected.apply(r)), null,
        null));
  }

  void list(String area, String label, String method, Function<Role, String> path, Function<Role, Object> body,
      Shows shows, Function<Role, String> expected) {
    probes.add(new Probe(area, label, method, path, body, shows, expected, null, null));
  }

  void probe(String area, String label, String method, Function<Role, String> path, Function<Role, Object> body,
      Shows shows, Function<Role, String> expected, BiConsumer<Role, Answer> undo) {
    probes.add(new Probe(area, label, method, path, body, shows, expected, null, undo));
  }

  // ------------------------------------------------------------------ running one cell

  String run(Probe probe, Role role) {
    if (probe.before() != null) {
      probe.before().accept(role);
    }
    String path = probe.path().apply(role);
    Object body = probe.body() == null ? null : probe.body().apply(role);
    Answer response = switch (probe.method()) {
      case "MULTIPART" -> deploy(role);
      case "TASKLIST-GET" -> session(role).call("GET", path, null);
      case "TASKLIST-POST" -> session(role).call("POST", path, body);
      case "WEBAPP-POST" -> session(role).send("POST", path, body);
      case "WEBAPP-GET" -> session(role).send("GET", path, null);
      default -> answer(call(role.user, probe.method(), path, body));
    };
    lastText = response.text();
    if (probe.undo() != null && (probe.before() != null || response.status() / 100 == 2)) {
      probe.undo().accept(role, response);
    }
    if (response.status() != 200 || probe.shows() == Shows.STATUS) {
      return String.valueOf(response.status());
    }
    return switch (probe.shows()) {
      case STATUS -> String.valueOf(response.status());
      case COUNT -> response.json().get("count").asText();
      case SIZE -> String.valueOf(response.json().size());
      case INSTANCES -> {
        int instances = 0;
        for (JsonNode row : response.json()) {
          instances += row.path("instances").asInt();
        }
        yield String.valueOf(instances);
      }
      case TASKS -> {
        Set<String> seen = new TreeSet<>();
        for (JsonNode task : response.json()) {
          open.forEach((name, id) -> {
            if (id.equals(task.get("id").asText())) {
              seen.add(name);
            }
          });
        }
        yield cell(seen);
      }
    };
  }

  static Answer answer(Response response) {
    return new Answer(response.status(), response.json(), response.text());
  }

  void admin(String method, String path, Object body) {
    Response response = call("admin", method, path, body);
    assertThat(response.status() / 100).as("undo %s %s: %s", method, path, response.text()).isEqualTo(2);
  }

  /** The task's own properties, to send back unchanged. */
  Map<String, Object> taskAsIs(String taskId) {
    JsonNode task = get("admin", "/engine-rest/task/" + taskId);
    Map<String, Object> body = new LinkedHashMap<>();
    for (String field : List.of("name", "description", "priority", "assignee", "owner", "due", "followUp",
        "parentTaskId", "caseInstanceId", "tenantId", "delegationState")) {
      JsonNode value = task.get(field);
      body.put(field, value == null || value.isNull() ? null : value.isNumber() ? value.numberValue() : value.asText());
    }
    return body;
  }

  /** The filter as it is, to send back unchanged. */
  Map<String, Object> filterAsIs(String filterId) {
    JsonNode filter = get("admin", "/engine-rest/filter/" + filterId);
    Map<String, Object> body = new LinkedHashMap<>();
    for (String field : List.of("resourceType", "name", "owner", "query", "properties")) {
      body.put(field, JSON.convertValue(filter.get(field), Object.class));
    }
    return body;
  }

  static boolean matches(String expected, String actual) {
    return expected.equals(actual) || SOME.equals(expected) && actual.matches("[1-9][0-9]*");
  }

  static Set<String> intersect(Set<String> a, Set<String> b) {
    Set<String> result = new TreeSet<>(a);
    result.retainAll(b);
    return result;
  }

  static String cell(Set<String> tasks) {
    return tasks.isEmpty() ? "∅" : String.join(" ", new TreeSet<>(tasks));
  }

  /** POST /deployment/create with one harmless empty form (deployments take only diagrams and forms). */
  Answer deploy(Role role) {
    String boundary = "----authz" + UUID.randomUUID();
    String body = "--" + boundary + "\r\n"
        + "Content-Disposition: form-data; name=\"deployment-name\"\r\n\r\nauthz-probe\r\n"
        + "--" + boundary + "\r\n"
        + "Content-Disposition: form-data; name=\"authz-probe.form\"; filename=\"authz-probe.form\"\r\n"
        + "Content-Type: application/json\r\n\r\n{\"id\": \"authz-probe\", \"type\": \"default\", \"schemaVersion\": 16,"
        + " \"executionPlatform\": \"Camunda Platform\", \"executionPlatformVersion\": \"7.24.0\", \"components\": []}\r\n"
        + "--" + boundary + "--\r\n";
    return exchange(HttpClient.newHttpClient(), HttpRequest.newBuilder(uri("/engine-rest/deployment/create"))
        .header("Authorization", basic(role.user))
        .header("Accept", "application/json")
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
  }

  // ------------------------------------------------------------------ Tasklist's route: session and CSRF token

  TasklistSession session(Role role) {
    return tasklist.computeIfAbsent(role, r -> new TasklistSession(r.user));
  }

  /** A browser logged into Tasklist: the session cookie, and the CSRF token the webapps require on every change. */
  final class TasklistSession {

    final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();

    TasklistSession(String user) {
      Answer page = exchange(client, HttpRequest.newBuilder(uri("/camunda/app/tasklist/default/")).GET());
      assertThat(page.status()).isEqualTo(200);
      Answer login = exchange(client, HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/tasklist"))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .header("X-XSRF-TOKEN", token())
          .header("Accept", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + PASSWORD)));
      assertThat(login.status()).as("Tasklist login of %s: %s", user, login.text()).isEqualTo(200);
      // the session changes at login, and with it the token
      exchange(client, HttpRequest.newBuilder(uri("/camunda/app/tasklist/default/")).GET());
    }

    String token() {
      return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
          .map(HttpCookie::getValue).reduce((first, last) -> last).orElse("");
    }

    /** A call to the engine's REST API as the webapps offer it, what Tasklist calls. */
    Answer call(String method, String path, Object body) {
      return send(method, "/camunda/api/engine/engine/default/" + path, body);
    }

    Answer send(String method, String path, Object body) {
      HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
          .header("Accept", "application/json").header("X-XSRF-TOKEN", token());
      try {
        request.header("Content-Type", "application/json").method(method, body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      return exchange(client, request);
    }
  }

  URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  static String basic(String user) {
    return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + PASSWORD)
        .getBytes(StandardCharsets.UTF_8));
  }

  static Answer exchange(HttpClient client, HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(60)).build(),
          HttpResponse.BodyHandlers.ofString());
      JsonNode json = NullNode.getInstance();
      String text = response.body();
      if (text != null && text.trim().matches("(?s)^[\\[{].*")) {
        json = JSON.readTree(text);
      }
      return new Answer(response.statusCode(), json, text);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  // ------------------------------------------------------------------ the printed matrix

  static String table(Map<Probe, Map<Role, String[]>> results) {
    int labelWidth = results.keySet().stream().mapToInt(p -> p.label().length()).max().orElse(10) + 2;
    int width = 12;
    StringBuilder out = new StringBuilder("\n==== Authorization matrix (issue #6): role × endpoint; "
        + "yA SYT head's approval, yR SYT report, tD STP draft, tR STP report; ✗ = differs from expected ====\n");
    out.append(String.format("%-" + labelWidth + "s", "endpoint \\ user"));
    for (Role role : Role.values()) {
      out.append(String.format("%-" + width + "s", role.user));
    }
    out.append('\n');
    String area = "";
    for (Map.Entry<Probe, Map<Role, String[]>> row : results.entrySet()) {
      if (!row.getKey().area().equals(area)) {
        area = row.getKey().area();
        out.append("-- ").append(area).append('\n');
      }
      out.append(String.format("%-" + labelWidth + "s", row.getKey().label()));
      for (Role role : Role.values()) {
        String[] cell = row.getValue().get(role);
        String shown = matches(cell[1], cell[0]) ? cell[0] : "✗" + cell[0] + "≠" + cell[1];
        out.append(String.format("%-" + width + "s", shown));
      }
      out.append('\n');
    }
    return out.toString();
  }
}
