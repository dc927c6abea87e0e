package vn.pcmt.processowner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import vn.pcmt.subplan.SubPlanProcess;

/** Diagrams deploy with their forms; an unchanged diagram is not deployed again, an edited one is a new version. */
@SpringBootTest
@ActiveProfiles({"demo", "test"})
class ProcessDeployerTest {

  @Autowired
  ProcessDeployer deployer;
  @Autowired
  RepositoryService repository;

  @Test
  void deploysOnlyWhatChangedTogetherWithItsForms() throws Exception {
    ProcessDefinition before = latest();
    Map<String, byte[]> forms = new HashMap<>();
    for (String id : new String[] {"draft-sub-plan", "approve-sub-plan", "review-sub-plan"}) {
      forms.put(id, Files.readAllBytes(Path.of("forms", id + ".form")));
    }
    String diagram = Files.readString(Path.of("processes", "agency-sub-plan.bpmn"));

    DeploymentWithDefinitions unchanged = deployer.deploy("agency-sub-plan.bpmn",
        diagram.getBytes(StandardCharsets.UTF_8), forms);
    assertThat(unchanged.getDeployedProcessDefinitions()).isNullOrEmpty();
    assertThat(latest().getVersion()).isEqualTo(before.getVersion());

    String edited = diagram.replace("name=\"Lãnh đạo cơ quan duyệt kế hoạch\"",
        "name=\"Lãnh đạo cơ quan phê duyệt kế hoạch\"");
    assertThat(edited).isNotEqualTo(diagram);
    DeploymentWithDefinitions changed = deployer.deploy("agency-sub-plan.bpmn",
        edited.getBytes(StandardCharsets.UTF_8), forms);
    assertThat(changed.getDeployedProcessDefinitions()).hasSize(1);
    assertThat(latest().getVersion()).isEqualTo(before.getVersion() + 1);
    assertThat(repository.getDeploymentResourceNames(changed.getId()))
        .containsExactlyInAnyOrder("agency-sub-plan.bpmn", "draft-sub-plan.form", "approve-sub-plan.form",
            "review-sub-plan.form");

    forms.remove("review-sub-plan");
    assertThatThrownBy(() -> deployer.deploy("agency-sub-plan.bpmn", edited.getBytes(StandardCharsets.UTF_8), forms))
        .hasMessageContaining("review-sub-plan");
  }

  private ProcessDefinition latest() {
    return repository.createProcessDefinitionQuery().processDefinitionKey(SubPlanProcess.KEY).latestVersion()
        .singleResult();
  }
}
