package vn.pcmt.processowner.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;

/** The process owner's mapping file: its form, which entry applies to which versions, and refusals in words. */
class MigrationMappingFileTest {

  static final String EXAMPLE = """
      # agency-report: Task_DraftReport was renamed in 1.2
      migrations:
        - from: "1.1"
          to: "1.2"
          map:
            Task_DraftReport: Task_PrepareReport
        - from: v1
          map:
            Task_Old: Task_New
          updateEventTriggers: false
      """;

  static ProcessDefinition definition(int version, String versionTag) {
    return (ProcessDefinition) Proxy.newProxyInstance(ProcessDefinition.class.getClassLoader(),
        new Class<?>[] {ProcessDefinition.class}, (proxy, method, args) -> switch (method.getName()) {
          case "getVersion" -> version;
          case "getVersionTag" -> versionTag;
          case "getKey" -> "agency-report";
          default -> null;
        });
  }

  static MappingFile parse(String yaml) {
    return MappingFile.parse("agency-report.migration.yaml", yaml.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void theFirstEntryForTheVersionsApplies() {
    MappingFile file = parse(EXAMPLE);
    MappingFile.Rule renamed = file.ruleFor(definition(2, "1.1"), definition(3, "1.2")).orElseThrow();
    assertThat(renamed.map()).containsExactly(Map.entry("Task_DraftReport", "Task_PrepareReport"));
    assertThat(renamed.updateEventTriggers()).as("timers follow the new diagram unless said").isTrue();
    assertThat(renamed.describe()).isEqualTo("from 1.1 to 1.2");

    // "v1" names version 1 whatever its tag; no "to": any target
    MappingFile.Rule fromFirst = file.ruleFor(definition(1, "1.0"), definition(5, "2.0")).orElseThrow();
    assertThat(fromFirst.map()).containsOnlyKeys("Task_Old");
    assertThat(fromFirst.updateEventTriggers()).isFalse();

    assertThat(file.ruleFor(definition(2, "1.1"), definition(4, "1.3"))).isEmpty();
  }

  @Test
  void anEmptyFileHasNoEntries() {
    assertThat(parse("# nothing yet\n").rules()).isEmpty();
  }

  @Test
  void aFileOfAnotherFormIsRefusedSayingWhatToWrite() {
    assertThatThrownBy(() -> parse("map:\n  Task_A: Task_B\n")).isInstanceOf(MigrationRequestException.class)
        .hasMessageStartingWith("Tệp ánh xạ agency-report.migration.yaml sai dạng: phải có mục 'migrations:'");
    assertThatThrownBy(() -> parse("migrations:\n  - from: v1\n    mapping:\n      Task_A: Task_B\n"))
        .hasMessageContaining("có khóa 'mapping' không dùng được");
    assertThatThrownBy(() -> parse("migrations:\n  - map:\n      Task_A:\n"))
        .hasMessageContaining("bước 'Task_A' (phần tử thứ 1) phải được ánh xạ tới mã một bước của phiên bản mới");
    assertThatThrownBy(() -> parse("migrations:\n  - updateEventTriggers: maybe\n"))
        .hasMessageContaining("'updateEventTriggers' của phần tử thứ 1 phải là true hoặc false");
    assertThatThrownBy(() -> parse("migrations: [\n")).hasMessageContaining("không phải YAML hợp lệ");
  }

  @Test
  void mappingFilesLiveNextToTheDiagrams() {
    assertThat(MigrationMappings.siblingsOf("classpath*:processes/*.bpmn"))
        .isEqualTo("classpath*:processes/*.migration.yaml");
    assertThat(MigrationMappings.siblingsOf("file:/srv/pcmt/processes/*.bpmn"))
        .isEqualTo("file:/srv/pcmt/processes/*.migration.yaml");
    assertThat(MappingFile.fileNameOf("agency-report")).isEqualTo("agency-report.migration.yaml");
  }

  @Test
  void theEnginesReasonsAreExplainedInVietnamese() {
    assertThat(EngineReasons.explain("There is no migration instruction for this instance's activity"))
        .startsWith("Phiên bản mới không có bước nào cùng mã với bước này").contains("migration.yaml");
    assertThat(EngineReasons.explain("Target activity 'Task_Prepare' does not exist"))
        .startsWith("Tệp ánh xạ chuyển sang bước 'Task_Prepare', nhưng phiên bản mới không có bước này.");
    assertThat(EngineReasons.explain("Activities have incompatible types (UserTaskActivityBehavior is not compatible"
        + " with ServiceTaskActivityBehavior)")).startsWith("Hai bước khác loại (việc người làm (User task) không"
            + " chuyển được sang việc hệ thống (Service task))");
    assertThat(EngineReasons.explain("Something new")).isEqualTo("Camunda từ chối: Something new");
  }
}
