package vn.pcmt.engine;

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
}
