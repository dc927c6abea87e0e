package vn.pcmt.engine;

import java.util.function.BiConsumer;

import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * The server-side rules of one form, checked when its task is completed from Tasklist or the REST API. Each
 * capability declares the validators of its forms as beans; {@link ValidateFormListener} finds them by form id.
 */
public interface FormValidator {

  /** The id of the form (forms/&lt;id&gt;.form) whose submissions this validator checks. */
  String formId();

  /** Adds a message for every problem; may normalise values it accepted (e.g. "true" to true). */
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

  /** An approve-or-return form: the decision is required, and a return needs its reason. */
  static FormValidator decision(String formId, Var<Boolean> decision, Var<String> comment, String returnLabel) {
    return of(formId, (task, problems) -> Decisions.require(task, decision, comment, problems, returnLabel));
  }
}
