package vn.pcmt.processowner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.pcmt.engine.DiagramHooks;
import vn.pcmt.engine.FormFile;
import vn.pcmt.engine.FormValidator;
import vn.pcmt.engine.JsonVar;
import vn.pcmt.engine.Var;

/**
 * What the diagrams, the forms and the code promise each other: every hook a diagram calls is a bean and is
 * documented for process owners, every form exists and has server-side rules, every form field is a declared
 * variable, every user task is routed, due and validated, every id readable.
 */
@SpringBootTest
@ActiveProfiles({"demo", "test"})
class ModelContractTest {

  static final Pattern BEAN = Pattern.compile("\\$\\{([a-zA-Z]+)[.}(]");
  static final Pattern ID = Pattern.compile(
      "(StartEvent|EndEvent|Task|Gateway|Flow|CallActivity|SubProcess|BoundaryEvent|TimerEvent)_[A-Z][A-Za-z]+");
  static final List<String> PROCESS_CLASSES = List.of("vn.pcmt.plan.PlanLifecycleProcess",
      "vn.pcmt.subplan.SubPlanProcess", "vn.pcmt.reporting.PeriodicReportProcess",
      "vn.pcmt.reporting.AgencyReportProcess", "vn.pcmt.commendation.CommendationProcess");

  @Autowired
  ApplicationContext context;
  @Autowired
  List<FormValidator> validators;
  @Autowired
  DiagramHooks hooks;

  /**
   * One source of what diagrams may call: the code ({@link DiagramHooks}: delegates and {@code @DiagramHook}
   * methods). docs/process-owners.md lists each of them, and names no other bean or method.
   */
  @Test
  void theHooksOfTheCodeAreTheHooksOfTheDocumentation() throws IOException {
    String docs = Files.readString(Path.of("docs/process-owners.md"));
    String hookSection = docs.substring(docs.indexOf("\n## Hooks")); // what is refused is named above it
    List<String> problems = new ArrayList<>();
    for (String delegate : hooks.delegates()) {
      if (!hookSection.contains("`${" + delegate + "}`")) {
        problems.add("hook ${" + delegate + "} is not documented in docs/process-owners.md");
      }
    }
    hooks.methods().forEach((bean, methods) -> methods.forEach(method -> {
      if (!hookSection.contains("${" + bean + "." + method + "(")) {
        problems.add("hook method ${" + bean + "." + method + "(...)} is not documented in docs/process-owners.md");
      }
    }));
    Matcher calls = DOCUMENTED_CALL.matcher(hookSection);
    while (calls.find()) {
      if (context.containsBean(calls.group(1))
          && !hooks.methods().getOrDefault(calls.group(1), Set.of()).contains(calls.group(2))) {
        problems.add("docs/process-owners.md documents ${" + calls.group(1) + "." + calls.group(2)
            + "(...)}, which is no @DiagramHook method");
      }
    }
    Matcher names = DOCUMENTED_NAME.matcher(hookSection);
    while (names.find()) {
      if (context.containsBean(names.group(1)) && !hooks.isHook(names.group(1))) {
        problems.add("docs/process-owners.md documents ${" + names.group(1) + "}, a bean that is no hook");
      }
    }
    assertThat(hooks.delegates()).hasSizeGreaterThanOrEqualTo(15);
    assertThat(problems).isEmpty();
  }

  static final Pattern DOCUMENTED_CALL = Pattern.compile("\\$\\{([a-zA-Z]+)\\.([a-zA-Z]+)\\(");
  static final Pattern DOCUMENTED_NAME = Pattern.compile("\\$\\{([a-zA-Z]+)\\}");

  @Test
  void diagramsFormsAndCodeAgree() throws Exception {
    Map<String, JsonNode> forms = forms();
    Set<String> variables = declaredVariables();
    String docs = Files.readString(Path.of("docs/process-owners.md"));
    Set<String> formsUsed = new HashSet<>();
    Set<String> validated = new HashSet<>();
    validators.forEach(v -> validated.add(v.formId()));
    List<String> problems = new ArrayList<>();

    for (Path file : diagrams()) {
      String name = file.getFileName().toString();
      String xml = Files.readString(file);
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      for (Process process : model.getModelElementsByType(Process.class)) {
        if (!name.equals(process.getId() + ".bpmn")) {
          problems.add(name + ": file name is not the process id " + process.getId());
        }
        if (process.getCamundaHistoryTimeToLiveString() == null) {
          problems.add(name + ": no historyTimeToLive");
        }
      }
      Matcher beans = BEAN.matcher(xml);
      while (beans.find()) {
        String bean = beans.group(1);
        if (!variables.contains(bean) && !bean.equals("execution") && !context.containsBean(bean)) {
          problems.add(name + ": ${" + bean + "} is neither a bean nor a declared variable");
        }
        if (context.containsBean(bean) && !docs.contains("${" + bean)) {
          problems.add(name + ": hook ${" + bean + "} is not documented in docs/process-owners.md");
        }
      }
      for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
        if (!ID.matcher(element.getId()).matches()) {
          problems.add(name + ": id '" + element.getId() + "' is not a readable prefixed id");
        }
        if (!(element instanceof org.camunda.bpm.model.bpmn.instance.SequenceFlow)
            && (element.getName() == null || element.getName().isBlank())) {
          problems.add(name + ": " + element.getId() + " has no name");
        }
      }
      for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
        if (task.getCamundaDelegateExpression() == null) {
          problems.add(name + ": " + task.getId() + " must call a bean through a delegate expression");
        }
      }
      for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
        checkForm(name, start, start.getCamundaFormRef(), start.getCamundaFormRefBinding(), forms, formsUsed, problems);
      }
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        if (task.getCamundaCandidateGroups() == null) {
          problems.add(name + ": " + task.getId() + " has no candidate group");
        }
        if (task.getCamundaDueDate() == null) {
          problems.add(name + ": " + task.getId() + " has no due date");
        }
        checkForm(name, task, task.getCamundaFormRef(), task.getCamundaFormRefBinding(), forms, formsUsed, problems);
        if (forms.containsKey(task.getCamundaFormRef())) {
          try {
            FormFile.parse(forms.get(task.getCamundaFormRef()));
          } catch (IllegalArgumentException e) {
            problems.add(name + ": the server cannot read the rules of form " + task.getCamundaFormRef() + ": "
                + e.getMessage());
          }
        }
        boolean listens = task.getExtensionElements() != null && task.getExtensionElements()
            .getElementsQuery().filterByType(CamundaTaskListener.class).list().stream()
            .anyMatch(l -> "complete".equals(l.getCamundaEvent())
                && "${validateFormListener}".equals(l.getCamundaDelegateExpression()));
        if (!listens) {
          problems.add(name + ": " + task.getId() + " lacks ${validateFormListener} on complete");
        }
        checkReminderTimers(name, task, problems);
      }
    }
    for (Map.Entry<String, JsonNode> form : forms.entrySet()) {
      if (!formsUsed.contains(form.getKey())) {
        problems.add("forms/" + form.getKey() + ".form is used by no diagram");
      }
      for (JsonNode component : form.getValue().get("components")) {
        String key = component.has("key") ? component.get("key").asText()
            : component.has("path") ? component.get("path").asText() : null;
        if (key != null && !variables.contains(key)) {
          problems.add("forms/" + form.getKey() + ".form: field '" + key + "' is not a variable of any *Process class");
        }
      }
    }
    for (String formId : validated) {
      if (!forms.containsKey(formId)) {
        problems.add("a FormValidator checks form '" + formId + "', which forms/ does not have");
      }
    }
    assertThat(problems).isEmpty();
  }

  /** Reminder timers are set before the task exists: each must be given the task's own due date. */
  private static void checkReminderTimers(String diagram, UserTask task, List<String> problems) {
    if (task.getExtensionElements() == null || task.getCamundaDueDate() == null) {
      return;
    }
    String due = task.getCamundaDueDate().replaceAll("^\\$\\{(.*)\\}$", "$1");
    for (CamundaTaskListener listener : task.getExtensionElements().getElementsQuery()
        .filterByType(CamundaTaskListener.class).list()) {
      if (!"timeout".equals(listener.getCamundaEvent())) {
        continue;
      }
      String timer = listener.getTimeouts().stream().map(t -> t.getTimeDate() != null ? t.getTimeDate().getTextContent()
          : t.getTimeCycle() != null ? t.getTimeCycle().getTextContent() : "").findFirst().orElse("");
      Matcher call = REMINDER_TIMER.matcher(timer.strip());
      if (!call.matches()) {
        problems.add(diagram + ": " + task.getId() + " / " + listener.getAttributeValue("id") + ": timer '" + timer
            + "' is not ${reminders.before|after|everyAfter(<due date>, ...)}");
      } else if (!call.group(1).equals(due)) {
        problems.add(diagram + ": " + task.getId() + " / " + listener.getAttributeValue("id") + ": timer counts from '"
            + call.group(1) + "' but the task is due at '" + due + "'");
      }
    }
  }

  private static final Pattern REMINDER_TIMER =
      Pattern.compile("\\$\\{reminders\\.(?:before|after|everyAfter)\\((.*?), \\d+(?:, \\d+)?\\)\\}");

  private void checkForm(String diagram, BaseElement element, String formRef, String binding,
      Map<String, JsonNode> forms, Set<String> used, List<String> problems) {
    if (formRef == null) {
      if (element instanceof UserTask) {
        problems.add(diagram + ": " + element.getId() + " has no form");
      }
      return;
    }
    used.add(formRef);
    if (!forms.containsKey(formRef)) {
      problems.add(diagram + ": " + element.getId() + " refers to missing form " + formRef);
    }
    if (!"deployment".equals(binding)) {
      problems.add(diagram + ": " + element.getId() + " must bind its form to the deployment");
    }
  }

  static List<Path> diagrams() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      return files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList();
    }
  }

  static Map<String, JsonNode> forms() throws IOException {
    Map<String, JsonNode> forms = new TreeMap<>();
    try (Stream<Path> files = Files.list(Path.of("forms"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".form")).toList()) {
        JsonNode form = new ObjectMapper().readTree(file.toFile());
        assertThat(file.getFileName().toString()).isEqualTo(form.get("id").asText() + ".form");
        forms.put(form.get("id").asText(), form);
      }
    }
    return forms;
  }

  /** Every variable name the process classes declare. */
  static Set<String> declaredVariables() throws Exception {
    Set<String> names = new HashSet<>();
    for (String className : PROCESS_CLASSES) {
      for (Field field : Class.forName(className).getFields()) {
        if (Modifier.isStatic(field.getModifiers())) {
          Object value = field.get(null);
          if (value instanceof Var<?> variable) {
            names.add(variable.name());
          } else if (value instanceof JsonVar<?> variable) {
            names.add(variable.name());
          }
        }
      }
    }
    return names;
  }
}
