package vn.pcmt.engine;

import java.io.IOException;
import java.io.InputStream;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.repository.Resource;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The rules of the form files, checked on the server: the form a task (or a start event) shows, read from the
 * deployment the task belongs to ({@code formRefBinding="deployment"}: a task keeps its form version, and so do its
 * rules), applied to what its variables hold at completion, the submitted values included. One source for Tasklist,
 * Camunda's REST API and the application's JSON API: the process owner edits a rule in the form, nowhere else.
 */
@Component
public class FormRules {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DEPLOYMENT_BINDING = "deployment";

  private final RepositoryService repository;
  private final IdentityService identity;
  /** Deployment id to its forms by form id; a deployment never changes. */
  private final Map<String, Map<String, FormFile>> deployed = new ConcurrentHashMap<>();

  FormRules(RepositoryService repository, IdentityService identity) {
    this.repository = repository;
    this.identity = identity;
  }

  /** Adds a message for every value of the task's variables that the task's form refuses. */
  public void check(DelegateTask task, FormValues problems) {
    UserTask element = (UserTask) task.getBpmnModelElementInstance();
    String formRef = element == null ? null : element.getCamundaFormRef();
    if (formRef == null) {
      throw new IllegalStateException("Task " + task.getTaskDefinitionKey() + " has no Camunda Form to check");
    }
    problems.addAll(FormCheck.check(fromDeployment(task.getProcessDefinitionId(), formRef,
        element.getCamundaFormRefBinding()), data(task)));
  }

  /** As {@link #check(DelegateTask, FormValues)}, for the start form of the execution's process. */
  public void checkStartForm(DelegateExecution execution, FormValues problems) {
    String definitionId = execution.getProcessDefinitionId();
    StartEvent start = execution.getBpmnModelInstance().getModelElementsByType(StartEvent.class).stream()
        .filter(event -> event.getCamundaFormRef() != null
            && event.getParentElement() instanceof org.camunda.bpm.model.bpmn.instance.Process)
        .findFirst().orElseThrow(() -> new IllegalStateException("Process " + definitionId + " has no start form"));
    problems.addAll(FormCheck.check(fromDeployment(definitionId, start.getCamundaFormRef(),
        start.getCamundaFormRefBinding()), data(execution)));
  }

  /**
   * The form deployed with the process definition. Deployments bind forms by deployment (the deployment validation
   * refuses any other binding): a form bound otherwise could change under a running task, its rules with it.
   */
  private FormFile fromDeployment(String processDefinitionId, String formRef, String binding) {
    if (!DEPLOYMENT_BINDING.equals(binding)) {
      throw new IllegalStateException("Form '" + formRef + "' of " + processDefinitionId + " is bound by " + binding
          + ", not by deployment: its rules cannot be told");
    }
    String deploymentId = asEngine(() -> repository.getProcessDefinition(processDefinitionId).getDeploymentId());
    FormFile form = deployed.computeIfAbsent(deploymentId, this::formsOf).get(formRef);
    if (form == null) {
      throw new IllegalStateException("Form '" + formRef + "' is not in deployment " + deploymentId
          + ": its submissions cannot be checked");
    }
    return form;
  }

  private Map<String, FormFile> formsOf(String deploymentId) {
    return asEngine(() -> {
      Map<String, FormFile> result = new HashMap<>();
      for (Resource resource : repository.getDeploymentResources(deploymentId)) {
        if (resource.getName().endsWith(".form")) {
          FormFile form = read(repository.getResourceAsStream(deploymentId, resource.getName()), resource.getName());
          if (form.id() != null) {
            result.put(form.id(), form);
          }
        }
      }
      return Map.copyOf(result);
    });
  }

  private static FormFile read(InputStream content, String name) {
    try (InputStream in = content) {
      return FormFile.parse(in.readAllBytes());
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalStateException("Cannot read the rules of form " + name + ": " + e.getMessage(), e);
    }
  }

  /**
   * The variables as form-js sees them in Tasklist: JSON as maps and lists, dates as the REST API's text; values a
   * form cannot show (serialized Java objects, files) are left out.
   */
  static Map<String, Object> data(VariableScope scope) {
    VariableMap variables = scope.getVariablesTyped(false);
    Map<String, Object> data = new HashMap<>();
    for (String name : variables.keySet()) {
      TypedValue typed = variables.getValueTyped(name);
      if (typed instanceof JsonValue json) {
        data.put(name, json(json.getValueSerialized()));
      } else if (!(typed instanceof SerializableValue) && !(typed.getValue() instanceof byte[])
          && !(typed.getValue() instanceof InputStream)) {
        Object value = typed.getValue();
        data.put(name, value instanceof Date date ? new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZ").format(date)
            : value);
      }
    }
    return data;
  }

  private static Object json(String text) {
    try {
      return text == null ? null : JSON.readValue(text, Object.class);
    } catch (JsonProcessingException e) {
      return text; // not JSON: the field's type check refuses it
    }
  }

  /** Reads deployments as the engine: the form belongs to the task the user may work on, whatever their grants. */
  private <T> T asEngine(Supplier<T> reads) {
    return AsEngine.call(identity, reads);
  }
}
