package vn.pcmt.processowner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * What the deployment validation refuses is inert even when it reaches the engine past it: deployed here by the
 * application's own code (no user, so not validated), as an administrator's script or a row written into the database
 * would reach it. Each shape would do something observable if it ran (delete a user, set a system property, create a
 * delegate, run a shell command); the engine refuses it when it would run, and none of that happens. The documented
 * shapes still run.
 */
@SpringBootTest
@ActiveProfiles({"demo", "test"})
class SandboxedEngineTest {

  static final String PROPERTY = "pcmt.sandbox.probe";
  static final String SET_PROPERTY = "''.getClass().forName('java.lang.System').getMethod('setProperty', ''.getClass(),"
      + " ''.getClass()).invoke(null, '" + PROPERTY + "', 'ran')";
  static final String USER = "ptmcb";
  static final String SANDBOX = "refused by the engine sandbox";
  static final Path SHELL_MARK = Path.of(System.getProperty("java.io.tmpdir"), "pcmt-sandbox-probe");
  static int deployed;

  @Autowired
  RepositoryService repository;
  @Autowired
  RuntimeService runtime;
  @Autowired
  IdentityService identity;
  @Autowired
  TaskService tasks;
  @Autowired
  FilterService filters;

  /** A delegate no bean stands for: instantiating it counts. */
  public static class Probe implements JavaDelegate {
    static final AtomicInteger CREATED = new AtomicInteger();

    public Probe() {
      CREATED.incrementAndGet();
    }

    @Override
    public void execute(DelegateExecution execution) {
      System.setProperty(PROPERTY, "ran");
    }
  }

  @AfterEach
  void clean() {
    System.clearProperty(PROPERTY);
  }

  @Test
  void expressionsReachNeitherTheEngineNorReflectionNorOtherBeans() {
    Map<String, String> refusals = new LinkedHashMap<>();
    refusals.put("${execution.getProcessEngineServices().getIdentityService().deleteUser('" + USER + "')}",
        "may not call 'getProcessEngineServices'");
    refusals.put("${execution.processEngineServices.identityService.deleteUser('" + USER + "')}",
        "may not read 'processEngineServices'");
    refusals.put("${" + SET_PROPERTY + "}", "may not call 'getClass' on java.lang.String");
    refusals.put("${runtimeService.createProcessInstanceQuery().count()}",
        "Cannot resolve identifier 'runtimeService'");
    refusals.put("${identityService.deleteUser('" + USER + "')}", "Cannot resolve identifier 'identityService'");
    refusals.put("${deadlines.calendar().addWorkingDays(null, 1)}", "may not call 'calendar'");
    refusals.forEach((expression, reason) -> assertThat(fails(process("<bpmn:serviceTask id=\"Task_Probe\""
        + " name=\"Thử\" camunda:expression=\"" + expression + "\" />"))).as(expression).contains(reason));

    assertThat(identity.createUserQuery().userId(USER).count()).as("the user is still there").isEqualTo(1);
    assertThat(System.getProperty(PROPERTY)).as("reflection did not run").isNull();
  }

  @Test
  void noScriptRunsInAnyLanguage() {
    assertThat(fails(condition("juel", "${" + SET_PROPERTY + " == null}"))).contains("no script runs");
    assertThat(fails(condition("javascript", "java.lang.System.setProperty('" + PROPERTY + "', 'ran') != null")))
        .contains("no script runs");
    assertThat(fails(process("<bpmn:scriptTask id=\"Task_Probe\" name=\"Thử\" scriptFormat=\"groovy\"><bpmn:script>"
        + "System.setProperty('" + PROPERTY + "', 'ran')</bpmn:script></bpmn:scriptTask>"))).contains("no script runs");
    assertThat(fails(process("<bpmn:serviceTask id=\"Task_Probe\" name=\"Thử\" camunda:delegateExpression=\""
        + "${validateFormListener}\"><bpmn:extensionElements><camunda:executionListener event=\"start\">"
        + "<camunda:script scriptFormat=\"javascript\" resource=\"classpath://processowner/probe.js\" />"
        + "</camunda:executionListener></bpmn:extensionElements></bpmn:serviceTask>"))).contains("no script runs");
    assertThat(System.getProperty(PROPERTY)).isNull();
  }

  @Test
  void noClassButTheApplicationsHooksIsInstantiated() throws Exception {
    assertThat(fails(process("<bpmn:serviceTask id=\"Task_Probe\" name=\"Thử\" camunda:class=\""
        + Probe.class.getName() + "\" />"))).contains("is no hook of the application");
    assertThat(fails(process("<bpmn:serviceTask id=\"Task_Probe\" name=\"Thử\""
        + " camunda:class=\"java.lang.Runtime\" />")))
        .contains("class java.lang.Runtime is no hook");
    // a form handler class is instantiated by the parser, a validator class at the first submission: refused
    // before the engine parses the diagram
    String handler = process("<bpmn:userTask id=\"Task_Probe\" name=\"Thử\" camunda:formHandlerClass=\""
        + Probe.class.getName() + "\" />");
    assertThat(messages(catchThrowable(() -> deploy(handler)))).contains("form handler class " + Probe.class.getName()
        + " is not instantiated");
    String validator = process("<bpmn:userTask id=\"Task_Probe\" name=\"Thử\"><bpmn:extensionElements>"
        + "<camunda:formData><camunda:formField id=\"probe\" type=\"string\"><camunda:validation>"
        + "<camunda:constraint name=\"validator\" config=\"" + Probe.class.getName() + "\" /></camunda:validation>"
        + "</camunda:formField></camunda:formData></bpmn:extensionElements></bpmn:userTask>");
    assertThat(messages(catchThrowable(() -> deploy(validator)))).contains("validator class");
    String field = process("<bpmn:serviceTask id=\"Task_Probe\" name=\"Thử\" camunda:delegateExpression=\""
        + "${validateFormListener}\"><bpmn:extensionElements><camunda:field name=\"validators\"><camunda:string>x"
        + "</camunda:string></camunda:field></bpmn:extensionElements></bpmn:serviceTask>");
    assertThat(messages(catchThrowable(() -> deploy(field)))).contains("field injection ('validators')");
    assertThat(Probe.CREATED).as("never instantiated").hasValue(0);
    assertThat(System.getProperty(PROPERTY)).isNull();

    // the shell task is instantiated when the diagram is parsed, with its command as field injections: the deployment
    // itself fails (on the fields, or else on the class ShellActivityBehavior)
    Files.deleteIfExists(SHELL_MARK);
    Throwable shell = catchThrowable(() -> deploy(process("<bpmn:serviceTask id=\"Task_Probe\" name=\"Thử\""
        + " camunda:type=\"shell\"><bpmn:extensionElements><camunda:field name=\"command\"><camunda:string>touch"
        + "</camunda:string></camunda:field><camunda:field name=\"arg1\"><camunda:string>" + SHELL_MARK
        + "</camunda:string></camunda:field><camunda:field name=\"wait\"><camunda:string>true</camunda:string>"
        + "</camunda:field></bpmn:extensionElements></bpmn:serviceTask>")));
    assertThat(messages(shell)).contains(SANDBOX);
    assertThat(SHELL_MARK).doesNotExist();
  }

  @Test
  void theDocumentedShapesRun() {
    String key = deploy(process("<bpmn:serviceTask id=\"Task_Reminder\" name=\"Nhắc\""
        + " camunda:expression=\"${reminders.before(deadlines.workingDaysFromNow(5), 1)}\""
        + " camunda:resultVariable=\"reminder\" />"
        + "<bpmn:serviceTask id=\"Task_Key\" name=\"Mã\" camunda:expression=\"#{execution.processBusinessKey}\""
        + " camunda:resultVariable=\"key\" />"
        + "<bpmn:userTask id=\"Task_Wait\" name=\"Chờ\" camunda:candidateGroups=\"${group}\""
        + " camunda:dueDate=\"${deadlines.workingDaysFromNow(5)}\" />"));
    ProcessInstance instance = runtime.startProcessInstanceByKey(key, "99/KH-UBND", Map.of("group", "SYT"));
    assertThat(runtime.getVariable(instance.getId(), "reminder")).isInstanceOf(Date.class);
    assertThat(runtime.getVariable(instance.getId(), "key")).isEqualTo("99/KH-UBND");
    assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).taskCandidateGroup("SYT").singleResult()
        .getDueDate()).isNotNull();

    // a Tasklist filter's expressions go through the same manager: the documented ones work, others do not
    Filter dueSoon = filters.createFilterQuery().filterName("Sắp đến hạn").singleResult();
    assertThat(dueSoon).isNotNull();
    identity.setAuthentication("sytcb", List.of("SYT"));
    try {
      assertThat(filters.count(dueSoon.getId())).isNotNull();
    } finally {
      identity.clearAuthentication();
    }
    Filter probe = filters.saveFilter(filters.newTaskFilter("probe").setQuery(tasks.createTaskQuery()
        .dueBeforeExpression("${" + SET_PROPERTY + "}")));
    try {
      assertThat(messages(catchThrowable(() -> filters.count(probe.getId())))).contains("may not call 'getClass'");
      assertThat(System.getProperty(PROPERTY)).isNull();
    } finally {
      filters.deleteFilter(probe.getId());
    }
  }

  /** Deploys the process past the validation and starts it; the text of what stopped it. */
  private String fails(String process) {
    String key = deploy(process);
    return messages(catchThrowable(() -> runtime.startProcessInstanceByKey(key)));
  }

  /** Deployed by the application's code without a user: the validation does not look at it. */
  private String deploy(String xml) {
    identity.clearAuthentication();
    String key = xml.replaceFirst("(?s).*<bpmn:process id=\"([^\"]+)\".*", "$1");
    repository.createDeployment().name(key).addString(key + ".bpmn", xml).deploy();
    return key;
  }

  private static String messages(Throwable failure) {
    assertThat(failure).as("the engine refused to run it").isNotNull();
    StringBuilder text = new StringBuilder();
    for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      text.append(cause.getMessage()).append('\n');
    }
    return text.toString();
  }

  /** A gateway whose one way out has a script condition and the other is the default. */
  private static String condition(String language, String script) {
    return definitions("<bpmn:startEvent id=\"StartEvent_Probe\" /><bpmn:exclusiveGateway id=\"Gateway_Probe\""
        + " default=\"Flow_Default\" /><bpmn:endEvent id=\"EndEvent_Yes\" /><bpmn:endEvent id=\"EndEvent_No\" />"
        + "<bpmn:sequenceFlow id=\"Flow_Start\" sourceRef=\"StartEvent_Probe\" targetRef=\"Gateway_Probe\" />"
        + "<bpmn:sequenceFlow id=\"Flow_Yes\" sourceRef=\"Gateway_Probe\" targetRef=\"EndEvent_Yes\">"
        + "<bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\" language=\"" + language + "\"><![CDATA["
        + script + "]]></bpmn:conditionExpression></bpmn:sequenceFlow>"
        + "<bpmn:sequenceFlow id=\"Flow_Default\" sourceRef=\"Gateway_Probe\" targetRef=\"EndEvent_No\" />");
  }

  /** Start, the given steps in sequence (each with an id), end. */
  private static String process(String steps) {
    StringBuilder flows = new StringBuilder();
    String previous = "StartEvent_Probe";
    java.util.regex.Matcher ids = java.util.regex.Pattern.compile("<bpmn:\\w+ id=\"([^\"]+)\"").matcher(steps);
    int n = 0;
    while (ids.find()) {
      flows.append(flow(n++, previous, ids.group(1)));
      previous = ids.group(1);
    }
    flows.append(flow(n, previous, "EndEvent_Probe"));
    return definitions("<bpmn:startEvent id=\"StartEvent_Probe\" />" + steps + "<bpmn:endEvent id=\"EndEvent_Probe\" />"
        + flows);
  }

  private static String flow(int n, String from, String to) {
    return "<bpmn:sequenceFlow id=\"Flow_" + n + "\" sourceRef=\"" + from + "\" targetRef=\"" + to + "\" />";
  }

  private static String definitions(String content) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><bpmn:definitions"
        + " xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
        + " xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\""
        + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" id=\"Definitions_Probe\""
        + " targetNamespace=\"http://pcmt.vn/test\"><bpmn:process id=\"sandbox-probe-" + (++deployed) + "\""
        + " isExecutable=\"true\" camunda:historyTimeToLive=\"1\">" + content + "</bpmn:process></bpmn:definitions>";
  }
}
