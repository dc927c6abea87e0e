package vn.pcmt.engine;

import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * A process variable holding a JSON document, as Camunda Forms submit lists (dynamic lists, tables). Reads it as a
 * Java type and writes it back as a Camunda {@code Json} variable, so Tasklist shows it in forms again.
 */
public final class JsonVar<T> {

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .registerModule(new JavaTimeModule())
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private final String name;
  private final TypeReference<T> type;

  private JsonVar(String name, TypeReference<T> type) {
    this.name = Objects.requireNonNull(name);
    this.type = Objects.requireNonNull(type);
  }

  public static <T> JsonVar<T> of(String name, TypeReference<T> type) {
    return new JsonVar<>(name, type);
  }

  public String name() {
    return name;
  }

  /** The value in the scope, or {@code null} when it is not set. */
  public T get(VariableScope scope) {
    return read(scope.getVariableTyped(name));
  }

  public T get(Map<String, ?> variables) {
    Object value = variables.get(name);
    return value instanceof TypedValue typed ? read(typed) : readRaw(value);
  }

  public void set(VariableScope scope, T value) {
    scope.setVariable(name, typed(value));
  }

  public void setLocal(VariableScope scope, T value) {
    scope.setVariableLocal(name, typed(value));
  }

  public void remove(VariableScope scope) {
    scope.removeVariable(name);
  }

  public Map<String, Object> put(Map<String, Object> variables, T value) {
    variables.put(name, typed(value));
    return variables;
  }

  /** The value as a Camunda JSON variable. */
  public JsonValue typed(T value) {
    try {
      return SpinValues.jsonValue(MAPPER.writeValueAsString(value)).create();
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Cannot write variable '" + name + "' as JSON", e);
    }
  }

  private T read(TypedValue typed) {
    if (typed == null || typed.getValue() == null) {
      return null;
    }
    if (typed instanceof JsonValue json) {
      return readText(json.getValueSerialized());
    }
    return readRaw(typed.getValue());
  }

  private T readRaw(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof String text) {
      return readText(text);
    }
    if (value instanceof org.camunda.spin.json.SpinJsonNode node) {
      return readText(node.toString());
    }
    return MAPPER.convertValue(value, type);
  }

  private T readText(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return MAPPER.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new InvalidFormDataException(name, "Dữ liệu của trường '" + name + "' không đúng định dạng.");
    }
  }
}
