package vn.pcmt.processowner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

import vn.pcmt.ApiTestSupport;
import vn.pcmt.plan.PlanLifecycleProcess;
import vn.pcmt.processowner.ModelerDeploy.Reply;
import vn.pcmt.subplan.SubPlanProcess;

/**
 * Camunda Modeler's Deploy button, as its HTTP request (multipart POST /engine-rest/deployment/create, HTTP Basic):
 * a process owner deploys a changed diagram with its forms and plans issued afterwards use it, while a task created
 * before keeps its form version; an officer is refused with 403; a faulty diagram is refused with 400 and the
 * findings per element; the history shows all of it to process owners only.
 */
@TestPropertySource(properties = {
    // a Spring context of its own: Camunda's REST API finds its engine by name in a JVM-wide registry, so this class
    // must run against the engine it started, not one a cached context of another class started
    "pcmt.process-owner.forms=classpath*:forms/*.form"})
class ProcessOwnerDeploymentApiTest extends ApiTestSupport {

  static final String OWNER = ProcessOwnerDemoUser.USER;
  static final String OLD_NAME = "Xây dựng kế hoạch triển khai";
  static final String NEW_NAME = "Xây dựng và gửi kế hoạch triển khai";
  static final String OLD_LABEL = "\"label\": \"Tóm tắt nội dung\"";
  static final String NEW_LABEL = "\"label\": \"Tóm tắt nội dung kế hoạch của cơ quan\"";

  @Test
  void aProcessOwnerDeploysFromModelerAndPlansIssuedAfterwardsUseTheNewVersion() throws Exception {
    JsonNode before = latestSubPlanDefinition();
    JsonNode oldTask = issuePlanAndAwaitDraft("71/KH-UBND-QT");
    assertThat(oldTask.get("name").asText()).isEqualTo(OLD_NAME);

    // an officer may not deploy: the engine's authorization answers 403, nothing is deployed
    Map<String, byte[]> changed = changedSubPlan();
    Reply officer = deploy(officer("SYT"), changed);
    assertThat(officer.status()).as(officer.text()).isEqualTo(403);
    assertThat(latestSubPlanDefinition().get("version").asInt()).isEqualTo(before.get("version").asInt());

    // the process owner may
    Reply owner = deploy(OWNER, changed);
    assertThat(owner.status()).as(owner.text()).isEqualTo(200);
    JsonNode definitions = owner.json().get("deployedProcessDefinitions");
    assertThat(definitions.size()).isEqualTo(1);
    JsonNode deployed = definitions.elements().next();
    assertThat(deployed.get("key").asText()).isEqualTo(SubPlanProcess.KEY);
    assertThat(deployed.get("version").asInt()).isEqualTo(before.get("version").asInt() + 1);
    assertThat(latestSubPlanDefinition().get("id").asText()).isEqualTo(deployed.get("id").asText());

    // a plan issued afterwards runs the new version, with its new form
    JsonNode newTask = issuePlanAndAwaitDraft("72/KH-UBND-QT");
    assertThat(newTask.get("name").asText()).isEqualTo(NEW_NAME);
    assertThat(newTask.get("processDefinitionId").asText()).isEqualTo(deployed.get("id").asText());
    assertThat(deployedForm(newTask)).contains(NEW_LABEL).doesNotContain(OLD_LABEL);
    // the task created before keeps its diagram and the form version it was created with
    assertThat(oldTask.get("processDefinitionId").asText()).isEqualTo(before.get("id").asText());
    assertThat(deployedForm(oldTask)).contains(OLD_LABEL).doesNotContain(NEW_LABEL);

    // the history: who deployed what, when, and that it was accepted; for process owners and administrators only
    JsonNode accepted = get(OWNER, "/api/deployments?limit=5").get(0);
    assertThat(accepted.get("by").asText()).isEqualTo(OWNER);
    assertThat(accepted.get("outcome").asText()).isEqualTo("ACCEPTED");
    assertThat(accepted.get("validated").asBoolean()).isTrue();
    assertThat(accepted.get("source").asText()).isEqualTo("Camunda Modeler");
    assertThat(accepted.get("deploymentId").asText()).isEqualTo(owner.json().get("id").asText());
    assertThat(accepted.get("processes").get(0).asText())
        .isEqualTo(SubPlanProcess.KEY + " v" + deployed.get("version").asInt());
    assertThat(texts(accepted.get("resources"))).containsExactlyInAnyOrderElementsOf(changed.keySet());
    assertThat(accepted.get("at").asText()).isNotBlank();
    assertThat(get("admin", "/api/deployments").size()).isGreaterThanOrEqualTo(1);
    assertThat(call(officer("SYT"), "GET", "/api/deployments", null).status()).isEqualTo(403);
    assertThat(call(null, "GET", "/api/deployments", null).status()).isEqualTo(401);
  }

  @Test
  void aFaultyDiagramIsRefusedWithTheFindingsModelerShows() throws Exception {
    int deploymentsBefore = get("admin", "/engine-rest/deployment/count").get("count").asInt();
    Map<String, byte[]> faulty = subPlanWithForms();
    String diagram = new String(faulty.get("agency-sub-plan.bpmn"), StandardCharsets.UTF_8)
        .replaceFirst("(<bpmn:userTask id=\"Task_ReviewSubPlan\"[^>]*?) camunda:dueDate=\"[^\"]*\"", "$1");
    faulty.put("agency-sub-plan.bpmn", diagram.getBytes(StandardCharsets.UTF_8));

    Reply refused = deploy(OWNER, faulty);
    assertThat(refused.status()).as(refused.text()).isEqualTo(400);
    // a ParseException to Camunda Modeler, which then lists the problems per element
    assertThat(refused.json().get("type").asText()).isEqualTo("ParseException");
    assertThat(refused.json().get("message").asText()).startsWith("Không triển khai: 1 lỗi")
        .contains("agency-sub-plan.bpmn › Task_ReviewSubPlan «Thường trực xem xét kế hoạch»: Việc chưa có hạn xử lý")
        .contains("Cách sửa: Nhập hạn xử lý");
    JsonNode error = refused.json().get("details").get("agency-sub-plan.bpmn").get("errors").get(0);
    assertThat(error.get("mainElementId").asText()).isEqualTo("Task_ReviewSubPlan");
    assertThat(error.get("line").asInt()).isPositive();
    assertThat(error.get("message").asText()).contains("[no-due-date]");

    assertThat(get("admin", "/engine-rest/deployment/count").get("count").asInt()).isEqualTo(deploymentsBefore);
    JsonNode recorded = get(OWNER, "/api/deployments?limit=1").get(0);
    assertThat(recorded.get("outcome").asText()).isEqualTo("REFUSED");
    assertThat(recorded.get("by").asText()).isEqualTo(OWNER);
    assertThat(recorded.has("deploymentId")).as("no deployment id: %s", recorded).isFalse();
    assertThat(recorded.get("findings").get(0).asText()).contains("Task_ReviewSubPlan").contains("[no-due-date]");
  }

  // --- helpers ---------------------------------------------------------------------------------------------------

  /** Registers a plan for Sở Y tế as the secretariat, issues it as the chairman, returns Sở Y tế's draft task. */
  private JsonNode issuePlanAndAwaitDraft(String planNumber) {
    Map<String, Object> plan = Map.of("planNumber", planNumber,
        "planTitle", "Kế hoạch tuyên truyền phòng, chống ma túy (kiểm thử triển khai sơ đồ)",
        "issueDate", "2024-03-04", "subPlanDeadline", "2043-03-16", "subPlanDeadlinePhrase", "trước ngày 16/03/2043",
        "assignments", List.of(Map.of("targetType", "AGENCY", "target", "SYT", "role", "LEAD",
            "duty", "Chủ trì tuyên truyền trong ngành y tế.")),
        "reportingPeriods", List.of(Map.of("label", "Năm 2043", "dueDate", "2043-12-15")),
        "yearEndCommendation", false);
    Response registered = call(officer("PTM"), "POST", "/api/plans", plan);
    assertThat(registered.status()).as(registered.text()).isEqualTo(201);
    JsonNode approval = awaitTask(head("UBNDT"), PlanLifecycleProcess.TASK_APPROVE_ISSUANCE, planNumber, null);
    submit(head("UBNDT"), approval, vars(PlanLifecycleProcess.ISSUANCE_APPROVED.name(), true));
    return awaitTask(officer("SYT"), SubPlanProcess.TASK_DRAFT_SUB_PLAN, planNumber, null);
  }

  private JsonNode latestSubPlanDefinition() {
    return get("admin", "/engine-rest/process-definition/key/" + SubPlanProcess.KEY);
  }

  private String deployedForm(JsonNode task) {
    Response form = call("admin", "GET", "/engine-rest/task/" + task.get("id").asText() + "/deployed-form", null);
    assertThat(form.status()).as(form.text()).isEqualTo(200);
    return form.text();
  }

  /** The sub-plan diagram as a process owner changes it in Modeler: a renamed task and a relabelled form field. */
  private static Map<String, byte[]> changedSubPlan() throws IOException {
    Map<String, byte[]> files = subPlanWithForms();
    String diagram = new String(files.get("agency-sub-plan.bpmn"), StandardCharsets.UTF_8);
    String renamed = diagram.replace("id=\"Task_DraftSubPlan\" name=\"" + OLD_NAME + "\"",
        "id=\"Task_DraftSubPlan\" name=\"" + NEW_NAME + "\"");
    assertThat(renamed).isNotEqualTo(diagram);
    files.put("agency-sub-plan.bpmn", renamed.getBytes(StandardCharsets.UTF_8));
    String form = new String(files.get("draft-sub-plan.form"), StandardCharsets.UTF_8);
    String relabelled = form.replace(OLD_LABEL, NEW_LABEL);
    assertThat(relabelled).isNotEqualTo(form);
    files.put("draft-sub-plan.form", relabelled.getBytes(StandardCharsets.UTF_8));
    return files;
  }

  /** What Modeler sends: the diagram and, as "additional files", the forms it references. */
  private static Map<String, byte[]> subPlanWithForms() throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("agency-sub-plan.bpmn", Files.readAllBytes(Path.of("processes", "agency-sub-plan.bpmn")));
    for (String form : List.of(SubPlanProcess.FORM_DRAFT, SubPlanProcess.FORM_APPROVE, SubPlanProcess.FORM_REVIEW)) {
      files.put(form + ".form", Files.readAllBytes(Path.of("forms", form + ".form")));
    }
    return files;
  }

  /** POST /engine-rest/deployment/create as Camunda Modeler sends it. */
  private Reply deploy(String user, Map<String, byte[]> files) throws IOException, InterruptedException {
    return ModelerDeploy.deploy(port, user, PASSWORD, "agency-sub-plan", files);
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.asText()));
    return texts;
  }
}
