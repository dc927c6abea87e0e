package vn.pcmt.engine;

import java.util.function.BiConsumer;

import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * The capability's own rules of one form, beyond what the form file says: rules across fields and against the plan
 * (a sub-plan dated before the plan, a figure for an indicator the plan does not have). Checked after the form file's
 * rules ({@link FormRules}) when the form's task is completed; {@link ValidateFormListener} finds them by form id.
 * A form with only the rules its file states needs none.
 */
public interface FormValidator {

  /** The id of the form (forms/&lt;id&gt;.form) whose submissions this validator checks. */
  String formId();

  /**
   * Adds a message for every problem; {@code problems} already holds those of the form file's rules (a field refused
   * there need not be reported again: {@link FormValues#has}).
   */
  void validate(DelegateTask task, FormValues problems);

  static FormValidator of(String formId, BiConsumer<DelegateTask, FormValues> rules) {
    return new FormValidator() {
      @Override
      public String formId() {
        return formId;
      }

      @Override
      public void validate(DelegateTask task, FormValues problems) {
        rules.accept(task, problems);
      }
    };
  }
}
