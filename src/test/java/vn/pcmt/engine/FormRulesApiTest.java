package vn.pcmt.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import vn.pcmt.ApiTestSupport;

/**
 * What Tasklist refuses, Camunda's REST API refuses: one plan is driven through every user task of every diagram
 * (found in processes/, so a new task is covered without changing this test) over {@code /engine-rest}, with
 * authorization on, each task by a user of its candidate group. At the first visit of each task, and at the plan's
 * start form, each required field the form shows is left out in turn: 400 with the field's Vietnamese message. Then
 * the form is completed validly: a decision returns the first time (so the revising steps are visited too) and
 * approves after.
 */
class FormRulesApiTest extends ApiTestSupport {

  static final String PLAN = "77/KH-UBND";
  static final String SECRETARIAT = "PTM";

  private final Map<String, Integer> visits = new HashMap<>();
  private final List<String> refusalsSeen = new ArrayList<>();

  @Test
  void everyUserTaskRefusesEachMissingRequiredFieldOverRestAndAcceptsAValidForm() throws IOException {
    setClock(LocalDateTime.of(2023, 6, 1, 8, 30));
    String instance = startThroughTheStartForm();

    for (int step = 0; step < 400 && !ended(instance); step++) {
      List<JsonNode> open = openTasks();
      if (open.isEmpty()) {
        // nothing to do until a timer fires: the next period opens, a cut-off passes
        if (!somethingHappens(instance)) {
          setClock(today().plusDays(3).atTime(8, 30));
        }
        continue;
      }
      work(open.get(0));
    }

    assertThat(ended(instance)).as("the plan ran to its end").isTrue();
    assertThat(visits.keySet()).as("every user task of every diagram was completed over REST")
        .containsExactlyInAnyOrderElementsOf(userTasksOfTheDiagrams());
    assertThat(refusalsSeen).as("required fields refused").hasSizeGreaterThanOrEqualTo(visits.size())
        .contains("Task_ApproveIssuance issuanceComment", "Task_AppraiseCommendations commendationDossier[0].awardForm",
            "start form assignments[0].duty", "start form indicators[0].baseline",
            "Task_DraftReport indicatorFigures[0].numerator", "Task_DraftReport indicatorFigures[0].met");
  }

  /** The plan's start form as Tasklist submits it: each required field missing, then complete. */
  private String startThroughTheStartForm() {
    String path = "/engine-rest/process-definition/key/plan-lifecycle/";
    String user = officer(SECRETARIAT);
    FormFiller form = new FormFiller(get(user, path + "deployed-start-form"), today());
    Map<String, Object> data = form.fill(plan(), false);
    for (FormFiller.Missing missing : form.eachRequiredMissing(data)) {
      assertRefused(call(user, "POST", path + "submit-form", Map.of("variables",
          restVariables(missing.submission()))), "start form", missing);
    }
    Response started = call(user, "POST", path + "submit-form", Map.of("variables",
        restVariables(form.submission(data))));
    assertThat(started.status()).as(started.text()).isEqualTo(200);
    return started.json().get("id").asText();
  }

  private void work(JsonNode task) {
    String key = task.get("taskDefinitionKey").asText();
    int visit = visits.merge(key, 1, Integer::sum);
    String user = candidateUser(task);
    String id = task.get("id").asText();
    FormFiller form = new FormFiller(get(user, "/engine-rest/task/" + id + "/deployed-form"), today());
    Map<String, Object> data = form.fill(formVariables(user, id), visit == 1);
    if (visit == 1) {
      for (FormFiller.Missing missing : form.eachRequiredMissing(data)) {
        assertRefused(trySubmit(user, task, missing.submission()), key, missing);
      }
    }
    submit(user, task, form.submission(data));
  }

  private void assertRefused(Response response, String step, FormFiller.Missing missing) {
    assertThat(response.status()).as("%s without %s: %s", step, missing.where(), response.text()).isEqualTo(400);
    assertThat(response.json().get("message").asText()).as("%s without %s", step, missing.where())
        .contains("'" + missing.label() + "' là bắt buộc.");
    refusalsSeen.add(step + " " + missing.where());
  }

  /** The user whose inbox holds the task: an officer of its group, or a head of a head group (code + LD). */
  private String candidateUser(JsonNode task) {
    JsonNode links = get("admin", "/engine-rest/task/" + task.get("id").asText() + "/identity-links?type=candidate");
    String group = links.get(0).get("groupId").asText();
    return group.endsWith("LD") ? head(group.substring(0, group.length() - 2)) : officer(group);
  }

  /** The task's variables as Tasklist loads them into the form: JSON as maps and lists. */
  private Map<String, Object> formVariables(String user, String taskId) {
    JsonNode variables = get(user, "/engine-rest/task/" + taskId + "/form-variables?deserializeValues=false");
    Map<String, Object> data = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = variables.fields(); it.hasNext();) {
      Map.Entry<String, JsonNode> variable = it.next();
      String type = variable.getValue().path("type").asText();
      JsonNode value = variable.getValue().get("value");
      if ("Json".equals(type)) {
        data.put(variable.getKey(), JSON.convertValue(readJson(value.asText()), Object.class));
      } else if (!"Object".equals(type) && !"File".equals(type) && !"Bytes".equals(type)) {
        data.put(variable.getKey(), JSON.convertValue(value, Object.class));
      }
    }
    return data;
  }

  private List<JsonNode> openTasks() {
    Response response = call("admin", "POST", "/engine-rest/task?sortBy=created&sortOrder=asc",
        Map.of("processInstanceBusinessKey", PLAN));
    assertThat(response.status()).as(response.text()).isEqualTo(200);
    List<JsonNode> tasks = new ArrayList<>();
    response.json().forEach(tasks::add);
    return tasks;
  }

  /** Waits a little for the job executor: a task appears or the plan ends. */
  private boolean somethingHappens(String instance) {
    try {
      await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(200))
          .until(() -> !openTasks().isEmpty() || ended(instance));
      return true;
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      return false;
    }
  }

  private boolean ended(String instance) {
    return "COMPLETED".equals(get("admin", "/engine-rest/history/process-instance/" + instance).path("state")
        .asText());
  }

  private static Set<String> userTasksOfTheDiagrams() throws IOException {
    Set<String> ids = new TreeSet<>();
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
        Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(UserTask.class).stream()
            .map(UserTask::getId).forEach(ids::add);
      }
    }
    assertThat(ids).isNotEmpty();
    return ids;
  }

  /** One agency, one report, sub-plans and a year-end commendation: every diagram runs. */
  private static Map<String, Object> plan() {
    Map<String, Object> plan = new LinkedHashMap<>();
    plan.put("planNumber", PLAN);
    plan.put("planTitle", "Kế hoạch kiểm tra quy tắc biểu mẫu");
    plan.put("issueDate", "2023-05-31");
    plan.put("legalBases", "Luật Phòng, chống ma túy năm 2021");
    plan.put("subPlanDeadline", "2023-06-20");
    plan.put("assignments", List.of(new LinkedHashMap<>(Map.of("targetType", "AGENCY", "target", "SYT",
        "role", "LEAD", "duty", "Tổ chức tuyên truyền."))));
    plan.put("reportingPeriods", List.of(new LinkedHashMap<>(Map.of("label", "Tháng hành động",
        "dueDate", "2023-07-03"))));
    // one indicator of each kind: the start form's and the report form's inputs shown by kind are each visited
    plan.put("indicators", List.of(
        new LinkedHashMap<>(Map.of("name", "Số buổi tuyên truyền", "unit", "buổi", "target", 20)),
        new LinkedHashMap<>(Map.of("name", "Hộ gia đình ký cam kết", "unit", "%", "kind", "PERCENTAGE",
            "target", 100)),
        new LinkedHashMap<>(Map.of("name", "Kinh phí hỗ trợ", "unit", "triệu đồng", "kind", "AMOUNT",
            "comparison", "AT_MOST", "target", 50)),
        new LinkedHashMap<>(Map.of("name", "Có hòm thư tố giác", "kind", "CRITERION")),
        new LinkedHashMap<>(Map.of("name", "Số vụ phát hiện", "unit", "vụ", "kind", "RELATIVE", "target", 5,
            "baseline", 40, "baselineYear", 2022))));
    plan.put("recipients", "Bộ Công an");
    plan.put("yearEndCommendation", true);
    return plan;
  }

  private static JsonNode readJson(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
