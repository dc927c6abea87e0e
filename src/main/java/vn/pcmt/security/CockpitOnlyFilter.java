package vn.pcmt.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Cockpit's figures only for those who may open Cockpit (ACCESS to the application "cockpit": the administrators).
 *
 * <p>Everyone reads the diagrams (Tasklist needs them), and the engine's statistics need nothing more than that: any
 * official could count every running plan, sub-plan and report, and see how many agencies sit at each step and how
 * many incidents there are, through {@code GET /process-definition/statistics} and
 * {@code /process-definition/{id}/statistics}, on {@code /engine-rest} and on Tasklist's route alike; the engine's
 * metrics ({@code /metrics}: activity instances started, jobs run ...) need no authorization at all; Cockpit's own API
 * ({@code /camunda/api/cockpit}) asks only that the caller be logged in. Only Cockpit and Admin use them: this filter
 * answers 403 to everyone without Cockpit access, and to anyone not authenticated by the time it runs.
 */
final class CockpitOnlyFilter extends OncePerRequestFilter {

  static final Pattern STATISTICS = Pattern.compile(
      ".*/process-definition(?:/key/[^/]+(?:/tenant-id/[^/]+)?|/[^/]+)?/statistics(?:-count)?/?");
  static final Pattern METRICS =
      Pattern.compile("(?:/engine-rest(?:/engine/[^/]+)?|.*/api/engine/engine/[^/]+)/metrics(?:/.*)?");
  static final String COCKPIT = "cockpit";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final String cockpitApi;

  CockpitOnlyFilter(IdentityService identity, AuthorizationService authorizations, String webapps) {
    this.identity = identity;
    this.authorizations = authorizations;
    this.cockpitApi = webapps + "/api/cockpit/";
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    if (!path.startsWith(cockpitApi) && !STATISTICS.matcher(path).matches() && !METRICS.matcher(path).matches()) {
      chain.doFilter(request, response);
      return;
    }
    if (mayOpenCockpit()) {
      chain.doFilter(request, response);
      return;
    }
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(JSON.createObjectNode().put("type", "AuthorizationException")
        .put("message", "Chỉ người được vào Cockpit (quản trị hệ thống) mới xem được số liệu thống kê quy trình.")
        .toString());
  }

  private boolean mayOpenCockpit() {
    Authentication user = identity.getCurrentAuthentication();
    if (user == null || user.getUserId() == null) {
      return false;
    }
    try {
      return authorizations.isUserAuthorized(user.getUserId(), user.getGroupIds(), Permissions.ACCESS,
          Resources.APPLICATION, COCKPIT);
    } catch (ProcessEngineException e) {
      return false;
    }
  }
}
