package vn.pcmt.engine;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The rules of one Camunda Form file (forms/*.form) that form-js checks in Tasklist, read once so the server checks
 * the same: per field its key, label, {@code validate} ({@code required}, {@code min}, {@code max},
 * {@code minLength}, {@code maxLength}, {@code pattern}, {@code validationType}), its options (static
 * {@code values}, {@code valuesKey} or {@code valuesExpression}), its type's format (number, checkbox, date and time)
 * and its {@code conditional.hide} expression; groups and dynamic lists with the fields inside them. Texts, tables,
 * images and other components that submit nothing carry no rules. {@link FormCheck} applies them to a submission.
 */
public final class FormFile {

  /** form-js's keyed input types. */
  static final Set<String> INPUTS = Set.of("textfield", "textarea", "number", "datetime", "checkbox", "checklist",
      "radio", "select", "taglist");
  static final Set<String> OPTION_TYPES = Set.of("checklist", "radio", "select", "taglist");

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String id;
  private final List<Field> fields;

  private FormFile(String id, List<Field> fields) {
    this.id = id;
    this.fields = fields;
  }

  /** Reads a form file; {@link IllegalArgumentException} says in Vietnamese what the server cannot read. */
  public static FormFile parse(byte[] content) {
    try {
      return parse(JSON.readTree(content));
    } catch (IOException e) {
      throw new IllegalArgumentException("tệp biểu mẫu không phải JSON hợp lệ (" + e.getMessage() + ")", e);
    }
  }

  public static FormFile parse(JsonNode form) {
    if (form == null || !form.isObject()) {
      throw new IllegalArgumentException("tệp biểu mẫu không phải một biểu mẫu Camunda Forms");
    }
    return new FormFile(form.path("id").asText(null), fields(form.path("components")));
  }

  public String id() {
    return id;
  }

  List<Field> fields() {
    return fields;
  }

  private static List<Field> fields(JsonNode components) {
    List<Field> result = new ArrayList<>();
    for (JsonNode component : components) {
      Field field = field(component);
      if (field != null) {
        result.add(field);
      }
    }
    return List.copyOf(result);
  }

  private static Field field(JsonNode component) {
    String type = component.path("type").asText("");
    Kind kind = INPUTS.contains(type) ? Kind.INPUT
        : "dynamiclist".equals(type) && component.path("isRepeating").asBoolean(true) ? Kind.LIST
        : "group".equals(type) || "dynamiclist".equals(type) ? Kind.GROUP : null;
    if (kind == null) {
      return null;
    }
    String where = component.path("id").asText(type);
    try {
      String key = text(component, kind == Kind.INPUT ? "key" : "path");
      if (kind != Kind.GROUP && key == null) {
        return null; // form-js does not render a keyless input either
      }
      String label = firstText(component, "label", "dateLabel", "timeLabel");
      return new Field(type, kind, key == null ? List.of() : Arrays.asList(key.split("\\.")),
          label == null ? key : label, text(component, "description"),
          component.path("disabled").asBoolean(false),
          expression(component.path("conditional").path("hide")),
          kind == Kind.INPUT ? rules(component) : Rules.NONE,
          kind == Kind.INPUT ? List.of() : fields(component.path("components")));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("trường '" + where + "': " + e.getMessage(), e);
    }
  }

  private static Rules rules(JsonNode component) {
    JsonNode validate = component.path("validate");
    String pattern = text(validate, "pattern");
    Pattern compiled = null;
    if (pattern != null) {
      try {
        compiled = Pattern.compile(pattern);
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException("mẫu (pattern) '" + pattern + "' viết sai: " + e.getDescription(), e);
      }
    }
    return new Rules(validate.path("required").asBoolean(false), limit(validate.get("min")),
        limit(validate.get("max")), limit(validate.get("minLength")), limit(validate.get("maxLength")), pattern,
        compiled, text(validate, "validationType"), options(component), text(component, "subtype"),
        component.hasNonNull("decimalDigits") ? component.get("decimalDigits").asInt() : null,
        number(component.get("increment")), component.path("serializeToString").asBoolean(false));
  }

  private static Options options(JsonNode component) {
    if (!OPTION_TYPES.contains(component.path("type").asText())) {
      return null;
    }
    if (component.get("values") != null && component.get("values").isArray()) {
      List<Object> values = new ArrayList<>();
      for (JsonNode option : component.get("values")) {
        values.add(JSON.convertValue(option.has("value") ? option.get("value") : option, Object.class));
      }
      return new Options(values, null, null);
    }
    String key = text(component, "valuesKey");
    if (key != null) {
      return new Options(null, Arrays.asList(key.split("\\.")), null);
    }
    String expression = text(component, "valuesExpression");
    return expression == null ? null : new Options(null, null, Feel.parse(expression));
  }

  private static Limit limit(JsonNode value) {
    if (value == null || value.isNull() || value.asText().isEmpty()) {
      return null;
    }
    if (value.isTextual() && Feel.isExpression(value.asText())) {
      return new Limit(null, Feel.parse(value.asText()));
    }
    BigDecimal number = number(value);
    if (number == null) {
      throw new IllegalArgumentException("giới hạn '" + value.asText() + "' không phải là số");
    }
    return new Limit(number, null);
  }

  private static BigDecimal number(JsonNode value) {
    if (value == null || value.isNull()) {
      return null;
    }
    try {
      return value.isNumber() ? value.decimalValue() : new BigDecimal(value.asText().trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Feel.Expression expression(JsonNode value) {
    return value.isTextual() && !value.asText().isBlank() ? Feel.parse(value.asText()) : null;
  }

  private static String text(JsonNode node, String property) {
    JsonNode value = node.get(property);
    return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
  }

  private static String firstText(JsonNode node, String... properties) {
    for (String property : properties) {
      String value = text(node, property);
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  enum Kind {
    /** A field that submits a value. */
    INPUT,
    /** A group: its fields submit under its path, or at its own level without one. */
    GROUP,
    /** A dynamic list: a list of objects, each holding the list's fields. */
    LIST
  }

  /**
   * One field: its path (the key or path split at dots, relative to its container), the label the official reads,
   * whether it is disabled (form-js neither checks nor submits it) and when it is hidden.
   */
  record Field(String type, Kind kind, List<String> path, String label, String description, boolean disabled,
      Feel.Expression hide, Rules rules, List<Field> children) {
  }

  /** The {@code validate} properties and type settings of an input. */
  record Rules(boolean required, Limit min, Limit max, Limit minLength, Limit maxLength, String patternText,
      Pattern pattern, String validationType, Options options, String subtype, Integer decimalDigits,
      BigDecimal increment, boolean serializeToString) {

    static final Rules NONE = new Rules(false, null, null, null, null, null, null, null, null, null, null, null,
        false);
  }

  /** A limit written as a number or as a FEEL expression ({@code "=maxGuests"}). */
  record Limit(BigDecimal value, Feel.Expression expression) {
  }

  /** The values an option field accepts: listed in the form, read from a variable, or computed by FEEL. */
  record Options(List<Object> values, List<String> key, Feel.Expression expression) {
  }
}
