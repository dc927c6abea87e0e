package vn.pcmt.processowner.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the mapping file is found: deployed with the new version (Modeler's "Include additional files") before the
 * one next to the diagrams, on a bare engine.
 */
class MigrationMappingsTest {

  static ProcessEngine engine;
  static RepositoryService repository;

  @BeforeAll
  static void startEngine() {
    engine = MigrationEngineBehaviourTest.engine("migration-mappings", true);
    repository = engine.getRepositoryService();
  }

  @AfterAll
  static void stopEngine() {
    engine.close();
  }

  static BpmnModelInstance diagram(String key, String versionTag, String taskId) {
    return Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1).camundaVersionTag(versionTag).startEvent()
        .userTask(taskId).endEvent().done();
  }

  static String file(String from, String to, String oldId, String newId) {
    return "migrations:\n  - from: \"" + from + "\"\n    to: \"" + to + "\"\n    map:\n      " + oldId + ": " + newId
        + "\n";
  }

  @Test
  void theFileDeployedWithTheNewVersionComesFirstThenTheFolder(@TempDir Path folder) throws IOException {
    ProcessDefinition v1 = repository.createDeployment().addModelInstance("mapped.bpmn",
        diagram("mapped", "1.0", "Task_Old")).deployWithResult().getDeployedProcessDefinitions().get(0);
    ProcessDefinition v2 = repository.createDeployment().addModelInstance("mapped.bpmn",
        diagram("mapped", "2.0", "Task_New"))
        .addString("mapped.migration.yaml", file("1.0", "2.0", "Task_Old", "Task_New"))
        .deployWithResult().getDeployedProcessDefinitions().get(0);
    ProcessDefinition v3 = repository.createDeployment().addModelInstance("mapped.bpmn",
        diagram("mapped", "3.0", "Task_Newer")).deployWithResult().getDeployedProcessDefinitions().get(0);
    Files.writeString(folder.resolve("mapped.migration.yaml"), file("v1", "v3", "Task_Old", "Task_Newer")
        + "  - from: \"1.0\"\n    to: \"2.0\"\n    map:\n      Task_Old: Task_Elsewhere\n", StandardCharsets.UTF_8);
    MigrationMappings mappings = new MigrationMappings(repository, "classpath*:nothing-here/*.bpmn",
        folder.toUri() + "*.migration.yaml");

    MigrationMappings.Found deployed = mappings.find(v1, v2).orElseThrow();
    assertThat(deployed.rule().map()).containsEntry("Task_Old", "Task_New");
    assertThat(deployed.location()).isEqualTo("triển khai mapped v2 › mapped.migration.yaml");

    MigrationMappings.Found next = mappings.find(v1, v3).orElseThrow();
    assertThat(next.rule().map()).containsEntry("Task_Old", "Task_Newer");
    assertThat(next.location()).isEqualTo("mapped.migration.yaml");

    assertThat(mappings.find(v2, v3)).isEmpty();
  }
}
