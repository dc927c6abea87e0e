package vn.pcmt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import vn.pcmt.calendar.WorkingCalendar;
import org.junit.jupiter.api.AfterEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;

/**
 * Drives the running application over HTTP as its users do: the JSON API and Camunda's REST API with HTTP Basic,
 * the job executor running, the engine clock moved to the plan's dates. Demo users: officer {@code <code>cb}, head
 * {@code <code>ld}, password {@code demo}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.job-execution.enabled=true",
    "camunda.bpm.job-execution.wait-time-in-millis=50",
    "camunda.bpm.job-execution.max-wait=300",
    // process coverage is measured by the process tests, which drive the engine in one thread
    "spring.autoconfigure.exclude="
        + "org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration"})
@ActiveProfiles({"demo", "test"})
public abstract class ApiTestSupport {

  protected static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
  protected static final ObjectMapper JSON = new ObjectMapper();
  protected static final String PASSWORD = "demo";
  private static final DateTimeFormatter REST_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

  @LocalServerPort
  protected int port;

  private final HttpClient http = HttpClient.newHttpClient();

  @org.springframework.beans.factory.annotation.Autowired
  private org.camunda.bpm.engine.ProcessEngine processEngine;

  /**
   * The REST API and the webapps find the engine named "default" in Camunda's JVM-wide registry, where the engine of
   * whichever test context started last (or was closed last) sits. Each test puts its own context's engine there, so
   * its HTTP calls reach its own engine and database.
   */
  @org.junit.jupiter.api.BeforeEach
  void ownEngineServesTheRestApi() {
    org.camunda.bpm.engine.ProcessEngines.registerProcessEngine(processEngine);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  protected static String officer(String agency) {
    return agency.toLowerCase() + "cb";
  }

  protected static String head(String agency) {
    return agency.toLowerCase() + "ld";
  }

  protected record Response(int status, JsonNode json, String text, java.net.http.HttpHeaders httpHeaders) {

    public List<String> headers(String name) {
      return httpHeaders.allValues(name);
    }
  }

  protected Response call(String user, String method, String path, Object body) {
    return callAs(user, PASSWORD, method, path, body);
  }

  /** As {@link #call}, with the password given: null user, no credentials at all. */
  protected Response callAs(String user, String password, String method, String path, Object body) {
    return callAccepting("application/json", user, password, method, path, body);
  }

  /** As {@link #callAs}, asking for the given media type (a browser asks for text/html). */
  protected Response callAccepting(String accept, String user, String password, String method, String path,
      Object body) {
    return send(accept, user, password, method, path, body, "application/json");
  }

  /** A body of any content type, sent as it is (a client posting a form where JSON is expected). */
  protected Response callRaw(String user, String password, String method, String path, String contentType,
      String body) {
    return send("application/json", user, password, method, path, body, contentType);
  }

  private Response send(String accept, String user, String password, String method, String path, Object body,
      String contentType) {
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
          .timeout(Duration.ofSeconds(60)).header("Accept", accept);
      if (user != null) {
        request.header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
      }
      if (body == null) {
        request.method(method, HttpRequest.BodyPublishers.noBody());
      } else {
        request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(
            body instanceof String text ? text : JSON.writeValueAsString(body), StandardCharsets.UTF_8));
      }
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode json = NullNode.getInstance();
      if (response.body() != null && !response.body().isBlank() && response.body().trim().matches("(?s)^[\\[{].*")) {
        json = JSON.readTree(response.body());
      }
      return new Response(response.statusCode(), json, response.body(), response.headers());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  protected JsonNode get(String user, String path) {
    Response response = call(user, "GET", path, null);
    assertThat(response.status()).as("GET %s as %s: %s", path, user, response.text()).isEqualTo(200);
    return response.json();
  }

  protected void setClock(LocalDateTime vietnamTime) {
    ClockUtil.setCurrentTime(Date.from(vietnamTime.atZone(VN).toInstant()));
  }

  protected LocalDate today() {
    return ClockUtil.getCurrentTime().toInstant().atZone(VN).toLocalDate();
  }

  /** Tasks the user can see, of one step of one plan, optionally of one reporting period. */
  protected List<JsonNode> tasks(String user, String taskDefinitionKey, String planNumber, String periodLabel) {
    Map<String, Object> query = new LinkedHashMap<>();
    query.put("taskDefinitionKey", taskDefinitionKey);
    if (planNumber != null) {
      query.put("processInstanceBusinessKey", planNumber);
    }
    if (periodLabel != null) {
      query.put("processVariables", List.of(Map.of("name", "periodLabel", "operator", "eq", "value", periodLabel)));
    }
    Response response = call(user, "POST", "/engine-rest/task", query);
    assertThat(response.status()).as(response.text()).isEqualTo(200);
    List<JsonNode> result = new ArrayList<>();
    response.json().forEach(result::add);
    return result;
  }

  /**
   * Waits until exactly one task of the step is in the user's inbox (the job executor works asynchronously): a task
   * the user may see and whose candidate group is one of the user's (the secretariat may read every agency's task,
   * but its inbox is its own).
   */
  protected JsonNode awaitTask(String user, String taskDefinitionKey, String planNumber, String periodLabel) {
    List<List<JsonNode>> found = new ArrayList<>();
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
      List<JsonNode> inbox = tasks(user, taskDefinitionKey, planNumber, periodLabel).stream()
          .filter(task -> inboxOf(user).contains(candidateGroupOf(user, task))).toList();
      assertThat(inbox).as("%s tasks of %s in the inbox of %s", taskDefinitionKey, planNumber, user).hasSize(1);
      found.add(inbox);
    });
    return found.get(found.size() - 1).get(0);
  }

  /** The groups whose tasks are the user's work: the agency's, and its heads' for a head. */
  private static List<String> inboxOf(String user) {
    String agency = user.substring(0, user.length() - 2).toUpperCase();
    return user.endsWith("ld") ? List.of(agency, agency + "LD") : List.of(agency);
  }

  private String candidateGroupOf(String user, JsonNode task) {
    JsonNode links = get(user, "/engine-rest/task/" + task.get("id").asText() + "/identity-links?type=candidate");
    return links.size() == 0 ? null : links.get(0).get("groupId").asText();
  }

  protected List<JsonNode> awaitTasks(String user, String taskDefinitionKey, String planNumber, String periodLabel,
      int count) {
    List<List<JsonNode>> found = new ArrayList<>();
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
      List<JsonNode> tasks = tasks(user, taskDefinitionKey, planNumber, periodLabel);
      assertThat(tasks).as("%s tasks of %s for %s", taskDefinitionKey, planNumber, user).hasSize(count);
      found.add(tasks);
    });
    return found.get(found.size() - 1);
  }

  /**
   * The task is in the group's inbox, due when expected, with the expected form, and invisible and untouchable for the
   * outsider.
   */
  protected void assertTask(JsonNode task, String candidateGroup, Instant due, String form, String owner,
      String outsider) {
    String id = task.get("id").asText();
    JsonNode links = get(owner, "/engine-rest/task/" + id + "/identity-links?type=candidate");
    List<String> groups = new ArrayList<>();
    links.forEach(link -> groups.add(link.get("groupId").asText()));
    assertThat(groups).as("candidate groups of %s", task.get("name").asText()).containsExactly(candidateGroup);
    assertThat(task.get("due").isNull()).as("due date of %s", task.get("name").asText()).isFalse();
    assertThat(OffsetDateTime.parse(task.get("due").asText(), REST_DATE).toInstant())
        .as("due date of %s", task.get("name").asText()).isEqualTo(due);
    assertThat(task.get("camundaFormRef").get("key").asText()).isEqualTo(form);
    assertThat(task.get("camundaFormRef").get("binding").asText()).isEqualTo("deployment");

    assertThat(call(outsider, "GET", "/engine-rest/task/" + id, null).status())
        .as("%s reads %s", outsider, task.get("name").asText()).isEqualTo(404);
    assertThat(call(outsider, "GET", "/engine-rest/task/" + id + "/form-variables", null).status())
        .as("%s reads the variables of %s", outsider, task.get("name").asText()).isIn(403, 404);
    assertThat(tasks(outsider, task.get("taskDefinitionKey").asText(), null, null)
        .stream().map(t -> t.get("id").asText())).doesNotContain(id);
    Response complete = call(outsider, "POST", "/engine-rest/task/" + id + "/complete", Map.of("variables", Map.of()));
    assertThat(complete.status()).as("%s completes %s: %s", outsider, task.get("name").asText(), complete.text())
        .isEqualTo(403);
  }

  /** Submits the task's form as Tasklist does; fails unless the engine accepts it. */
  protected void submit(String user, JsonNode task, Map<String, Object> variables) {
    Response response = trySubmit(user, task, variables);
    assertThat(response.status()).as("%s submits %s: %s", user, task.get("name").asText(), response.text())
        .isEqualTo(204);
  }

  protected Response trySubmit(String user, JsonNode task, Map<String, Object> variables) {
    return call(user, "POST", "/engine-rest/task/" + task.get("id").asText() + "/submit-form",
        Map.of("variables", restVariables(variables)));
  }

  /** A JSON variable of the task (as Tasklist loads it for the form). */
  protected JsonNode jsonVariable(String user, JsonNode task, String name) {
    JsonNode variable = get(user, "/engine-rest/task/" + task.get("id").asText() + "/form-variables?variableNames="
        + name + "&deserializeValues=false").get(name);
    assertThat(variable).as("variable %s", name).isNotNull();
    try {
      return variable.get("value").isTextual() ? JSON.readTree(variable.get("value").asText()) : variable.get("value");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  protected static Map<String, Object> restVariables(Map<String, Object> variables) {
    Map<String, Object> result = new LinkedHashMap<>();
    variables.forEach((name, value) -> {
      Map<String, Object> variable = new LinkedHashMap<>();
      if (value instanceof List<?> || value instanceof Map<?, ?>) {
        try {
          variable.put("value", JSON.writeValueAsString(value));
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
        variable.put("type", "Json");
      } else {
        variable.put("value", value);
      }
      result.put(name, variable);
    });
    return result;
  }

  protected static Map<String, Object> vars(Object... namesAndValues) {
    Map<String, Object> result = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      result.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return result;
  }

  protected static Instant endOfDay(LocalDate date) {
    return date.atTime(23, 59, 59).atZone(VN).toInstant();
  }

  /**
   * Working days after a date as Vietnamese agencies count them (weekends, public holidays, announced days off), the
   * date itself not counted. The calendar is checked against real dates by its own tests (vn.pcmt.calendar).
   */
  protected static LocalDate plusWorkingDays(LocalDate date, int days) {
    return WORKING_DAYS.addWorkingDays(date, days);
  }

  private static final WorkingCalendar WORKING_DAYS = workingCalendar();

  private static WorkingCalendar workingCalendar() {
    try (var in = ProcessTestSupport.class.getResourceAsStream("/calendar/vietnam-days-off.yaml")) {
      return WorkingCalendar.read(in, "calendar/vietnam-days-off.yaml");
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
