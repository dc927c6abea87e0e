package vn.pcmt.engine;

import java.util.Date;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A process variable, named once. Process classes ({@code *Process}) declare every variable their diagram reads or
 * writes as a {@code Var}; delegates, listeners, controllers and tests use those constants instead of strings.
 *
 * <p>Numbers arrive from forms and REST clients as Integer, Long or Double; {@link #get} converts them to the declared
 * numeric type so callers never care which one the client sent.
 */
public record Var<T>(String name, Class<T> type) {

  public Var {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
  }

  public static <T> Var<T> of(String name, Class<T> type) {
    return new Var<>(name, type);
  }

  /** The value in the scope, or {@code null} when it is not set. */
  public T get(VariableScope scope) {
    return convert(scope.getVariable(name));
  }

  public T get(Map<String, ?> variables) {
    return convert(variables.get(name));
  }

  public boolean isSetIn(VariableScope scope) {
    return scope.getVariable(name) != null;
  }

  public void set(VariableScope scope, T value) {
    scope.setVariable(name, value);
  }

  public void setLocal(VariableScope scope, T value) {
    scope.setVariableLocal(name, value);
  }

  public void remove(VariableScope scope) {
    scope.removeVariable(name);
  }

  /** Puts the value into a variables map (for starting a process or completing a task). */
  public Map<String, Object> put(Map<String, Object> variables, T value) {
    variables.put(name, value);
    return variables;
  }

  @SuppressWarnings("unchecked")
  T convert(Object value) {
    if (value == null || type.isInstance(value)) {
      return (T) value;
    }
    if (value instanceof Number number) {
      if (type == Long.class) {
        return (T) Long.valueOf(number.longValue());
      }
      if (type == Integer.class) {
        return (T) Integer.valueOf(number.intValue());
      }
      if (type == Double.class) {
        return (T) Double.valueOf(number.doubleValue());
      }
    }
    if (type == Boolean.class && value instanceof String text) {
      return (T) Boolean.valueOf(text);
    }
    if (type == String.class && !(value instanceof Date)) {
      return (T) value.toString();
    }
    throw new IllegalStateException(
        "Variable '" + name + "' holds a " + value.getClass().getSimpleName() + ", expected " + type.getSimpleName());
  }
}
