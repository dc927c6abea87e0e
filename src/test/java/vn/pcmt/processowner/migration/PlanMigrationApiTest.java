package vn.pcmt.processowner.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

import vn.pcmt.ApiTestSupport;
import vn.pcmt.processowner.ModelerDeploy;
import vn.pcmt.plan.PlanLifecycleProcess;
import vn.pcmt.reporting.AgencyReportProcess;
import vn.pcmt.reporting.PeriodicReportProcess;

/**
 * Issue 7, item 4: a plan in the middle of its reporting periods is moved to a changed agency-report diagram and run
 * to its end. Period 1 is done; in period 2 Sở Y tế's officer holds the draft (claimed), Công an tỉnh's report waits
 * for its head. The process owner deploys agency-report 1.1 from Modeler (a new step "Thường trực kiểm tra báo cáo"
 * after the head's approval; the draft's first reminder 3 instead of 5 working days before, the head told 2 instead
 * of 1 working day after), reads the dry run, runs it as a batch: both open tasks keep id, assignee, candidate group,
 * due date and variables, the 5-day reminder timer is gone, the 3-day one waits and mails on its day, the escalation
 * moved; the new step is used in periods 2 and 3 and the plan closes. A renamed step cannot move until the mapping
 * file next to the diagram says where it goes.
 */
class PlanMigrationApiTest extends ApiTestSupport {

  static final String PLAN = "9/KH-UBND-DC";
  static final String OWNER = "quytrinh";
  static final String SECRETARIAT = "PTM";
  static final String ISSUER = "UBNDT";
  static final String HOLDING = "SYT";
  static final String AT_HEAD = "CAT";
  static final List<String> AGENCIES = List.of(AT_HEAD, HOLDING);
  static final String P1 = "Quý I/2024";
  static final String P2 = "06 tháng/2024";
  static final String P3 = "Quý III/2024";
  static final LocalDate P1_DUE = LocalDate.of(2024, 3, 15);
  static final LocalDate P2_DUE = LocalDate.of(2024, 6, 14);
  static final LocalDate P3_DUE = LocalDate.of(2024, 9, 13);
  static final String TASK_CHECK = "Task_CheckReport";
  static final String TASK_PREPARE = "Task_PrepareReport";
  static final Path MAPPINGS = temporaryFolder();

  @DynamicPropertySource
  static void mappingFolder(DynamicPropertyRegistry registry) {
    // a context of its own (Camunda's REST API finds its engine by name in a JVM-wide registry), and the folder the
    // process owner's mapping files are read from
    registry.add("pcmt.process-owner.migrations", () -> MAPPINGS.toUri() + "*.migration.yaml");
  }

  @Autowired
  RuntimeService runtime;
  @Autowired
  TaskService taskService;
  @Autowired
  ManagementService management;
  @Autowired
  HistoryService history;


  @Test
  void aPlanInItsSecondPeriodMovesToTheChangedReportDiagramAndRunsToItsEnd() throws Exception {
    // --- a plan with three periods, two agencies; period 1 done ---
    setClock(LocalDateTime.of(2024, 1, 10, 9, 0));
    Response registered = call(officer(SECRETARIAT), "POST", "/api/plans", plan());
    assertThat(registered.status()).as(registered.text()).isEqualTo(201);
    long planId = registered.json().get("planId").asLong();
    submit(head(ISSUER), awaitTask(head(ISSUER), PlanLifecycleProcess.TASK_APPROVE_ISSUANCE, PLAN, null),
        vars("issuanceApproved", true));
    setClock(LocalDateTime.of(2024, 3, 11, 9, 0));
    for (String agency : AGENCIES) {
      draft(agency, P1);
      approve(agency, P1);
    }
    setClock(LocalDateTime.of(2024, 3, 23, 9, 0)); // after the cut-off, 5 working days after 15/03
    consolidate(P1);

    // --- period 2: SYT's officer holds the draft, CAT's report waits for its head ---
    setClock(LocalDateTime.of(2024, 5, 20, 9, 0));
    JsonNode held = awaitTask(officer(HOLDING), AgencyReportProcess.TASK_DRAFT_REPORT, PLAN, P2);
    Response claim = call(officer(HOLDING), "POST", "/engine-rest/task/" + held.get("id").asText() + "/claim",
        Map.of("userId", officer(HOLDING)));
    assertThat(claim.status()).as(claim.text()).isEqualTo(204);
    draft(AT_HEAD, P2);
    JsonNode waiting = awaitTask(head(AT_HEAD), AgencyReportProcess.TASK_APPROVE_REPORT, PLAN, P2);
    List<ProcessInstance> reports = runtime.createProcessInstanceQuery()
        .processDefinitionKey(AgencyReportProcess.KEY).processInstanceBusinessKey(PLAN).list();
    assertThat(reports).hasSize(2);
    String v1 = reports.get(0).getProcessDefinitionId();
    Map<String, OpenTask> before = openTasks();
    assertThat(before).hasSize(2).containsKeys(held.get("id").asText(), waiting.get("id").asText());
    assertThat(before.get(held.get("id").asText()).assignee()).isEqualTo(officer(HOLDING));
    Map<String, Map<String, String>> variablesBefore = variables(reports);
    Map<String, Instant> draftTimersBefore = timers(held.get("processInstanceId").asText(),
        AgencyReportProcess.TASK_DRAFT_REPORT);
    assertThat(draftTimersBefore).containsEntry("Reminder_5WorkingDaysBefore", at(LocalDate.of(2024, 6, 7)))
        .containsEntry("Escalation_AgencyHead", at(LocalDate.of(2024, 6, 17)))
        .doesNotContainKey("Reminder_3WorkingDaysBefore");

    // --- the process owner deploys agency-report 1.1 from Modeler ---
    JsonNode v2 = deploy(OWNER, "1.1");
    assertThat(v2.get("version").asInt()).isEqualTo(2);

    // --- the dry run: for process owners only; says where each running step goes, what is new, the reminders ---
    Map<String, Object> request = Map.of("processKey", AgencyReportProcess.KEY, "planNumbers", List.of(PLAN));
    assertThat(call(officer(HOLDING), "POST", "/api/migrations/dry-run", request).status()).isEqualTo(403);
    assertThat(call(officer(HOLDING), "POST", "/api/migrations", request).status()).isEqualTo(403);
    Response dryRun = call(OWNER, "POST", "/api/migrations/dry-run", request);
    assertThat(dryRun.status()).as(dryRun.text()).isEqualTo(200);
    JsonNode report = dryRun.json();
    assertThat(report.get("instances").asInt()).isEqualTo(2);
    assertThat(report.get("migratable").asInt()).isEqualTo(2);
    assertThat(report.get("canRun").asBoolean()).isTrue();
    assertThat(report.get("target").get("versionTag").asText()).isEqualTo("1.1");
    JsonNode group = report.get("groups").get(0);
    assertThat(group.get("source").get("id").asText()).isEqualTo(v1);
    assertThat(group.get("plans")).extracting(JsonNode::asText).containsExactly(PLAN);
    assertThat(group.get("unmappable")).isEmpty();
    Map<String, JsonNode> steps = byField(group.get("steps"), "source");
    assertThat(steps).containsOnlyKeys(AgencyReportProcess.TASK_DRAFT_REPORT, AgencyReportProcess.TASK_APPROVE_REPORT);
    assertThat(steps.get(AgencyReportProcess.TASK_DRAFT_REPORT).get("text").asText()).isEqualTo(
        "Task_DraftReport «Lập báo cáo kết quả thực hiện» → Task_DraftReport «Lập báo cáo kết quả thực hiện»:"
            + " 1 phiên bản, 1 việc đang mở (cùng mã); việc giữ nguyên người nhận, nhóm, hạn và dữ liệu.");
    assertThat(steps.get(AgencyReportProcess.TASK_APPROVE_REPORT).get("by").asText()).isEqualTo("SAME_ID");
    assertThat(group.get("newSteps")).singleElement().satisfies(step -> {
      assertThat(step.get("id").asText()).isEqualTo(TASK_CHECK);
      assertThat(step.get("text").asText()).startsWith("Bước mới Task_CheckReport «Thường trực kiểm tra báo cáo»"
          + " (việc người làm, giao cho PTM)");
    });
    Map<String, JsonNode> reminders = byField(group.get("reminders"), "listener");
    assertThat(reminders).containsOnlyKeys("Reminder_5WorkingDaysBefore", "Reminder_3WorkingDaysBefore",
        "Escalation_AgencyHead");
    assertThat(reminders.get("Reminder_5WorkingDaysBefore").get("change").asText()).isEqualTo("REMOVED");
    assertThat(reminders.get("Reminder_3WorkingDaysBefore").get("change").asText()).isEqualTo("ADDED");
    assertThat(reminders.get("Escalation_AgencyHead").get("text").asText()).contains(
        "đổi từ ${reminders.after(periodDueDate, 1)} sang ${reminders.after(periodDueDate, 2)}: hẹn giờ đang chờ"
            + " được tính lại");
    assertThat(texts(report.get("summary")).get(0)).isEqualTo("Chuyển agency-report của kế hoạch " + PLAN
        + " sang agency-report v2 (1.1): 2 phiên bản đang chạy, tất cả chuyển được.");
    assertThat(timers(held.get("processInstanceId").asText(), AgencyReportProcess.TASK_DRAFT_REPORT))
        .isEqualTo(draftTimersBefore);
    // the dry run changed nothing
    assertThat(openTasks()).isEqualTo(before);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionId(v1).processInstanceBusinessKey(PLAN).count())
        .isEqualTo(2);

    // --- the run: one batch, followed until every instance is on 1.1 ---
    Response run = call(OWNER, "POST", "/api/migrations", request);
    assertThat(run.status()).as(run.text()).isEqualTo(202);
    JsonNode batch = run.json().get("batches").get(0);
    assertThat(run.json().get("batches")).hasSize(1);
    assertThat(batch.get("instances").asInt()).isEqualTo(2);
    String batchId = batch.get("batchId").asText();
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> assertThat(
        get(OWNER, "/api/migrations/" + batchId).get("state").asText()).isEqualTo("COMPLETED"));
    JsonNode progress = get(OWNER, "/api/migrations/" + batchId);
    assertThat(progress.get("migrated").asInt()).isEqualTo(2);
    assertThat(progress.get("text").asText()).isEqualTo("Đã chuyển xong: 2 phiên bản ở agency-report v2 (1.1).");
    assertThat(call(officer(HOLDING), "GET", "/api/migrations/" + batchId, null).status()).isEqualTo(403);
    JsonNode recorded = get(OWNER, "/api/migrations").get(0);
    assertThat(recorded.get("by").asText()).isEqualTo(OWNER);
    assertThat(recorded.get("source").asText()).isEqualTo("agency-report v1 (1.0)");
    assertThat(recorded.get("target").asText()).isEqualTo("agency-report v2 (1.1)");
    assertThat(recorded.get("instances").asInt()).isEqualTo(2);
    assertThat(recorded.get("plans")).extracting(JsonNode::asText).containsExactly(PLAN);
    assertThat(recorded.get("batchId").asText()).isEqualTo(batchId);
    assertThat(recorded.get("outcome").asText()).isEqualTo("COMPLETED");

    // --- nothing lost: the same tasks, people, groups, due dates and data, on the new version ---
    Map<String, OpenTask> after = openTasks();
    assertThat(after.keySet()).isEqualTo(before.keySet());
    after.forEach((id, task) -> {
      assertThat(task.definition()).isEqualTo(v2.get("id").asText());
      assertThat(task.withoutDefinition()).isEqualTo(before.get(id).withoutDefinition());
    });
    assertThat(variables(reports)).isEqualTo(variablesBefore);
    // the reminders follow the new diagram: the 5-day timer gone, the 3-day one waiting, the head told a day later
    Map<String, Instant> draftTimers = timers(held.get("processInstanceId").asText(),
        AgencyReportProcess.TASK_DRAFT_REPORT);
    assertThat(draftTimers).doesNotContainKey("Reminder_5WorkingDaysBefore")
        .containsEntry("Reminder_3WorkingDaysBefore", at(LocalDate.of(2024, 6, 11)))
        .containsEntry("Reminder_1WorkingDayBefore", at(LocalDate.of(2024, 6, 13)))
        .containsEntry("Escalation_AgencyHead", at(LocalDate.of(2024, 6, 18)))
        .containsEntry("Escalation_Secretariat", draftTimersBefore.get("Escalation_Secretariat"))
        .containsKey("Escalation_SecretariatEvery5WorkingDays").hasSize(5);
    // the head's task had no change to its reminders: they stay as they were
    assertThat(timers(waiting.get("processInstanceId").asText(), AgencyReportProcess.TASK_APPROVE_REPORT))
        .containsEntry("Reminder_5WorkingDaysBefore", at(LocalDate.of(2024, 6, 7)))
        .containsEntry("Escalation_AgencyHead", at(LocalDate.of(2024, 6, 17)));

    // the new 3-day reminder mails Sở Y tế on its day
    setClock(LocalDateTime.of(2024, 6, 11, 9, 0));
    String heldId = held.get("id").asText();
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(reminders(heldId)).isNotEmpty());
    JsonNode reminder = reminders(heldId).get(0);
    assertThat(reminder.get("occasion").asText()).isEqualTo("timer:2024-06-11");
    assertThat(get("admin", "/api/notifications/" + reminder.get("id").asText()).get("bodyText").asText())
        .contains("còn 3 ngày làm việc");

    // --- period 2 goes on through the new step ---
    approve(AT_HEAD, P2);
    check(AT_HEAD, P2);
    JsonNode heldNow = awaitTask(officer(HOLDING), AgencyReportProcess.TASK_DRAFT_REPORT, PLAN, P2);
    assertThat(heldNow.get("id").asText()).isEqualTo(heldId);
    assertThat(heldNow.get("assignee").asText()).isEqualTo(officer(HOLDING));
    submitDraft(HOLDING, heldNow);
    approve(HOLDING, P2);
    check(HOLDING, P2);
    setClock(LocalDateTime.of(2024, 6, 22, 9, 0));
    consolidate(P2);

    // --- period 3 starts on 1.1 by itself ---
    setClock(LocalDateTime.of(2024, 9, 5, 9, 0));
    List<JsonNode> p3Drafts = awaitTasks("admin", AgencyReportProcess.TASK_DRAFT_REPORT, PLAN, P3, 2);
    assertThat(p3Drafts).allSatisfy(task ->
        assertThat(task.get("processDefinitionId").asText()).isEqualTo(v2.get("id").asText()));
    // every reminder of 1.1, also those whose timers the migration moved (TimeoutListenerMigrationGuard)
    assertThat(timers(p3Drafts.get(0).get("processInstanceId").asText(), AgencyReportProcess.TASK_DRAFT_REPORT))
        .containsEntry("Reminder_3WorkingDaysBefore", at(LocalDate.of(2024, 9, 10)))
        .containsEntry("Reminder_1WorkingDayBefore", at(LocalDate.of(2024, 9, 12)))
        .containsEntry("Escalation_AgencyHead", at(LocalDate.of(2024, 9, 17)))
        .containsKeys("Escalation_Secretariat", "Escalation_SecretariatEvery5WorkingDays").hasSize(5);

    // --- a renamed step: unmappable without the mapping file (and a run moves nothing), mapped with it ---
    JsonNode v3 = deploy(OWNER, "1.2");
    Map<String, Object> allOfV2 = Map.of("processKey", AgencyReportProcess.KEY,
        "sourceVersion", v2.get("version").asInt());
    JsonNode unmapped = call(OWNER, "POST", "/api/migrations/dry-run", allOfV2).json();
    assertThat(unmapped.get("canRun").asBoolean()).isFalse();
    assertThat(unmapped.get("blocked").asInt()).isEqualTo(2);
    JsonNode unmappable = unmapped.get("groups").get(0).get("unmappable").get(0);
    assertThat(unmappable.get("source").asText()).isEqualTo(AgencyReportProcess.TASK_DRAFT_REPORT);
    assertThat(unmappable.get("instances").asInt()).isEqualTo(2);
    assertThat(texts(unmappable.get("engineReasons")))
        .containsExactly("There is no migration instruction for this instance's activity");
    assertThat(unmappable.get("text").asText()).isEqualTo("Task_DraftReport «Lập báo cáo kết quả thực hiện»:"
        + " 2 phiên bản đang ở đây, 2 việc đang mở KHÔNG chuyển được. " + EngineReasons.explain(
            "There is no migration instruction for this instance's activity"));
    assertThat(texts(unmapped.get("summary")).get(0)).endsWith(": 2 phiên bản đang chạy, 2 KHÔNG chuyển được; khi"
        + " còn phiên bản không chuyển được thì không chuyển phiên bản nào.");
    Response refused = call(OWNER, "POST", "/api/migrations", allOfV2);
    assertThat(refused.status()).as(refused.text()).isEqualTo(409);
    assertThat(refused.json().get("report").get("blocked").asInt()).isEqualTo(2);
    assertThat(get(OWNER, "/api/migrations").get(0).get("outcome").asText()).isEqualTo("REFUSED");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionId(v3.get("id").asText()).count()).isZero();

    Files.writeString(MAPPINGS.resolve("agency-report.migration.yaml"), """
        # agency-report 1.2 renamed Task_DraftReport
        migrations:
          - from: "1.1"
            to: "1.2"
            map:
              Task_DraftReport: Task_PrepareReport
        """);
    JsonNode mapped = call(OWNER, "POST", "/api/migrations/dry-run", allOfV2).json();
    assertThat(mapped.get("canRun").asBoolean()).as("%s", mapped).isTrue();
    JsonNode mappedGroup = mapped.get("groups").get(0);
    assertThat(mappedGroup.get("mappingFile").asText()).isEqualTo("agency-report.migration.yaml (from 1.1 to 1.2)");
    JsonNode renamed = byField(mappedGroup.get("steps"), "source").get(AgencyReportProcess.TASK_DRAFT_REPORT);
    assertThat(renamed.get("target").asText()).isEqualTo(TASK_PREPARE);
    assertThat(renamed.get("by").asText()).isEqualTo("MAPPING_FILE");
    assertThat(renamed.get("instances").asInt()).isEqualTo(2);
    assertThat(mappedGroup.get("newSteps")).isEmpty();

    // --- period 3 on 1.1 through the new step, and the plan closes ---
    for (String agency : AGENCIES) {
      draft(agency, P3);
      approve(agency, P3);
      check(agency, P3);
    }
    setClock(plusWorkingDays(P3_DUE, 5).plusDays(1).atTime(9, 0));
    consolidate(P3);
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
        assertThat(get(officer(SECRETARIAT), "/api/plans/" + planId).get("status").asText()).isEqualTo("CLOSED"));
    assertThat(history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(PLAN).taskDefinitionKey(TASK_CHECK)
        .finished().count()).as("the new step, in periods 2 and 3").isEqualTo(4);
    JsonNode summary = get(officer(SECRETARIAT), "/api/plans/" + planId + "/summary");
    assertThat(summary.get("obligations")).hasSize(6)
        .allSatisfy(o -> assertThat(o.get("outcome").asText()).isEqualTo("ON_TIME"));
  }

  // --- the plan ----------------------------------------------------------------------------------------------------

  static Map<String, Object> plan() {
    return Map.of("planNumber", PLAN,
        "planTitle", "Kế hoạch phòng, chống ma túy năm 2024 (kiểm thử chuyển phiên bản)",
        "issueDate", "2024-01-10",
        "assignments", AGENCIES.stream().map(code -> Map.of("targetType", "AGENCY", "target", code, "role", "LEAD",
            "duty", "Chủ trì thực hiện nhiệm vụ phòng, chống ma túy của ngành.")).toList(),
        "reportingPeriods", List.of(Map.of("label", P1, "dueDate", P1_DUE.toString()),
            Map.of("label", P2, "dueDate", P2_DUE.toString()), Map.of("label", P3, "dueDate", P3_DUE.toString())),
        "indicators", List.of(Map.of("name", "Số buổi tuyên truyền", "unit", "buổi", "target", 20)),
        "recipients", List.of("Ủy ban Quốc gia (để b/c)"),
        "yearEndCommendation", false);
  }

  private void draft(String agency, String period) {
    submitDraft(agency, awaitTask(officer(agency), AgencyReportProcess.TASK_DRAFT_REPORT, PLAN, period));
  }

  private void submitDraft(String agency, JsonNode task) {
    List<Map<String, Object>> figures = new ArrayList<>();
    for (JsonNode row : jsonVariable(officer(agency), task, AgencyReportProcess.INDICATOR_FIGURES.name())) {
      @SuppressWarnings("unchecked")
      Map<String, Object> copy = JSON.convertValue(row, Map.class);
      copy.put("value", 5);
      figures.add(copy);
    }
    submit(officer(agency), task, vars("indicatorFigures", figures, "reportNarrative", "Đã tổ chức 5 buổi."));
  }

  private void approve(String agency, String period) {
    submit(head(agency), awaitTask(head(agency), AgencyReportProcess.TASK_APPROVE_REPORT, PLAN, period),
        vars("reportHeadApproved", true));
  }

  /** The new step of 1.1: the secretariat checks the agency's approved report. */
  private void check(String agency, String period) {
    List<JsonNode> found = new ArrayList<>();
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
      Response response = call(officer(SECRETARIAT), "POST", "/engine-rest/task", Map.of("taskDefinitionKey",
          TASK_CHECK, "processInstanceBusinessKey", PLAN, "processVariables", List.of(
              Map.of("name", "agencyGroup", "operator", "eq", "value", agency),
              Map.of("name", "periodLabel", "operator", "eq", "value", period))));
      assertThat(response.json()).hasSize(1);
      found.add(response.json().get(0));
    });
    JsonNode task = found.get(found.size() - 1);
    assertThat(task.get("name").asText()).isEqualTo("Thường trực kiểm tra báo cáo");
    assertTask(task, SECRETARIAT, endOfDay(plusWorkingDays(today(), 3)), "approve-report", officer(SECRETARIAT),
        officer(agency));
    submit(officer(SECRETARIAT), task, vars("reportHeadApproved", true));
  }

  private void consolidate(String period) {
    submit(officer(SECRETARIAT), awaitTask(officer(SECRETARIAT), PeriodicReportProcess.TASK_CONSOLIDATE_REPORTS,
        PLAN, period), vars("consolidatedSummary", "Báo cáo tổng hợp " + period));
    submit(head(ISSUER), awaitTask(head(ISSUER), PeriodicReportProcess.TASK_SIGN_REPORT, PLAN, period),
        vars("reportSigned", true));
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(runtime.createProcessInstanceQuery()
        .processDefinitionKey(PeriodicReportProcess.KEY).processInstanceBusinessKey(PLAN)
        .variableValueEquals(PeriodicReportProcess.PERIOD_LABEL.name(), period).count()).isZero());
  }

  // --- what must survive the migration -----------------------------------------------------------------------------

  /** An open task as the migration must keep it (its definition aside). */
  record OpenTask(String definition, String key, String name, String assignee, List<String> candidateGroups,
      Date due, String processInstanceId, Map<String, String> localVariables) {

    OpenTask withoutDefinition() {
      return new OpenTask(null, key, name, assignee, candidateGroups, due, processInstanceId, localVariables);
    }
  }

  private Map<String, OpenTask> openTasks() {
    Map<String, OpenTask> open = new TreeMap<>();
    for (Task task : taskService.createTaskQuery().processInstanceBusinessKey(PLAN)
        .processDefinitionKey(AgencyReportProcess.KEY).list()) {
      List<String> groups = taskService.getIdentityLinksForTask(task.getId()).stream()
          .filter(link -> "candidate".equals(link.getType())).map(IdentityLink::getGroupId).sorted().toList();
      Map<String, String> local = new TreeMap<>();
      taskService.getVariablesLocal(task.getId()).forEach((name, value) -> local.put(name, String.valueOf(value)));
      open.put(task.getId(), new OpenTask(task.getProcessDefinitionId(), task.getTaskDefinitionKey(), task.getName(),
          task.getAssignee(), groups, task.getDueDate(), task.getProcessInstanceId(), local));
    }
    return open;
  }

  /** Every variable of the instances: its id, type and value. */
  private Map<String, Map<String, String>> variables(List<ProcessInstance> instances) {
    Map<String, Map<String, String>> all = new TreeMap<>();
    for (ProcessInstance instance : instances) {
      Map<String, String> values = new TreeMap<>();
      for (VariableInstance variable : runtime.createVariableInstanceQuery().processInstanceIdIn(instance.getId())
          .disableCustomObjectDeserialization().list()) {
        values.put(variable.getName() + "@" + variable.getActivityInstanceId(), variable.getId() + " "
            + variable.getTypeName() + " " + variable.getValue());
      }
      all.put(instance.getId(), values);
    }
    return all;
  }

  /** The timeout-listener timers of a step, by listener id. */
  private Map<String, Instant> timers(String processInstanceId, String activityId) {
    return management.createJobQuery().processInstanceId(processInstanceId).timers().activityId(activityId).list()
        .stream().collect(Collectors.toMap(PlanMigrationApiTest::listenerOf, job -> job.getDuedate().toInstant()));
  }

  /** {@code Task_DraftReport$taskListener~Reminder_5WorkingDaysBefore} → {@code Reminder_5WorkingDaysBefore}. */
  static String listenerOf(Job job) {
    String configuration = ((JobEntity) job).getJobHandlerConfigurationRaw();
    return configuration.substring(configuration.indexOf('~') + 1);
  }

  /** 08:00 in Vietnam, when reminders go out. */
  static Instant at(LocalDate day) {
    return day.atTime(8, 0).atZone(VN).toInstant();
  }

  private List<JsonNode> reminders(String taskId) {
    List<JsonNode> found = new ArrayList<>();
    get("admin", "/api/notifications?taskId=" + taskId).forEach(message -> {
      if ("REMINDER".equals(message.get("kind").asText())) {
        found.add(message);
      }
    });
    return found;
  }

  // --- Camunda Modeler's Deploy button -------------------------------------------------------------------------------

  /** agency-report of the given version tag with its forms, as Modeler sends it; returns the new definition. */
  private JsonNode deploy(String user, String versionTag) throws IOException, InterruptedException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("agency-report.bpmn", Files.readAllBytes(Path.of("src/test/resources/processowner/migration",
        versionTag, "agency-report.bpmn")));
    for (String form : List.of(AgencyReportProcess.FORM_DRAFT, AgencyReportProcess.FORM_APPROVE)) {
      files.put(form + ".form", Files.readAllBytes(Path.of("forms", form + ".form")));
    }
    ModelerDeploy.Reply response = ModelerDeploy.deploy(port, user, PASSWORD, "agency-report", files);
    assertThat(response.status()).as(response.text()).isEqualTo(200);
    JsonNode definitions = response.json().get("deployedProcessDefinitions");
    assertThat(definitions.size()).isEqualTo(1);
    JsonNode definition = definitions.elements().next();
    assertThat(definition.get("versionTag").asText()).isEqualTo(versionTag);
    return definition;
  }

  // --- helpers -----------------------------------------------------------------------------------------------------

  private static Map<String, JsonNode> byField(JsonNode array, String field) {
    Map<String, JsonNode> result = new LinkedHashMap<>();
    array.forEach(node -> result.put(node.get(field).asText(), node));
    return result;
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.asText()));
    return texts;
  }

  private static Path temporaryFolder() {
    try {
      Path folder = Files.createTempDirectory("pcmt-migrations");
      folder.toFile().deleteOnExit();
      return folder;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
