package vn.pcmt.security;

import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinitionQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Completing a task, or starting a plan from its start form, sets only the fields of the Camunda Form the step shows.
 *
 * <p>The engine lets whoever may work on a task (TASK_WORK) send any variables with its completion, and a variable
 * sent that way overwrites the process variable of that name. The variables that route the work (agencyGroup,
 * agencyHeadGroup, secretariatGroup, planId ...) are on no form, yet an officer could send them: route the head's
 * approval back to the officers' own group, or have the agency's result recorded as another agency's. This filter,
 * in front of Camunda's REST API and of the webapps' copy of it (what Tasklist calls), refuses with 400 every
 * completion, form submission, resolution, BPMN error or escalation of a task, and every start of a process with a
 * start form, that carries a variable the step's form does not have. A task without a Camunda Form accepts no
 * variables. Tasklist sends only the form's fields, so it is not affected.
 *
 * <p>It runs after the caller is authenticated ({@link EngineApiGuards}) and looks the form up with the caller's own
 * rights: a task the caller cannot read is left to the engine, which refuses the call as before (403/404).
 */
final class FormFieldsOnlyFilter extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(FormFieldsOnlyFilter.class);

  static final Pattern TASK_ACTION =
      Pattern.compile(".*/task/([^/]+)/(?:complete|submit-form|resolve|bpmnError|bpmnEscalation)/?");
  static final Pattern START = Pattern.compile(
      ".*/process-definition/(?:key/([^/]+)(?:/tenant-id/([^/]+))?|([^/]+))/(?:start|submit-form)/?");

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final TaskService tasks;
  private final FormService forms;
  private final RepositoryService repository;
  private final IdentityService identity;

  FormFieldsOnlyFilter(TaskService tasks, FormService forms, RepositoryService repository, IdentityService identity) {
    this.tasks = tasks;
    this.forms = forms;
    this.repository = repository;
    this.identity = identity;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    // servlet path and path info: decoded, without ;parameters, as the REST application resolves them
    String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    Matcher task = TASK_ACTION.matcher(path);
    Matcher start = START.matcher(path);
    if (!task.matches() && !start.matches()) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body = request.getInputStream().readAllBytes();
    HttpServletRequest replay = new ReplayedBody(request, body);
    Set<String> sent;
    try {
      sent = variableNames(body);
    } catch (IOException e) {
      refuse(response, "Nội dung gửi lên không phải JSON hợp lệ.");
      return;
    }
    if (sent.isEmpty()) {
      chain.doFilter(replay, response);
      return;
    }
    Optional<Set<String>> fields = task.matches() ? taskFields(task.group(1))
        : startFields(start.group(1), start.group(2), start.group(3));
    if (fields.isEmpty()) {
      chain.doFilter(replay, response);
      return;
    }
    Set<String> foreign = new TreeSet<>(sent);
    foreign.removeAll(fields.get());
    if (!foreign.isEmpty()) {
      var user = identity.getCurrentAuthentication();
      LOG.warn("Refused {} {} by {}: variables not on the form {}", request.getMethod(), path,
          user == null ? "(not yet authenticated)" : user.getUserId(), foreign);
      refuse(response, "Không được gửi dữ liệu ngoài biểu mẫu của bước này: " + String.join(", ", foreign)
          + ". Chỉ các trường của biểu mẫu được lưu.");
      return;
    }
    chain.doFilter(replay, response);
  }

  /** The names of the variables the body sets: {@code variables}, and those of start instructions. */
  static Set<String> variableNames(byte[] body) throws IOException {
    Set<String> names = new TreeSet<>();
    if (body.length == 0) {
      return names;
    }
    JsonNode json = JSON.readTree(body);
    if (json == null || json.isNull() || json.isMissingNode()) {
      return names;
    }
    if (!json.isObject()) {
      throw new IOException("not a JSON object");
    }
    json.path("variables").fieldNames().forEachRemaining(names::add);
    for (JsonNode instruction : json.path("startInstructions")) {
      instruction.path("variables").fieldNames().forEachRemaining(names::add);
    }
    return names;
  }

  /** The task's form fields; empty when the caller cannot see the task (the engine answers that). */
  private Optional<Set<String>> taskFields(String taskId) {
    if (tasks.createTaskQuery().taskId(taskId).count() == 0) {
      return Optional.empty();
    }
    try (InputStream form = forms.getDeployedTaskForm(taskId)) {
      return Optional.of(fieldsOf(JSON.readTree(form)));
    } catch (ProcessEngineException | IOException e) {
      // no Camunda Form (or none readable): the task takes no variables
      return Optional.of(Set.of());
    }
  }

  /** The start form's fields; empty when there is no such definition or no start form (the engine decides). */
  private Optional<Set<String>> startFields(String key, String tenantId, String id) {
    ProcessDefinitionQuery query = repository.createProcessDefinitionQuery();
    if (id != null) {
      query.processDefinitionId(id);
    } else {
      query.processDefinitionKey(key).latestVersion();
      if (tenantId != null) {
        query.tenantIdIn(tenantId);
      } else {
        query.withoutTenantId();
      }
    }
    ProcessDefinition definition = query.singleResult();
    if (definition == null) {
      return Optional.empty();
    }
    try (InputStream form = forms.getDeployedStartForm(definition.getId())) {
      return Optional.of(fieldsOf(JSON.readTree(form)));
    } catch (ProcessEngineException | IOException e) {
      return Optional.empty();
    }
  }

  /**
   * The variables a Camunda Form submits: the first segment of each field's key, and of each group's or dynamic
   * list's path (its fields submit inside that one variable).
   */
  static Set<String> fieldsOf(JsonNode form) {
    Set<String> fields = new TreeSet<>();
    collect(form, fields);
    return fields;
  }

  private static void collect(JsonNode container, Set<String> fields) {
    for (JsonNode component : container.path("components")) {
      String path = component.path("path").asText("");
      String key = component.path("key").asText("");
      if (!path.isBlank()) {
        fields.add(path.split("\\.")[0]);
        continue;
      }
      if (!key.isBlank()) {
        fields.add(key.split("\\.")[0]);
      }
      collect(component, fields);
    }
  }

  private static void refuse(HttpServletResponse response, String message) throws IOException {
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(JSON.createObjectNode().put("type", "InvalidRequestException")
        .put("message", message).toString());
  }

  /** The request with its body read once and served again to the REST application. */
  private static final class ReplayedBody extends HttpServletRequestWrapper {

    private final byte[] body;

    ReplayedBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException();
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      String encoding = getCharacterEncoding();
      return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body),
          encoding == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(encoding)));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
