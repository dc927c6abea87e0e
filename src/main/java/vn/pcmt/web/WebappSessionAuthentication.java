package vn.pcmt.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Tasklist's "Tài liệu" tab (app/pcmt/documents.js) calls {@code /api/tasks/{id}/documents} and
 * {@code /api/documents/{id}} from the browser, where the official is logged in to the Camunda webapps, not with HTTP
 * Basic. For these two paths only, the user of the webapps' login session is the caller:
 * <ul>
 *   <li>a request with an {@code Authorization} header keeps HTTP Basic ({@link RestAuthenticationConfig}), as before;
 *   <li>otherwise, when the session holds the webapps' login for the engine (Camunda keeps it in the HTTP session of
 *       this same application), that user with its groups is set on the engine for the request and cleared after it,
 *       and the Basic filter steps aside; the engine's authorization checks apply as with Basic;
 *   <li>a change (POST) authenticated by the session must carry the webapps' anti-forgery token in
 *       {@code X-XSRF-TOKEN}, as Tasklist's own calls do: the value of the {@code XSRF-TOKEN} cookie, checked here
 *       against the token Camunda keeps in the session (the cookie's source), so another site cannot make a logged-in
 *       official's browser attach a file; refused with a Vietnamese 403 problem otherwise;
 *   <li>without session and without Basic, a script's call ({@code X-Requested-With: XMLHttpRequest}) gets a
 *       Vietnamese 401 problem without a Basic challenge (no browser password dialog over Tasklist); any other
 *       request goes on to the Basic filter and its 401, unchanged.
 * </ul>
 *
 * <p>The Basic filter is told to step aside through the request attribute {@link RequestAuthentication}, which
 * {@link RestAuthenticationConfig} honours (the monitor's pages use the same mechanism).
 */
@Configuration
class WebappSessionAuthentication {

  /** Request attribute telling the Basic filter ({@link RestAuthenticationConfig}) to step aside. */
  static final String AUTHENTICATED_USER = RequestAuthentication.AUTHENTICATED_USER;
  static final String CSRF_HEADER = "X-XSRF-TOKEN";
  /** Where Camunda's CsrfPreventionFilter keeps the session's token (the XSRF-TOKEN cookie carries the same value). */
  static final String CAMUNDA_CSRF_SESSION_ATTRIBUTE = "CAMUNDA_CSRF_TOKEN";
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  @Bean
  FilterRegistrationBean<SessionFilter> webappSessionAuthenticationFilter(ProcessEngine engine) {
    FilterRegistrationBean<SessionFilter> registration =
        new FilterRegistrationBean<>(new SessionFilter(engine.getIdentityService(), engine.getName()));
    registration.setName("pcmt-webapp-session-authentication");
    registration.addUrlPatterns("/api/tasks/*", "/api/documents/*");
    // before the Basic filter (registered without an order, i.e. last)
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
    return registration;
  }

  static final class SessionFilter extends OncePerRequestFilter {

    private final IdentityService identity;
    private final String engineName;

    SessionFilter(IdentityService identity, String engineName) {
      this.identity = identity;
      this.engineName = engineName;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      if (request.getHeader("Authorization") != null) {
        chain.doFilter(request, response);
        return;
      }
      UserAuthentication user = sessionUser(request);
      if (user == null) {
        if ("XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
          problem(response, HttpServletResponse.SC_UNAUTHORIZED, "Chưa đăng nhập",
              "Phiên làm việc đã hết. Vui lòng đăng nhập lại.");
        } else {
          chain.doFilter(request, response);
        }
        return;
      }
      if (!SAFE_METHODS.contains(request.getMethod()) && !carriesSessionToken(request)) {
        problem(response, HttpServletResponse.SC_FORBIDDEN, "Không có quyền",
            "Yêu cầu thiếu mã chống giả mạo (X-XSRF-TOKEN) của phiên làm việc. Vui lòng tải lại trang.");
        return;
      }
      request.setAttribute(AUTHENTICATED_USER, user.getIdentityId());
      identity.setAuthentication(user.getIdentityId(), user.getGroupIds(), user.getTenantIds());
      try {
        chain.doFilter(request, response);
      } finally {
        identity.clearAuthentication();
      }
    }

    /** The webapps' logged-in user for this engine, or null. */
    private UserAuthentication sessionUser(HttpServletRequest request) {
      HttpSession session = request.getSession(false);
      Authentications authentications = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
      return authentications != null
          && authentications.getAuthenticationForProcessEngine(engineName) instanceof UserAuthentication user
          ? user : null;
    }

    private static boolean carriesSessionToken(HttpServletRequest request) {
      String sent = request.getHeader(CSRF_HEADER);
      HttpSession session = request.getSession(false);
      Object expected = session == null ? null : session.getAttribute(CAMUNDA_CSRF_SESSION_ATTRIBUTE);
      return sent != null && !sent.isBlank() && expected instanceof String token && !token.isBlank()
          && MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }

    private static void problem(HttpServletResponse response, int status, String title, String detail)
        throws IOException {
      response.setStatus(status);
      response.setContentType("application/problem+json;charset=UTF-8");
      response.getWriter().write("{\"type\":\"urn:pcmt:problem:" + (status == 401 ? "unauthenticated" : "forbidden")
          + "\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}");
    }
  }
}
