package vn.pcmt.processowner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Camunda Modeler's linter (bpmnlint recommended + camunda-compat camunda-platform-7-24, as .ci/run installs it into
 * .ci/lint) passes every diagram of processes/, and the Java rules that stand in for it where Node.js is missing find
 * exactly what it finds. Skipped when the linter is not installed (BPMNLINT_HOME, .ci/lint or ~/.cache/bpmnlint-c7).
 */
class BpmnlintTest {

  static Bpmnlint bpmnlint;

  @BeforeAll
  static void findLinter() {
    List<Path> homes = new ArrayList<>();
    if (System.getenv("BPMNLINT_HOME") != null) {
      homes.add(Path.of(System.getenv("BPMNLINT_HOME")));
    }
    homes.add(Path.of(".ci/lint"));
    homes.add(Path.of(System.getProperty("user.home"), ".cache/bpmnlint-c7"));
    bpmnlint = homes.stream().filter(home -> Files.isDirectory(home.resolve("node_modules/bpmnlint")))
        .map(Bpmnlint::at).filter(Bpmnlint::available).findFirst().orElse(null);
  }

  @Test
  void everyDiagramPassesTheLinterAndTheJavaRulesAgree() throws IOException {
    assumeTrue(bpmnlint != null, "bpmnlint is not installed: npm ci --prefix .ci/lint installs it (.ci/run does)");
    for (Path file : diagrams(Path.of("processes"))) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      assertThat(bpmnlint.lint(file.getFileName().toString(), model, Files.readAllBytes(file)))
          .as("bpmnlint on %s", file).isEmpty();
      assertThat(LintRules.lint(file.getFileName().toString(), model)).as("Java rules on %s", file).isEmpty();
    }
  }

  @Test
  void theJavaRulesFindWhatBpmnlintFinds() throws IOException {
    assumeTrue(bpmnlint != null, "bpmnlint is not installed: npm ci --prefix .ci/lint installs it (.ci/run does)");
    List<byte[]> samples = new ArrayList<>();
    for (Path file : diagrams(Path.of("src/test/resources/processowner"))) {
      samples.add(Files.readAllBytes(file));
    }
    samples.add(faultySample());
    boolean somethingFound = false;
    for (byte[] xml : samples) {
      BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(xml));
      Set<String> real = keys(bpmnlint.lint("sample.bpmn", model, xml));
      Set<String> java = keys(LintRules.lint("sample.bpmn", model));
      assertThat(java).as("Java rules vs bpmnlint on %s", model.getModelElementsByType(Process.class)).isEqualTo(real);
      somethingFound |= !real.isEmpty();
    }
    assertThat(somethingFound).isTrue();
  }

  @Test
  void findingsOfTheRealLinterAreInTheProcessOwnersWords() throws IOException {
    assumeTrue(bpmnlint != null, "bpmnlint is not installed: npm ci --prefix .ci/lint installs it (.ci/run does)");
    Path file = Path.of("src/test/resources/processowner/broken/lint-implicit-split.bpmn");
    List<Finding> findings = bpmnlint.lint("owner-check.bpmn", Bpmn.readModelFromFile(file.toFile()),
        Files.readAllBytes(file));
    assertThat(findings).singleElement().satisfies(finding -> {
      assertThat(finding.check()).isEqualTo("lint:no-implicit-split");
      assertThat(finding.elementId()).isEqualTo("Task_DraftCheck");
      assertThat(finding.elementName()).isEqualTo("Soạn kế hoạch kiểm tra");
      assertThat(finding.problem()).contains("luồng đi ra không điều kiện");
    });
  }

  /** A diagram with several lint errors: an unlabelled conditional branch, a missing condition, a lost task. */
  static byte[] faultySample() {
    BpmnModelInstance model = Bpmn.createExecutableProcess("lint-sample").camundaHistoryTimeToLive(1)
        .startEvent("StartEvent_Sample").name("Bắt đầu")
        .exclusiveGateway("Gateway_Choice").name("Chọn nhánh?")
        .sequenceFlowId("Flow_Yes").condition("", "${true}")
        .userTask("Task_Yes").name("Nhánh có")
        .endEvent("EndEvent_Yes").name("Xong")
        .moveToLastGateway()
        .sequenceFlowId("Flow_No")
        .userTask("Task_No")
        .endEvent("EndEvent_No").name("Xong nhánh không")
        .done();
    Process process = model.getModelElementById("lint-sample");
    Task lost = model.newInstance(Task.class);
    lost.setId("Task_Lost");
    lost.setName("Việc bị bỏ quên");
    process.addChildElement(lost);
    ByteArrayOutputStream xml = new ByteArrayOutputStream();
    Bpmn.writeModelToStream(xml, model);
    return xml.toByteArray();
  }

  private static Set<String> keys(List<Finding> findings) {
    Set<String> keys = new TreeSet<>();
    findings.forEach(f -> keys.add(f.check() + "@" + f.elementId()));
    return keys;
  }

  private static List<Path> diagrams(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList();
    }
  }
}
