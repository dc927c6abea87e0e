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
 * {@code ${validateFormListener}} on a user task's complete event: checks the submission on the server, so a REST
 * client cannot complete a task with what Tasklist would refuse. First the rules of the task's form file
 * ({@link FormRules}: required, limits, patterns, options, types, shown or hidden as in Tasklist), then the
 * capability's own rules across fields and against the plan ({@link FormValidator}, if the form has one); every
 * problem is reported at once. A refusal rolls the completion back.
 */
@Component("validateFormListener")
public class ValidateFormListener implements TaskListener {

  private final FormRules formRules;
  private final Map<String, FormValidator> validators;

  ValidateFormListener(FormRules formRules, List<FormValidator> validators) {
    this.formRules = formRules;
    this.validators = validators.stream().collect(Collectors.toMap(FormValidator::formId, Function.identity()));
  }

  @Override
  public void notify(DelegateTask task) {
    FormValues problems = new FormValues();
    formRules.check(task, problems);
    FormValidator validator = validators.get(formIdOf(task));
    if (validator != null) {
      validator.validate(task, problems);
    }
    problems.throwIfInvalid();
  }

  static String formIdOf(DelegateTask task) {
    UserTask userTask = (UserTask) task.getBpmnModelElementInstance();
    return userTask == null ? null : userTask.getCamundaFormRef();
  }
}
