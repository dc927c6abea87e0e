package vn.pcmt.processowner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import vn.pcmt.processowner.DeploymentHistory.Entry;
import vn.pcmt.processowner.DeploymentHistory.Outcome;

/**
 * A process owner deploys a deliberately broken diagram of each kind (src/test/resources/processowner/broken/): the
 * engine refuses it before parsing it, the message names the file, the element's id and name and what to fix, nothing
 * is deployed, and the deployment history keeps the refusal. The same diagram, unbroken, is accepted. The start-up
 * path refuses it the same way.
 */
@SpringBootTest
@ActiveProfiles({"demo", "test"})
class DeploymentValidationTest {

  static final String FILE = "owner-check.bpmn";
  static final String NAME = "owner-check";

  @Autowired
  RepositoryService repository;
  @Autowired
  IdentityService identity;
  @Autowired
  DeploymentHistory history;
  @Autowired
  ProcessDeployer deployer;

  @AfterEach
  void signOut() {
    identity.clearAuthentication();
  }

  @Test
  void aHookThatDoesNotExist() {
    Finding finding = refused("broken/missing-bean.bpmn", form("draft-sub-plan"), "missing-bean");
    assertThat(finding.elementId()).isEqualTo("Task_SubmitCheck");
    assertThat(finding.elementName()).isEqualTo("Gửi kế hoạch");
    assertThat(finding.problem()).contains("${submitSubPlanDelegat}").contains("không có hook");
    assertThat(finding.fix()).contains("${submitSubPlanDelegate}").contains("docs/process-owners.md");
  }

  @Test
  void aFormThatDoesNotExist() {
    Finding finding = refused("broken/missing-form.bpmn", form("draft-sub-plan"), "missing-form");
    assertThat(finding.elementId()).isEqualTo("Task_DraftCheck");
    assertThat(finding.elementName()).isEqualTo("Soạn kế hoạch kiểm tra");
    assertThat(finding.problem()).contains("'draft-subplan'").contains("forms/ không có biểu mẫu");
    assertThat(finding.fix()).contains("Form reference").contains("'draft-sub-plan'");
  }

  @Test
  void aGroupTheDirectoryDoesNotKnow() {
    Finding finding = refused("broken/unknown-group.bpmn", form("draft-sub-plan"), "unknown-group");
    assertThat(finding.elementId()).isEqualTo("Task_DraftCheck");
    assertThat(finding.problem()).contains("'SOYTE'").contains("danh bạ cơ quan không có");
    assertThat(finding.fix()).contains("${agencyGroup}").contains("${secretariatGroup}").contains("SYTLD");
  }

  @Test
  void aUserTaskWithoutDueDate() {
    Finding finding = refused("broken/no-due-date.bpmn", form("draft-sub-plan"), "no-due-date");
    assertThat(finding.elementId()).isEqualTo("Task_DraftCheck");
    assertThat(finding.elementName()).isEqualTo("Soạn kế hoạch kiểm tra");
    assertThat(finding.problem()).contains("chưa có hạn xử lý").contains("Due date");
    assertThat(finding.fix()).contains("${deadlines.workingDaysFromNow(5)}");
  }

  @Test
  void aLintError() {
    Finding finding = refused("broken/lint-implicit-split.bpmn", form("draft-sub-plan"), "lint:no-implicit-split");
    assertThat(finding.elementId()).isEqualTo("Task_DraftCheck");
    assertThat(finding.problem()).contains("luồng đi ra không điều kiện");
    assertThat(finding.fix()).contains("Exclusive gateway");
  }

  @Test
  void aProcessWithoutHistoryTimeToLive() {
    Finding finding = refused("broken/no-history-time-to-live.bpmn", form("draft-sub-plan"), "history-time-to-live");
    assertThat(finding.elementId()).isEqualTo(NAME);
    assertThat(finding.elementName()).isEqualTo("Kiểm tra triển khai");
    assertThat(finding.fix()).contains("Time to live").contains("3650");
  }

  @Test
  void aDiagramDeployedWithoutItsForms() {
    Finding finding = refused("owner-check.bpmn", Map.of(), "form-not-attached");
    assertThat(finding.elementId()).isEqualTo("Task_DraftCheck");
    assertThat(finding.fix()).contains("Include additional files").contains("draft-sub-plan.form");
  }

  @Test
  void aFormWithoutAFieldTheApplicationReads() {
    String form = new String(form("draft-sub-plan").get("draft-sub-plan.form"), StandardCharsets.UTF_8)
        .replace("\"key\": \"subPlanSummary\"", "\"key\": \"summary\"");
    Finding finding = refused("owner-check.bpmn",
        Map.of("draft-sub-plan.form", form.getBytes(StandardCharsets.UTF_8)), "form-field");
    assertThat(finding.elementId()).isEqualTo("Task_DraftCheck");
    assertThat(finding.problem()).contains("'subPlanSummary'");
  }

  @Test
  void theSameDiagramUnbrokenIsDeployedAndRecorded() {
    DeploymentWithDefinitions deployment = asProcessOwner(() -> deploy(diagram("owner-check.bpmn"),
        form("draft-sub-plan")));
    assertThat(deployment.getDeployedProcessDefinitions()).singleElement()
        .satisfies(definition -> assertThat(definition.getKey()).isEqualTo(NAME));
    assertThat(repository.getDeploymentResourceNames(deployment.getId()))
        .containsExactlyInAnyOrder(FILE, "draft-sub-plan.form");
    Entry recorded = history.list(1).get(0);
    assertThat(recorded.outcome()).isEqualTo(Outcome.ACCEPTED);
    assertThat(recorded.by()).isEqualTo(ProcessOwnerDemoUser.USER);
    assertThat(recorded.validated()).isTrue();
    assertThat(recorded.deploymentId()).isEqualTo(deployment.getId());
    assertThat(recorded.processes()).singleElement().asString().startsWith(NAME + " v");
    assertThat(recorded.findings()).isEmpty();
  }

  @Test
  void theStartUpPathRefusesTheSame() {
    long deployments = repository.createDeploymentQuery().count();
    DiagramRefusedException refusal = catchThrowableOfType(DiagramRefusedException.class,
        () -> deployer.deploy(FILE, diagram("broken/no-due-date.bpmn"), Map.of("draft-sub-plan",
            form("draft-sub-plan").get("draft-sub-plan.form"))));
    assertThat(refusal.findings()).extracting(Finding::check).containsExactly("no-due-date");
    assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
    Entry recorded = history.list(1).get(0);
    assertThat(recorded.by()).isEqualTo(DeploymentGate.STARTUP);
    assertThat(recorded.outcome()).isEqualTo(Outcome.REFUSED);
  }

  /**
   * Deploys the broken diagram as a process owner would from Camunda Modeler and returns its only finding, after
   * checking the refusal's message and that nothing was deployed and the refusal was recorded.
   */
  private Finding refused(String diagram, Map<String, byte[]> forms, String check) {
    long deployments = repository.createDeploymentQuery().count();
    DiagramRefusedException refusal = catchThrowableOfType(DiagramRefusedException.class,
        () -> asProcessOwner(() -> deploy(diagram(diagram), forms)));
    assertThat(refusal).as("refusal of %s", diagram).isNotNull().isInstanceOf(ParseException.class);
    assertThat(refusal.findings()).as("findings about %s", diagram).extracting(Finding::check)
        .containsExactly(check);
    Finding finding = refusal.findings().get(0);
    assertThat(finding.file()).isEqualTo(FILE);
    String where = FILE + " › " + finding.elementId()
        + (finding.elementName() == null ? "" : " «" + finding.elementName() + "»");
    assertThat(refusal.getMessage()).startsWith("Không triển khai: 1 lỗi").contains(where + ": " + finding.problem())
        .contains("Cách sửa: " + finding.fix());
    assertThat(refusal.getResorceReports()).singleElement().satisfies(report -> {
      assertThat(report.getResourceName()).isEqualTo(FILE);
      assertThat(report.getErrors()).singleElement().satisfies(problem -> {
        assertThat(problem.getMainElementId()).isEqualTo(finding.elementId());
        assertThat(problem.getLine()).isPositive();
      });
    });
    assertThat(repository.createDeploymentQuery().count()).as("nothing deployed").isEqualTo(deployments);

    Entry recorded = history.list(1).get(0);
    assertThat(recorded.outcome()).isEqualTo(Outcome.REFUSED);
    assertThat(recorded.by()).isEqualTo(ProcessOwnerDemoUser.USER);
    assertThat(recorded.name()).isEqualTo(NAME);
    assertThat(recorded.resources()).contains(FILE);
    assertThat(recorded.deploymentId()).isNull();
    assertThat(recorded.findings()).containsExactly(finding.text());
    return finding;
  }

  private DeploymentWithDefinitions deploy(byte[] diagram, Map<String, byte[]> forms) {
    DeploymentBuilder builder = repository.createDeployment().name(NAME).source("Camunda Modeler")
        .addString(FILE, new String(diagram, StandardCharsets.UTF_8));
    forms.forEach((name, content) -> builder.addString(name, new String(content, StandardCharsets.UTF_8)));
    return builder.deployWithResult();
  }

  private <T> T asProcessOwner(java.util.function.Supplier<T> action) {
    identity.setAuthentication(ProcessOwnerDemoUser.USER, List.of(ProcessOwners.GROUP));
    try {
      return action.get();
    } finally {
      identity.clearAuthentication();
    }
  }

  static byte[] diagram(String path) {
    try (InputStream in = DeploymentValidationTest.class.getResourceAsStream("/processowner/" + path)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static Map<String, byte[]> form(String id) {
    try {
      Map<String, byte[]> forms = new LinkedHashMap<>();
      forms.put(id + ".form", Files.readAllBytes(Path.of("forms", id + ".form")));
      return forms;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
