package vn.pcmt.processowner;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;

/** Camunda Modeler's Deploy button as its HTTP request: multipart POST /engine-rest/deployment/create, HTTP Basic. */
public final class ModelerDeploy {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  private ModelerDeploy() {
  }

  public record Reply(int status, JsonNode json, String text) {
  }

  /** Deploys the files (resource name to content) as Modeler does, with duplicate filtering. */
  public static Reply deploy(int port, String user, String password, String name, Map<String, byte[]> files)
      throws IOException, InterruptedException {
    return deploy(port, user, password, name, files, true);
  }

  public static Reply deploy(int port, String user, String password, String name, Map<String, byte[]> files,
      boolean duplicateFiltering) throws IOException, InterruptedException {
    String boundary = "pcmt-" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("deployment-name", name);
    fields.put("deployment-source", "Camunda Modeler");
    fields.put("enable-duplicate-filtering", String.valueOf(duplicateFiltering));
    for (Map.Entry<String, String> field : fields.entrySet()) {
      body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
          + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
    }
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.getKey() + "\"; filename=\""
          + file.getKey() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      body.write(file.getValue());
      body.write("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
        + "/engine-rest/deployment/create")).timeout(Duration.ofSeconds(60))
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
        .header("Accept", "application/json")
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    JsonNode json = response.body() == null || response.body().isBlank() ? NullNode.getInstance()
        : JSON.readTree(response.body());
    return new Reply(response.statusCode(), json, response.body());
  }
}
