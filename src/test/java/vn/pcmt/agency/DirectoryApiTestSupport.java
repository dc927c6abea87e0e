package vn.pcmt.agency;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import vn.pcmt.ApiTestSupport;

/**
 * Directory imports over HTTP, as an administrator uploads them. Files are written from the directory as it is when
 * the test starts, so each test changes only what it means to change, in whatever order the tests run. The context
 * is the directory tests' own: their imports do not reach other test classes.
 */
@TestPropertySource(properties = "pcmt.test.context=directory-imports")
abstract class DirectoryApiTestSupport extends ApiTestSupport {

  static final String ADMIN = "admin";
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @Autowired
  AgencyDirectory directory;
  @Autowired
  IdentityService identity;
  @Autowired
  JdbcTemplate jdbc;

  private final HttpClient http = HttpClient.newHttpClient();

  record Upload(int status, JsonNode json, String text) {
  }

  /** POSTs the file as multipart/form-data, as a browser or curl -F does. */
  Upload upload(String user, String query, String fileName, byte[] content) {
    String boundary = "----pcmt" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
        + "/api/directory/imports" + query)).timeout(Duration.ofSeconds(120)).header("Accept", "application/json")
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    if (user != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode json = response.body() != null && response.body().trim().startsWith("{")
          ? JSON.readTree(response.body()) : NullNode.getInstance();
      return new Upload(response.statusCode(), json, response.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  Upload dryRun(String fileName, byte[] content) {
    return upload(ADMIN, "?dryRun=true", fileName, content);
  }

  Upload apply(String fileName, byte[] content) {
    return upload(ADMIN, "?dryRun=false", fileName, content);
  }

  /** The export as the administrator downloads it. */
  byte[] export() {
    try {
      HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
          + "/api/directory/export.xlsx")).header("Authorization", "Basic " + Base64.getEncoder()
              .encodeToString((ADMIN + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8))).GET().build(),
          HttpResponse.BodyHandlers.ofByteArray());
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith(DirectoryController.XLSX);
      return response.body();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The directory as it is now, as the YAML file writes it: province, kinds, agencies. */
  Map<String, Object> current() {
    Map<String, Object> file = new LinkedHashMap<>();
    file.put("province", "Sơn La");
    List<Map<String, Object>> kinds = new ArrayList<>();
    directory.kinds().forEach(kind -> kinds.add(new LinkedHashMap<>(Map.of("code", kind.code(), "label",
        kind.label()))));
    file.put("kinds", kinds);
    List<Map<String, Object>> agencies = new ArrayList<>();
    for (Agency agency : directory.all()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("code", agency.getCode());
      entry.put("name", agency.getName());
      entry.put("kind", agency.getKind());
      entry.put("parent", agency.getParentCode());
      entry.put("roles", agency.getRoles().stream().map(Enum::name).sorted().toList());
      entry.put("email", agency.getEmail());
      entry.put("validFrom", agency.getValidFrom() == null ? null : agency.getValidFrom().toString());
      entry.put("validTo", agency.getValidTo() == null ? null : agency.getValidTo().toString());
      entry.put("predecessors", agency.getPredecessors());
      agencies.add(entry);
    }
    file.put("agencies", agencies);
    return file;
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> agencies(Map<String, Object> file) {
    return (List<Map<String, Object>>) file.get("agencies");
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> kinds(Map<String, Object> file) {
    return (List<Map<String, Object>>) file.get("kinds");
  }

  static Map<String, Object> agency(Map<String, Object> file, String code) {
    return agencies(file).stream().filter(a -> code.equals(a.get("code"))).findFirst().orElseThrow();
  }

  static Map<String, Object> entry(String code, String name, String kind, String parent, String validFrom) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("code", code);
    entry.put("name", name);
    entry.put("kind", kind);
    entry.put("parent", parent);
    entry.put("validFrom", validFrom);
    return entry;
  }

  static byte[] yaml(Map<String, Object> file) {
    try {
      return YAML.writeValueAsBytes(file);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Everything an import may change: agencies, kinds, Camunda groups, the import history. */
  String snapshot() {
    StringBuilder text = new StringBuilder();
    directory.all().forEach(a -> text.append(a.getCode()).append('|').append(a.getName()).append('|')
        .append(a.getKind()).append('|').append(a.getParentCode()).append('|').append(a.getRoles()).append('|')
        .append(a.getValidFrom()).append('|').append(a.getValidTo()).append('|').append(a.getPredecessors())
        .append('\n'));
    directory.kinds().forEach(k -> text.append(k.code()).append('=').append(k.label()).append('\n'));
    text.append("groups=").append(identity.createGroupQuery().count()).append('\n');
    text.append("imports=").append(jdbc.queryForObject("select count(*) from directory_import", Long.class));
    return text.toString();
  }

  /** The change list of a dry run or an import, as "TYPE CODE". */
  static List<String> changes(Upload upload) {
    List<String> changes = new ArrayList<>();
    upload.json().get("changes").forEach(c -> changes.add(c.get("type").asText() + " " + c.get("code").asText()));
    return changes;
  }
}
