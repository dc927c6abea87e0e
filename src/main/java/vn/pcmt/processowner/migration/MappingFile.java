package vn.pcmt.processowner.migration;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.repository.ProcessDefinition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * A process owner's mapping file, {@code <process key>.migration.yaml} next to the diagram: for moving running
 * instances from one version to another, where the running steps go when the engine cannot tell by itself (a step
 * whose id changed). Steps whose id is the same in both versions need no line.
 *
 * <pre>
 * migrations:
 *   - from: "1.0"                  # the source version: its Version tag, or "v3" for version 3; omitted = any
 *     to: "1.1"                    # the target version, likewise
 *     map:
 *       Task_DraftReport: Task_PrepareReport
 *     updateEventTriggers: true    # reminder and other timers follow the new diagram (the default)
 * </pre>
 *
 * The first entry whose {@code from} and {@code to} match applies.
 */
record MappingFile(String fileName, List<Rule> rules) {

  static final String SUFFIX = ".migration.yaml";
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Set<String> RULE_FIELDS = Set.of("from", "to", "map", "updateEventTriggers");

  /**
   * One entry: which versions it is for, explicit step mappings (source step id to target step id), and whether
   * timers are computed again from the target diagram.
   */
  record Rule(String from, String to, Map<String, String> map, boolean updateEventTriggers) {

    boolean appliesTo(ProcessDefinition source, ProcessDefinition target) {
      return matches(from, source) && matches(to, target);
    }

    /** "from 1.0 to 1.1", as the report names the entry. */
    String describe() {
      return "from " + (from == null ? "*" : from) + " to " + (to == null ? "*" : to);
    }

    private static boolean matches(String version, ProcessDefinition definition) {
      if (version == null) {
        return true;
      }
      String wanted = version.strip();
      return wanted.equals(definition.getVersionTag()) || wanted.equalsIgnoreCase("v" + definition.getVersion())
          || wanted.equals(String.valueOf(definition.getVersion()));
    }
  }

  Optional<Rule> ruleFor(ProcessDefinition source, ProcessDefinition target) {
    return rules.stream().filter(rule -> rule.appliesTo(source, target)).findFirst();
  }

  /** The file of a process: {@code agency-report.migration.yaml}. */
  static String fileNameOf(String processKey) {
    return processKey + SUFFIX;
  }

  /** Reads a mapping file; refuses it in the process owner's words when it is not of the form above. */
  static MappingFile parse(String fileName, byte[] content) {
    JsonNode root;
    try {
      root = YAML.readTree(content);
    } catch (IOException e) {
      throw new MigrationRequestException("Tệp ánh xạ " + fileName + " không đọc được (không phải YAML hợp lệ): "
          + (e instanceof com.fasterxml.jackson.core.JsonProcessingException json ? json.getOriginalMessage()
              : e.getMessage()) + ".", e);
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      return new MappingFile(fileName, List.of());
    }
    JsonNode entries = root.get("migrations");
    if (!root.isObject() || entries == null || !entries.isArray()) {
      throw refused(fileName, "phải có mục 'migrations:' là một danh sách (mỗi phần tử bắt đầu bằng '- from: ...').");
    }
    List<Rule> rules = new ArrayList<>();
    int index = 0;
    for (JsonNode entry : entries) {
      index++;
      if (!entry.isObject()) {
        throw refused(fileName, "phần tử thứ " + index + " của 'migrations' phải có các khóa from, to, map.");
      }
      for (Iterator<String> names = entry.fieldNames(); names.hasNext();) {
        String name = names.next();
        if (!RULE_FIELDS.contains(name)) {
          throw refused(fileName, "phần tử thứ " + index + " có khóa '" + name + "' không dùng được; chỉ dùng "
              + "from, to, map, updateEventTriggers.");
        }
      }
      Map<String, String> map = new LinkedHashMap<>();
      JsonNode mapNode = entry.get("map");
      if (mapNode != null && !mapNode.isNull()) {
        if (!mapNode.isObject()) {
          throw refused(fileName, "'map' của phần tử thứ " + index + " phải gồm các dòng 'Mã_bước_cũ: Mã_bước_mới'.");
        }
        for (Iterator<Map.Entry<String, JsonNode>> lines = mapNode.fields(); lines.hasNext();) {
          Map.Entry<String, JsonNode> line = lines.next();
          if (!line.getValue().isTextual() || line.getValue().asText().isBlank()) {
            throw refused(fileName, "bước '" + line.getKey() + "' (phần tử thứ " + index
                + ") phải được ánh xạ tới mã một bước của phiên bản mới, ví dụ '" + line.getKey() + ": Task_...'.");
          }
          map.put(line.getKey().strip(), line.getValue().asText().strip());
        }
      }
      JsonNode update = entry.get("updateEventTriggers");
      if (update != null && !update.isNull() && !update.isBoolean()) {
        throw refused(fileName, "'updateEventTriggers' của phần tử thứ " + index + " phải là true hoặc false.");
      }
      rules.add(new Rule(text(entry.get("from")), text(entry.get("to")), map,
          update == null || update.isNull() || update.asBoolean()));
    }
    return new MappingFile(fileName, List.copyOf(rules));
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull() || node.asText().isBlank() ? null : node.asText().strip();
  }

  private static MigrationRequestException refused(String fileName, String what) {
    return new MigrationRequestException("Tệp ánh xạ " + fileName + " sai dạng: " + what);
  }
}
