package vn.pcmt.processowner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The validation CI runs over processes/ and forms/: every diagram, deployed as the start-up deploys it (with the forms
 * it references), passes every check a deployment from Camunda Modeler must pass, against the real application
 * (its beans, process classes, directory and form rules).
 */
@SpringBootTest
@ActiveProfiles({"demo", "test"})
class DiagramValidationTest {

  @Autowired
  DeploymentGate gate;
  @Autowired
  ModelFolders folders;
  @Autowired
  KnowledgeSource knowledge;

  @Test
  void hooksAreTheApplicationsDelegatesAndMarkedMethodsNotItsOtherBeans() {
    Knowledge known = knowledge.current();
    assertThat(known.delegates()).contains("openSubPlanDelegate", "validateFormListener", "recordProposalListener",
        "sendReminderListener")
        .doesNotContain("deadlines", "reminders", "draftSubPlanForm", "agencyRepository", "planController",
            "engineConfig", "dataSource", "runtimeService", "processEngine", "jdbcTemplate", "mailOutbox");
    assertThat(known.hookMethods()).containsOnlyKeys("deadlines", "reminders");
    assertThat(known.hookMethods().get("deadlines"))
        .containsExactlyInAnyOrder("workingDaysFromNow", "daysFromNow", "untilWorkingDaysFromNow");
    assertThat(known.hookMethods().get("reminders")).containsExactlyInAnyOrder("before", "after", "everyAfter");
    assertThat(knowledge.variables()).contains("agencyGroup", "subPlanAccepted", "assignments", "periodDueDate");
  }

  @Test
  void everyDiagramAndFormInTheFoldersPasses() throws Exception {
    List<Path> diagrams;
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      diagrams = files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList();
    }
    assertThat(diagrams).hasSizeGreaterThanOrEqualTo(5);
    Map<String, byte[]> forms = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(Path.of("forms"))) {
      for (Path form : files.filter(f -> f.toString().endsWith(".form")).toList()) {
        forms.put(form.getFileName().toString().replaceFirst("\\.form$", ""), Files.readAllBytes(form));
      }
    }
    for (Path diagram : diagrams) {
      byte[] content = Files.readAllBytes(diagram);
      Map<String, byte[]> deployment = new LinkedHashMap<>();
      deployment.put(diagram.getFileName().toString(), content);
      for (String formId : ProcessDeployer.formRefs(content)) {
        assertThat(forms).as("%s refers to form %s", diagram, formId).containsKey(formId);
        deployment.put(formId + ".form", forms.get(formId));
      }
      assertThat(gate.validate(deployment)).as("findings about %s", diagram).isEmpty();
      assertThat(new DiagramValidator(new Knowledge(java.util.Set.of(), Map.of(), java.util.Set.of(),
          java.util.Set.of(), java.util.Set.of(), java.util.Set.of())).validate(deployment))
          .as("the validation is not vacuous: with an empty application %s fails", diagram).isNotEmpty();
    }
    // every form of the folder, as the start-up reads it, is readable and deployable with its diagram
    assertThat(folders.forms().keySet()).containsAll(forms.keySet());
    assertThat(folders.diagrams().keySet()).hasSize(diagrams.size());
  }
}
