package vn.pcmt.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A task takes only the values its form asks for. Completing a task, or setting its variables, through Camunda's REST
 * API (and Tasklist's own copy of it under /camunda/api/engine) may otherwise write any process variable: a REST
 * client could point its report at another plan's period ({@code periodId}) or hide a reference behind a task-local
 * variable of the same name. Every such request is checked against the fields of the task's deployed form; a name
 * that is not a field is refused with 400 and nothing changes. The form rules ({@code ValidateFormListener}) then
 * check the values themselves.
 */
@Configuration
class FormContractFilter extends OncePerRequestFilter {

  /** The task endpoints that write variables: {prefix}/task/{id}/{action}[/{name}[/data]]. */
  private static final Pattern WRITE = Pattern.compile(
      "^(?:/engine-rest|/camunda/api/engine/engine/[^/]+)/task/([^/]+)/(complete|submit-form|resolve|variables|localVariables)(?:/([^/]+)(?:/data)?)?/?$");
  private static final int MAX_BODY = 4 * 1024 * 1024;

  private final ProcessEngineConfigurationImpl engine;
  private final ObjectMapper json;

  FormContractFilter(ProcessEngineConfiguration engine, ObjectMapper json) {
    this.engine = (ProcessEngineConfigurationImpl) engine;
    this.json = json;
  }

  @Bean
  FilterRegistrationBean<FormContractFilter> formContract() {
    FilterRegistrationBean<FormContractFilter> registration = new FilterRegistrationBean<>(this);
    registration.setName("pcmt-form-contract");
    registration.addUrlPatterns("/engine-rest/task/*", "/camunda/api/engine/engine/*");
    // after authentication, so an unauthenticated caller still gets 401 first
    registration.setOrder(Ordered.LOWEST_PRECEDENCE);
    return registration;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    Matcher write = WRITE.matcher(path);
    String method = request.getMethod();
    if (!write.matches() || !(method.equals("POST") || method.equals("PUT") || method.equals("DELETE"))) {
      chain.doFilter(request, response);
      return;
    }
    String taskId = write.group(1);
    String action = write.group(2);
    String variable = write.group(3);
    Set<String> fields = formFields(taskId);
    if (fields == null) {
      // no such task, or a task without a Camunda Form: the engine answers as it always does
      chain.doFilter(request, response);
      return;
    }
    byte[] body = request.getInputStream().readNBytes(MAX_BODY);
    List<String> names = new ArrayList<>();
    if (variable != null) {
      names.add(variable);
    } else if (body.length > 0) {
      names.addAll(variableNames(action, body));
    }
    List<String> foreign = names.stream().filter(name -> !fields.contains(name)).distinct().toList();
    if (!foreign.isEmpty()) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      response.setContentType("application/json");
      response.setCharacterEncoding("UTF-8");
      String message = "Biểu mẫu của việc này không có trường " + String.join(", ", foreign.stream()
          .map(name -> "'" + name + "'").toList()) + ": không được ghi giá trị này. (Not a field of the task's form "
          + "" + fields + ".)";
      json.writeValue(response.getOutputStream(), java.util.Map.of("type", "InvalidRequestException",
          "message", message));
      return;
    }
    chain.doFilter(new ReplayedBody(request, body), response);
  }

  private List<String> variableNames(String action, byte[] body) throws IOException {
    List<String> names = new ArrayList<>();
    JsonNode root;
    try {
      root = json.readTree(body);
    } catch (IOException e) {
      return names; // malformed: the engine's REST API says what is wrong with it
    }
    if (root == null) {
      return names;
    }
    JsonNode variables = action.equals("variables") || action.equals("localVariables")
        ? root.path("modifications") : root.path("variables");
    variables.fieldNames().forEachRemaining(names::add);
    root.path("deletions").forEach(name -> names.add(name.asText()));
    return names;
  }

  /**
   * The top-level keys of the task's deployed form: fields' keys, and the paths of lists and groups that bind a
   * variable; null when the task does not exist or has no Camunda Form. Read without the caller's authorization:
   * only the names are used, and only to refuse.
   */
  private Set<String> formFields(String taskId) {
    return engine.getCommandExecutorTxRequired().execute(context -> context.runWithoutAuthorization(() -> {
      TaskEntity task = context.getTaskManager().findTaskById(taskId);
      if (task == null) {
        return null;
      }
      try (InputStream form = new GetDeployedTaskFormCmd(taskId).execute(context)) {
        Set<String> keys = new LinkedHashSet<>();
        collect(json.readTree(form).path("components"), keys);
        return keys;
      } catch (ProcessEngineException | IOException e) {
        // a task without a deployed Camunda Form (a standalone task, an embedded form): not this filter's business
        return null;
      }
    }));
  }

  private static void collect(JsonNode components, Set<String> keys) {
    for (JsonNode component : components) {
      if (component.hasNonNull("key")) {
        keys.add(component.get("key").asText());
      } else if (component.hasNonNull("path") && !component.get("path").asText().isBlank()) {
        keys.add(component.get("path").asText().split("\\.")[0]);
      } else if (component.has("components")) {
        collect(component.get("components"), keys);
      }
    }
  }

  /** The request with its body read once here and replayed to the REST API. */
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

        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
          return in.read(buffer, offset, length);
        }
      };
    }

    @Override
    public java.io.BufferedReader getReader() {
      return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }
  }
}
