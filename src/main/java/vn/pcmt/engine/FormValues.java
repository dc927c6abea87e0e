package vn.pcmt.engine;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import vn.pcmt.engine.InvalidFormDataException.FieldError;

/**
 * The problems of one submission, each with its field, so the official sees every problem at once: those the form
 * file's rules find ({@link FormRules}) first, then the capability's own rules. Also reads raw form values (strings
 * from date pickers and selects) into typed ones; a value the form's rules already refused is not reported again.
 */
public final class FormValues {

  private final List<FieldError> errors = new ArrayList<>();

  public LocalDate date(String text, String field, String label) {
    if (text == null || text.isBlank() || has(field)) {
      return null;
    }
    try {
      // the date picker submits yyyy-MM-dd; a time part, if a client sends one, is ignored
      return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      errors.add(new FieldError(field, label + ": '" + text + "' không phải là ngày hợp lệ (định dạng năm-tháng-ngày)."));
      return null;
    }
  }

  public <E extends Enum<E>> E enumValue(Class<E> type, String text, String field, String label) {
    if (text == null || text.isBlank() || has(field)) {
      return null;
    }
    try {
      return Enum.valueOf(type, text.trim());
    } catch (IllegalArgumentException e) {
      errors.add(new FieldError(field, label + ": giá trị '" + text + "' không hợp lệ."));
      return null;
    }
  }

  /** A JSON list variable; an unreadable one is an error, a missing one an empty list. */
  public <T> List<T> list(Supplier<List<T>> reader, String field) {
    if (has(field)) {
      return List.of();
    }
    try {
      List<T> list = reader.get();
      return list == null ? List.of() : list.stream().filter(java.util.Objects::nonNull).toList();
    } catch (InvalidFormDataException e) {
      errors.addAll(e.errors());
      return List.of();
    }
  }

  public void add(String field, String message) {
    errors.add(new FieldError(field, message));
  }

  public void addAll(List<FieldError> more) {
    errors.addAll(more);
  }

  /** Whether a problem was already found with this field (the path a form rule names, e.g. nominees[0].name). */
  public boolean has(String field) {
    return errors.stream().anyMatch(error -> error.field().equals(field));
  }

  public boolean hasErrors() {
    return !errors.isEmpty();
  }

  public void throwIfInvalid() {
    if (!errors.isEmpty()) {
      throw new InvalidFormDataException(errors);
    }
  }
}
