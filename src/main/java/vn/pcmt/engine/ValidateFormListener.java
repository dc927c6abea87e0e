package vn.pcmt.engine;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

/**
 * {@code ${validateFormListener}} on a user task's complete event: applies the rules of the task's form on the server,
 * so a REST client cannot complete a task with what Tasklist would refuse. A refusal rolls the completion back.
 */
@Component("validateFormListener")
public class ValidateFormListener implements TaskListener {

  private final Map<String, FormValidator> validators;

  ValidateFormListener(List<FormValidator> validators) {
    this.validators = validators.stream().collect(Collectors.toMap(FormValidator::formId, Function.identity()));
  }

  @Override
  public void notify(DelegateTask task) {
    String formId = formIdOf(task);
    FormValidator validator = validators.get(formId);
    if (validator == null) {
      throw new IllegalStateException("No server-side rules for form '" + formId + "' of task "
          + task.getTaskDefinitionKey() + ": add a FormValidator bean");
    }
    FormValues problems = new FormValues();
    validator.validate(task, problems);
    problems.throwIfInvalid();
  }

  static String formIdOf(DelegateTask task) {
    UserTask userTask = (UserTask) task.getBpmnModelElementInstance();
    return userTask == null ? null : userTask.getCamundaFormRef();
  }
}
