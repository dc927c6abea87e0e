package vn.pcmt.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Fills a Camunda Form as an official would in Tasklist, read from the form's JSON alone (not from the server's rule
 * code): every required field shown gets a value of its type within its limits, an empty list that may grow gets a
 * row, what is already there stays. Then, for each required field the form shows, a submission without it. Visibility is
 * decided as form-js decides it, with the FEEL engine directly.
 */
final class FormFiller {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final FeelEngineApi FEEL = FeelEngineBuilder.forJava().build();

  /** A submission lacking one required field that the form shows; {@code label} names it in the message. */
  record Missing(String label, String where, Map<String, Object> submission) {
  }

  private final JsonNode form;
  private final LocalDate today;

  FormFiller(JsonNode form, LocalDate today) {
    this.form = form;
    this.today = today;
  }

  /**
   * The form's data, filled: {@code existing} (the task's variables) with a value for every empty required field.
   * {@code lastOption}: choose the last option of a choice (a return on a decision form) instead of the first.
   */
  Map<String, Object> fill(Map<String, Object> existing, boolean lastOption) {
    Map<String, Object> data = copy(existing);
    fill(form.path("components"), data, lastOption, data, null);
    return data;
  }

  /** What Tasklist submits: the value of every top-level field shown. */
  Map<String, Object> submission(Map<String, Object> data) {
    Map<String, Object> result = new LinkedHashMap<>();
    topLevel(form.path("components"), data, result);
    return result;
  }

  /** For every required field shown (in some choice of the decisions around it), a submission without it. */
  List<Missing> eachRequiredMissing(Map<String, Object> data) {
    List<Missing> result = new ArrayList<>();
    required(form.path("components"), data, new ArrayList<>(), data, null, result);
    return result;
  }

  /**
   * Fills the fields an official sees: not those disabled, read-only or hidden ({@code conditional.hide}, with
   * {@code this} the row of a list and {@code parent} the data around it), which Tasklist neither shows nor submits.
   */
  private void fill(JsonNode components, Map<String, Object> container, boolean lastOption, Map<String, Object> data,
      Object parent) {
    for (JsonNode component : components) {
      String type = component.path("type").asText();
      if (component.path("disabled").asBoolean(false) || component.path("readonly").asBoolean(false)
          || hidden(component, context(data, container, parent, List.of()))) {
        continue;
      }
      if ("group".equals(type)) {
        fill(component.path("components"), within(container, component.path("path").asText("")), lastOption, data,
            parent);
      } else if ("dynamiclist".equals(type)) {
        String path = component.path("path").asText();
        Object rows = container.get(path);
        if ((rows == null || rows instanceof List<?> list && list.isEmpty())
            && component.path("allowAddRemove").asBoolean(false)) {
          rows = new ArrayList<>(List.of(new LinkedHashMap<String, Object>()));
          container.put(path, rows);
        }
        if (rows instanceof List<?> list) {
          for (Object row : list) {
            fill(component.path("components"), cast(row), lastOption, data, container);
          }
        }
      } else if (component.has("key") && component.path("validate").path("required").asBoolean(false)
          && isEmpty(container.get(component.get("key").asText()))) {
        container.put(component.get("key").asText(), sample(component, lastOption));
      }
    }
  }

  private Object sample(JsonNode field, boolean lastOption) {
    JsonNode validate = field.path("validate");
    if (validate.has("pattern")) {
      throw new IllegalStateException("Field " + field.path("key").asText() + " has a pattern: give this test a"
          + " sample value for it");
    }
    List<Object> options = new ArrayList<>();
    field.path("values").forEach(option -> options.add(JSON.convertValue(option.get("value"), Object.class)));
    return switch (field.path("type").asText()) {
      case "number" -> validate.path("min").isNumber() ? validate.get("min").numberValue() : 1;
      case "checkbox" -> true;
      case "datetime" -> switch (field.path("subtype").asText("date")) {
        case "time" -> "09:00";
        case "datetime" -> today + "T09:00";
        default -> today.toString();
      };
      case "radio", "select" -> options.get(lastOption ? options.size() - 1 : 0);
      case "checklist", "taglist" -> List.of(options.get(0));
      default -> {
        String text = "Nội dung thử của trường " + label(field) + ".";
        int max = validate.path("maxLength").asInt(Integer.MAX_VALUE);
        yield text.length() > max ? text.substring(0, max) : text;
      }
    };
  }

  private void topLevel(JsonNode components, Map<String, Object> data, Map<String, Object> result) {
    for (JsonNode component : components) {
      if (component.path("disabled").asBoolean(false) || hidden(component, context(data, data, null, List.of()))) {
        continue;
      }
      String name = component.has("key") ? component.get("key").asText()
          : component.has("path") ? component.get("path").asText() : null;
      if (name != null && !name.isBlank()) {
        String first = name.split("\\.")[0];
        result.put(first, data.get(first));
      } else if ("group".equals(component.path("type").asText())) {
        topLevel(component.path("components"), data, result);
      }
    }
  }

  /**
   * Walks the fields with the first row of each list; for a required field, finds data showing it (as is, or with
   * one choice beside it changed) and records that data with the field emptied.
   */
  private void required(JsonNode components, Map<String, Object> data, List<Object> path, Object self,
      Object parent, List<Missing> result) {
    for (JsonNode component : components) {
      String type = component.path("type").asText();
      if (component.path("disabled").asBoolean(false)) {
        continue;
      }
      if ("dynamiclist".equals(type)) {
        List<Object> listPath = append(path, component.path("path").asText());
        if (at(data, listPath) instanceof List<?> rows && !rows.isEmpty()
            && !hidden(component, context(data, self, parent, List.of()))) {
          required(component.path("components"), data, append(listPath, 0), rows.get(0), self, result);
        }
      } else if ("group".equals(type)) {
        String groupPath = component.path("path").asText("");
        required(component.path("components"), data, groupPath.isEmpty() ? path : append(path, groupPath), self,
            parent, result);
      } else if (component.has("key") && component.path("validate").path("required").asBoolean(false)) {
        List<Object> fieldPath = append(path, component.get("key").asText());
        Map<String, Object> shown = showing(components, component, data, path);
        if (shown != null) {
          setAt(shown, fieldPath, null);
          result.add(new Missing(label(component), FormCheck.name(fieldPath), submission(shown)));
        }
      }
    }
  }

  /** The data with the field shown: as it is, or with one choice of the same container set otherwise; or null. */
  private Map<String, Object> showing(JsonNode siblings, JsonNode field, Map<String, Object> data, List<Object> path) {
    List<Map<String, Object>> candidates = new ArrayList<>();
    candidates.add(copy(data));
    for (JsonNode sibling : siblings) {
      String type = sibling.path("type").asText();
      if (sibling == field || !sibling.has("key") || !List.of("radio", "select", "checkbox").contains(type)) {
        continue;
      }
      List<Object> values = new ArrayList<>();
      sibling.path("values").forEach(option -> values.add(JSON.convertValue(option.get("value"), Object.class)));
      if ("checkbox".equals(type)) {
        values.addAll(List.of(true, false));
      }
      for (Object value : values) {
        Map<String, Object> variant = copy(data);
        setAt(variant, append(path, sibling.get("key").asText()), value);
        candidates.add(variant);
      }
    }
    for (Map<String, Object> candidate : candidates) {
      Object self = path.isEmpty() ? candidate : at(candidate, path);
      Object parent = path.isEmpty() ? null : candidate;
      if (!hidden(field, context(candidate, self, parent, path.isEmpty() ? List.of() : List.of(1)))) {
        return candidate;
      }
    }
    return null;
  }

  private static boolean hidden(JsonNode component, Map<String, Object> context) {
    String hide = component.path("conditional").path("hide").asText("");
    if (hide.isBlank()) {
      return false;
    }
    var result = FEEL.evaluateExpression(hide.startsWith("=") ? hide.substring(1) : hide, context);
    return result.isSuccess() && Boolean.TRUE.equals(result.result());
  }

  private static Map<String, Object> context(Map<String, Object> data, Object self, Object parent,
      List<Integer> rows) {
    Map<String, Object> context = new HashMap<>();
    context.put("this", self);
    context.put("parent", parent);
    context.put("i", rows);
    context.putAll(data);
    context.put("_this_", self);
    context.put("_parent_", parent);
    context.put("_i_", rows);
    return context;
  }

  static String label(JsonNode field) {
    for (String property : List.of("label", "dateLabel", "timeLabel", "key")) {
      if (field.hasNonNull(property) && !field.get(property).asText().isBlank()) {
        return field.get(property).asText();
      }
    }
    return field.path("id").asText();
  }

  private static boolean isEmpty(Object value) {
    return value == null || value instanceof String text && text.isBlank()
        || value instanceof List<?> list && list.isEmpty();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cast(Object row) {
    return (Map<String, Object>) row;
  }

  private static Map<String, Object> within(Map<String, Object> container, String path) {
    Map<String, Object> current = container;
    for (String segment : path.isEmpty() ? new String[0] : path.split("\\.")) {
      current = cast(current.computeIfAbsent(segment, s -> new LinkedHashMap<String, Object>()));
    }
    return current;
  }

  private static List<Object> append(List<Object> path, Object segment) {
    List<Object> result = new ArrayList<>(path);
    if (segment instanceof String text) {
      result.addAll(List.of((Object[]) text.split("\\.")));
    } else {
      result.add(segment);
    }
    return result;
  }

  private static Object at(Object data, List<Object> path) {
    Object current = data;
    for (Object segment : path) {
      current = segment instanceof Integer index ? ((List<?>) current).get(index) : ((Map<?, ?>) current).get(segment);
      if (current == null) {
        return null;
      }
    }
    return current;
  }

  @SuppressWarnings("unchecked")
  private static void setAt(Map<String, Object> data, List<Object> path, Object value) {
    Object container = at(data, path.subList(0, path.size() - 1));
    Object last = path.get(path.size() - 1);
    if (last instanceof Integer index) {
      ((List<Object>) container).set(index, value);
    } else {
      ((Map<String, Object>) container).put((String) last, value);
    }
  }

  /** A deep copy through JSON: a variant never changes the data it came from. */
  private static Map<String, Object> copy(Map<String, Object> data) {
    return JSON.convertValue(data, JSON.getTypeFactory().constructMapType(LinkedHashMap.class, String.class,
        Object.class));
  }
}
