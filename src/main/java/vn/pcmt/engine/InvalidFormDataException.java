package vn.pcmt.engine;

import java.util.List;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * Input from a form or an API client that cannot be accepted. The messages are Vietnamese, for the official who
 * typed the data; Tasklist shows them when a form submission fails, and the JSON API returns them as a 400 problem.
 * Thrown inside the engine transaction, it rolls back everything the submission did.
 *
 * <p>It extends the engine's form validation exception (an impl class, deliberately) because that is what Camunda's
 * REST API answers with 400 Bad Request instead of 500 when completing a task or submitting a form.
 */
public class InvalidFormDataException extends FormFieldValidationException {

  private final List<FieldError> errors;

  public InvalidFormDataException(List<FieldError> errors) {
    super(errors.isEmpty() ? null : errors.get(0).field(), summary(errors));
    this.errors = List.copyOf(errors);
  }

  public InvalidFormDataException(String field, String message) {
    this(List.of(new FieldError(field, message)));
  }

  public List<FieldError> errors() {
    return errors;
  }

  private static String summary(List<FieldError> errors) {
    StringBuilder text = new StringBuilder("Dữ liệu chưa hợp lệ: ");
    for (int i = 0; i < errors.size(); i++) {
      if (i > 0) {
        text.append("; ");
      }
      text.append(errors.get(i).message());
    }
    return text.toString();
  }

  /** One rejected field: its variable name (a JSON path for list items) and the Vietnamese message. */
  public record FieldError(String field, String message) {
  }
}
