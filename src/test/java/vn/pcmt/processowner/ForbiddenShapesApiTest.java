package vn.pcmt.processowner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

import vn.pcmt.ApiTestSupport;
import vn.pcmt.processowner.ModelerDeploy.Reply;
import vn.pcmt.subplan.SubPlanProcess;

/**
 * Deployment can only wire documented hooks: a process owner deploying from Camunda Modeler
 * ({@code POST /engine-rest/deployment/create}) a sub-plan diagram carrying one forbidden shape gets 400 naming the
 * element, the expression or construct, and the reason in Vietnamese, and nothing is deployed; an administrator is
 * refused the same. Every diagram of processes/, with the hooks it documents, still deploys.
 */
@TestPropertySource(properties = {
    // the same context as ProcessOwnerDeploymentApiTest: Camunda's REST API must reach the engine this class started
    "pcmt.process-owner.forms=classpath*:forms/*.form"})
class ForbiddenShapesApiTest extends ApiTestSupport {

  static final String OWNER = ProcessOwnerDemoUser.USER;
  static final String FILE = "agency-sub-plan.bpmn";
  static final String ACCEPT = "camunda:delegateExpression=\"${acceptSubPlanDelegate}\"";
  static final String ACCEPT_DOC = "<bpmn:documentation>Hệ thống ghi nhận kế hoạch triển khai của cơ quan đã được chấp"
      + " nhận.</bpmn:documentation>";
  static final String DRAFT_LISTENERS = "<camunda:taskListener delegateExpression=\"${validateFormListener}\""
      + " event=\"complete\" />";
  static final String ACCEPTED = "<bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\">${subPlanAccepted}";
  static final Pattern CHECK = Pattern.compile("\\[([a-z:-]+)\\]$");

  /** One forbidden shape: how it changes the diagram, extra files, where it is reported, what the message quotes. */
  record Shape(String what, UnaryOperator<String> change, Map<String, String> extraFiles, String element,
      Set<String> checks, String quoted) {
  }

  static List<Shape> shapes() {
    return List.of(
        new Shape("a Java class", d -> d.replace(ACCEPT, "camunda:class=\"java.lang.Runtime\""), Map.of(),
            "Task_AcceptSubPlan", Set.of("class"), "'java.lang.Runtime'"),
        new Shape("a javascript condition", d -> d.replace(ACCEPTED, ACCEPTED.replace("\">", "\" language="
            + "\"javascript\">").replace("${subPlanAccepted}", "execution.getVariable('subPlanAccepted')")), Map.of(),
            "Flow_SubPlanAccepted", Set.of("script"), "javascript"),
        new Shape("the engine's services", d -> d.replace(ACCEPT, "camunda:expression=\"${execution"
            + ".getProcessEngineServices().getIdentityService().createUserQuery().count()}\""), Map.of(),
            "Task_AcceptSubPlan", Set.of("engine-object"), "'getProcessEngineServices' của execution"),
        new Shape("reflection", d -> d.replace(ACCEPTED, ACCEPTED.replace("${subPlanAccepted}",
            "${''.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null) != null}")),
            Map.of(), "Flow_SubPlanAccepted", Set.of("reflection"), "'getClass'"),
        new Shape("a script task listener", d -> draftListener(d, "<camunda:taskListener event=\"create\">"
            + "<camunda:script scriptFormat=\"groovy\">'id'.execute()</camunda:script></camunda:taskListener>"),
            Map.of(), "Task_DraftSubPlan", Set.of("script"), "task listener, groovy"),
        new Shape("a script input parameter", d -> draftListener(d, "<camunda:inputOutput><camunda:inputParameter"
            + " name=\"probe\"><camunda:script scriptFormat=\"javascript\">java.lang.System.exit(1)</camunda:script>"
            + "</camunda:inputParameter></camunda:inputOutput>"), Map.of(), "Task_DraftSubPlan", Set.of("script"),
            "tham số vào 'probe'"),
        new Shape("an external script", d -> draftListener(d, "<camunda:executionListener event=\"start\">"
            + "<camunda:script scriptFormat=\"javascript\" resource=\"deployment://probe.js\" />"
            + "</camunda:executionListener>"), Map.of("probe.js", "java.lang.System.exit(1)"), "Task_DraftSubPlan",
            Set.of("script", "resource-type"), "'deployment://probe.js'"),
        new Shape("an execution listener class", d -> draftListener(d, "<camunda:executionListener"
            + " class=\"java.lang.Runtime\" event=\"start\" />"), Map.of(), "Task_DraftSubPlan", Set.of("class"),
            "'java.lang.Runtime'"),
        new Shape("a form handler class", d -> d.replaceFirst(Pattern.quote("camunda:formRef=\"draft-sub-plan\""),
            "camunda:formHandlerClass=\"java.lang.Runtime\" camunda:formRef=\"draft-sub-plan\""), Map.of(),
            "Task_DraftSubPlan", Set.of("class"), "'java.lang.Runtime'"),
        new Shape("a connector", d -> d.replace(ACCEPT, "").replace(ACCEPT_DOC, ACCEPT_DOC + "<bpmn:extensionElements>"
            + "<camunda:connector><camunda:connectorId>http-connector</camunda:connectorId></camunda:connector>"
            + "</bpmn:extensionElements>"), Map.of(), "Task_AcceptSubPlan", Set.of("connector"), "'http-connector'"),
        new Shape("a shell task", d -> d.replace(ACCEPT, "camunda:type=\"shell\""), Map.of(), "Task_AcceptSubPlan",
            Set.of("service-type"), "'shell'"),
        new Shape("field injection", d -> draftListener(d, "<camunda:field name=\"validators\"><camunda:string>x"
            + "</camunda:string></camunda:field>"), Map.of(), "Task_DraftSubPlan", Set.of("field-injection"),
            "'validators'"),
        new Shape("an undocumented hook method", d -> d.replaceFirst(
            Pattern.quote("camunda:dueDate=\"${subPlanDueDate}\""), "camunda:dueDate=\"\\${deadlines.calendar()}\""),
            Map.of(), "Task_DraftSubPlan", Set.of("unknown-method"), "${deadlines.calendar()}"),
        new Shape("a bean that is no hook", d -> d.replace(ACCEPT, "camunda:delegateExpression=\"${runtimeService}\""),
            Map.of(), "Task_AcceptSubPlan", Set.of("missing-bean"), "${runtimeService}"),
        new Shape("a method of a literal", d -> d.replace(ACCEPTED, ACCEPTED.replace("${subPlanAccepted}",
            "${'true'.equals('true')}")), Map.of(), "Flow_SubPlanAccepted", Set.of("method-call"), "'equals'"),
        new Shape("a listener on the task object", d -> draftListener(d, "<camunda:taskListener event=\"create\""
            + " expression=\"${task.execution.setVariable('agencyGroup', 'PTM')}\" />"), Map.of(), "Task_DraftSubPlan",
            Set.of("engine-object"), "của task"),
        new Shape("a decision table", d -> d, Map.of("probe.dmn", "<definitions/>"), null, Set.of("resource-type"),
            "'probe.dmn'"));
  }

  @Test
  void eachForbiddenShapeIsRefusedWithItsReasonAndNothingIsDeployed() throws Exception {
    int deployments = get("admin", "/engine-rest/deployment/count").get("count").asInt();
    for (Shape shape : shapes()) {
      Map<String, byte[]> files = subPlanWithForms();
      String diagram = new String(files.get(FILE), StandardCharsets.UTF_8);
      String changed = shape.change().apply(diagram);
      assertThat(changed.equals(diagram)).as("%s changes the diagram", shape.what())
          .isEqualTo(shape.element() == null);
      files.put(FILE, changed.getBytes(StandardCharsets.UTF_8));
      shape.extraFiles().forEach((name, content) -> files.put(name, content.getBytes(StandardCharsets.UTF_8)));

      Reply refused = ModelerDeploy.deploy(port, OWNER, PASSWORD, SubPlanProcess.KEY, files);
      assertThat(refused.status()).as("%s: %s", shape.what(), refused.text()).isEqualTo(400);
      assertThat(refused.json().get("type").asText()).isEqualTo("ParseException");
      String message = refused.json().get("message").asText();
      assertThat(checks(refused.json())).as("%s: %s", shape.what(), message).isEqualTo(shape.checks());
      assertThat(message).as(shape.what()).contains(shape.quoted()).contains("Cách sửa:");
      if (shape.element() != null) {
        assertThat(message).as(shape.what()).contains(FILE + " › " + shape.element() + " «");
      }
    }
    // an administrator is refused the same: there is no bypass
    Shape engineServices = shapes().get(2);
    Map<String, byte[]> files = subPlanWithForms();
    files.put(FILE, engineServices.change().apply(new String(files.get(FILE), StandardCharsets.UTF_8))
        .getBytes(StandardCharsets.UTF_8));
    Reply admin = ModelerDeploy.deploy(port, "admin", PASSWORD, SubPlanProcess.KEY, files);
    assertThat(admin.status()).as(admin.text()).isEqualTo(400);
    assertThat(admin.json().get("message").asText()).contains("[engine-object]");

    assertThat(get("admin", "/engine-rest/deployment/count").get("count").asInt()).isEqualTo(deployments);
    JsonNode recorded = get(OWNER, "/api/deployments?limit=1").get(0);
    assertThat(recorded.get("outcome").asText()).isEqualTo("REFUSED");
    assertThat(recorded.get("by").asText()).isEqualTo("admin");
  }

  @Test
  void everyDiagramOfTheFolderWithItsDocumentedHooksStillDeploys() throws Exception {
    List<Path> diagrams;
    try (Stream<Path> list = Files.list(Path.of("processes"))) {
      diagrams = list.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList();
    }
    assertThat(diagrams).hasSizeGreaterThanOrEqualTo(5);
    for (Path diagram : diagrams) {
      byte[] content = Files.readAllBytes(diagram);
      Map<String, byte[]> files = new LinkedHashMap<>();
      files.put(diagram.getFileName().toString(), content);
      for (String form : ProcessDeployer.formRefs(content)) {
        files.put(form + ".form", Files.readAllBytes(Path.of("forms", form + ".form")));
      }
      Reply deployed = ModelerDeploy.deploy(port, OWNER, PASSWORD, diagram.getFileName().toString(), files, false);
      assertThat(deployed.status()).as("%s: %s", diagram, deployed.text()).isEqualTo(200);
      String key = diagram.getFileName().toString().replaceFirst("\\.bpmn$", "");
      assertThat(deployed.json().get("deployedProcessDefinitions").elements().next().get("key").asText())
          .isEqualTo(key);
    }
  }

  /** Inserts XML among the extension elements of Task_DraftSubPlan (its first listener). */
  private static String draftListener(String diagram, String xml) {
    return diagram.replaceFirst(Pattern.quote(DRAFT_LISTENERS), Matcher.quoteReplacement(DRAFT_LISTENERS + xml));
  }

  /** The checks named by the findings Modeler shows, per file and element. */
  private static Set<String> checks(JsonNode problem) {
    Set<String> checks = new TreeSet<>();
    problem.get("details").forEach(file -> file.get("errors").forEach(error -> {
      Matcher check = CHECK.matcher(error.get("message").asText());
      if (check.find()) {
        checks.add(check.group(1));
      }
    }));
    return checks;
  }

  private static Map<String, byte[]> subPlanWithForms() throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put(FILE, Files.readAllBytes(Path.of("processes", FILE)));
    for (String form : List.of(SubPlanProcess.FORM_DRAFT, SubPlanProcess.FORM_APPROVE, SubPlanProcess.FORM_REVIEW)) {
      files.put(form + ".form", Files.readAllBytes(Path.of("forms", form + ".form")));
    }
    return files;
  }
}
