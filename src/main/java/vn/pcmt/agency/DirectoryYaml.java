package vn.pcmt.agency;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;

import org.yaml.snakeyaml.LoaderOptions;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import vn.pcmt.agency.DirectoryFile.At;
import vn.pcmt.agency.DirectoryFile.Entry;
import vn.pcmt.agency.DirectoryFile.KindEntry;

/**
 * Reads the YAML directory file entry by entry, so that whatever cannot be read is reported with its line and the
 * rest is still checked: the official fixes every problem of the file in one go.
 */
final class DirectoryYaml {

  private static final ObjectMapper YAML = yaml();

  private DirectoryYaml() {
  }

  private static ObjectMapper yaml() {
    LoaderOptions limits = new LoaderOptions();
    // Jackson reads an alias as its anchor's name and never expands it, so a "billion laughs" file stays small;
    // the limits bound what SnakeYAML itself holds
    limits.setMaxAliasesForCollections(10);
    limits.setCodePointLimit(DirectoryImports.MAX_FILE_BYTES);
    return new ObjectMapper(YAMLFactory.builder().loaderOptions(limits).build())
        .registerModule(new JavaTimeModule())
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
        .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true);
  }

  static DirectoryFile.Read read(String fileName, String sha256, String text) {
    List<DirectoryProblem> problems = new ArrayList<>();
    List<At<KindEntry>> kinds = new ArrayList<>();
    List<At<Entry>> agencies = new ArrayList<>();
    String province = null;
    try (JsonParser parser = YAML.createParser(text)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        problems.add(new DirectoryProblem(null, null,
            "Tệp không phải danh bạ: danh bạ gồm các mục province, kinds (loại cơ quan) và agencies (cơ quan)."));
        return new DirectoryFile.Read(fileName, sha256, null, kinds, agencies, problems);
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        String where = line(parser);
        parser.nextToken();
        switch (field) {
          case "province" -> province = parser.currentToken().isScalarValue() ? parser.getValueAsString() : null;
          case "kinds" -> list(parser, where, "kinds", KindEntry.class, (at, kind) -> kinds.add(new At<>(at, kind)),
              problems);
          case "agencies" -> list(parser, where, "agencies", Entry.class,
              (at, entry) -> agencies.add(new At<>(at, entry)), problems);
          default -> {
            problems.add(new DirectoryProblem(where, null, "Mục '" + field
                + "' không có trong mẫu danh bạ. Các mục: province, kinds, agencies."));
            parser.skipChildren();
          }
        }
      }
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? null : "dòng " + e.getLocation().getLineNr();
      problems.add(new DirectoryProblem(where, null, "Tệp YAML viết sai cú pháp, không đọc được: "
          + e.getOriginalMessage()));
    } catch (IOException e) {
      problems.add(new DirectoryProblem(null, null, "Không đọc được tệp: " + e.getMessage()));
    }
    return new DirectoryFile.Read(fileName, sha256, province, kinds, agencies, problems);
  }

  private static <T> void list(JsonParser parser, String where, String field, Class<T> type, BiConsumer<String, T> add,
      List<DirectoryProblem> problems) throws IOException {
    if (parser.currentToken() == JsonToken.VALUE_NULL) {
      return;
    }
    if (parser.currentToken() != JsonToken.START_ARRAY) {
      problems.add(new DirectoryProblem(where, null, "Mục '" + field + "' phải là một danh sách (mỗi phần tử bắt đầu"
          + " bằng dấu gạch ngang '- ')."));
      parser.skipChildren();
      return;
    }
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      String at = line(parser);
      JsonNode node = YAML.readTree(parser);
      if (node == null || !node.isObject()) {
        problems.add(new DirectoryProblem(at, null, "Phần tử của '" + field + "' phải gồm các trường (code: ..., "
            + "name: ...), không phải một giá trị đơn."));
        continue;
      }
      try {
        add.accept(at, YAML.treeToValue(node, type));
      } catch (JsonMappingException e) {
        problems.add(new DirectoryProblem(at, node.path("code").isValueNode() ? node.path("code").asText() : null,
            message(e, type)));
      }
    }
  }

  private static String line(JsonParser parser) {
    return "dòng " + parser.currentTokenLocation().getLineNr();
  }

  /** What was wrong with a field, in the official's words. */
  static String message(JsonMappingException e, Class<?> entryType) {
    String field = e.getPath().isEmpty() ? "" : e.getPath().get(0).getFieldName();
    if (e instanceof UnrecognizedPropertyException unknown) {
      return "Trường '" + unknown.getPropertyName() + "' không có trong mẫu (viết sai tên?). Các trường: "
          + String.join(", ", Arrays.stream(entryType.getRecordComponents()).map(c -> c.getName()).toList()) + ".";
    }
    if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
      Class<?> target = mismatch.getTargetType();
      String value = e instanceof InvalidFormatException format ? " '" + format.getValue() + "'" : "";
      if (target == LocalDate.class) {
        return "Giá trị" + value + " của trường '" + field + "' không phải ngày: viết năm-tháng-ngày, ví dụ 2025-07-01.";
      }
      if (target == AgencyRole.class) {
        return "Vai trò" + value + " không có. Các vai trò: "
            + String.join(", ", Arrays.stream(AgencyRole.values()).map(Enum::name).toList()) + ".";
      }
      if (java.util.Collection.class.isAssignableFrom(target)) {
        return "Trường '" + field + "' phải là một danh sách, ví dụ [SLDTBXH, SNV].";
      }
      return "Giá trị" + value + " của trường '" + field + "' không đúng kiểu.";
    }
    return "Trường '" + field + "' không đọc được: " + e.getOriginalMessage();
  }
}
