package vn.pcmt.monitoring;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.web.filter.OncePerRequestFilter;

import vn.pcmt.web.RequestAuthentication;

/**
 * Lets a browser use the monitor with the login of the Camunda webapps (/camunda/app/welcome/default/): the webapps
 * keep the user in the HTTP session of this same application, and this filter sets that user, with its groups, on the
 * engine for requests to /monitor/* and /api/monitor/*. API clients without such a session keep HTTP Basic (the
 * request goes on to vn.pcmt.web's Basic filter, which this filter tells to step aside only when it authenticated).
 *
 * <p>Changes (POST...) authenticated by the session must carry the session's anti-forgery token in the header
 * {@code X-XSRF-TOKEN} (the Camunda webapps' own token, or the monitor's, from GET /api/monitor/me), and come from
 * this origin when the browser names one: another site cannot make a logged-in official's browser remind or re-route.
 *
 * <p>The page itself answers 401 with a link to the login when nobody is logged in, and 403 to users who may not use
 * the monitor ({@link MonitorAccess}); both in Vietnamese.
 */
class MonitorSessionFilter extends OncePerRequestFilter {

  static final String CSRF_HEADER = "X-XSRF-TOKEN";
  /** The Camunda webapps' token in the session (CsrfPreventionFilter). */
  static final String CAMUNDA_CSRF_ATTRIBUTE = "CAMUNDA_CSRF_TOKEN";
  static final String MONITOR_CSRF_ATTRIBUTE = "vn.pcmt.monitoring.csrf";
  static final String LOGIN_URL = "/camunda/app/welcome/default/";
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final IdentityService identity;
  private final String engineName;
  private final MonitorAccess access;

  MonitorSessionFilter(ProcessEngine engine, MonitorAccess access) {
    this.identity = engine.getIdentityService();
    this.engineName = engine.getName();
    this.access = access;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    UserAuthentication user = sessionUser(request);
    boolean page = isPage(request);
    if (user == null) {
      if (page) {
        html(response, HttpServletResponse.SC_UNAUTHORIZED, "Vui lòng đăng nhập",
            "Trang theo dõi dùng chung tài khoản với Camunda Tasklist. Vui lòng <a href=\"" + LOGIN_URL
                + "\">đăng nhập</a> rồi mở lại <a href=\"/monitor/\">trang theo dõi</a>.");
        return;
      }
      chain.doFilter(request, response);
      return;
    }
    if (!SAFE_METHODS.contains(request.getMethod()) && !trusted(request)) {
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      response.setContentType("application/problem+json;charset=UTF-8");
      response.getWriter().write("{\"type\":\"urn:pcmt:problem:forbidden\",\"title\":\"Không có quyền\","
          + "\"status\":403,\"detail\":\"Yêu cầu thiếu mã chống giả mạo (X-XSRF-TOKEN) hoặc không xuất phát từ trang"
          + " theo dõi. Vui lòng tải lại trang.\"}");
      return;
    }
    request.setAttribute(RequestAuthentication.AUTHENTICATED_USER, user.getIdentityId());
    identity.setAuthentication(user.getIdentityId(), user.getGroupIds(), user.getTenantIds());
    try {
      if (page && !access.allowed(new Viewer(user.getIdentityId(), user.getGroupIds()))) {
        html(response, HttpServletResponse.SC_FORBIDDEN, "Không có quyền truy cập",
            "Trang theo dõi chỉ dành cho Thường trực và lãnh đạo UBND. Tài khoản <b>" + escape(user.getIdentityId())
                + "</b> không có quyền xem trang này. Công việc của cơ quan bạn ở <a href=\"/camunda/app/tasklist/\">"
                + "Tasklist</a>.");
        return;
      }
      chain.doFilter(request, response);
    } finally {
      identity.clearAuthentication();
    }
  }

  private UserAuthentication sessionUser(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return null;
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    if (authentications == null) {
      return null;
    }
    return authentications.getAuthenticationForProcessEngine(engineName) instanceof UserAuthentication user
        ? user : null;
  }

  static boolean isSessionAuthenticated(HttpServletRequest request) {
    return request.getAttribute(RequestAuthentication.AUTHENTICATED_USER) != null;
  }

  /** The token the page sends with its changes: the webapps' own if they set one, else one for the monitor. */
  static String csrfToken(HttpServletRequest request) {
    HttpSession session = request.getSession();
    Object camunda = session.getAttribute(CAMUNDA_CSRF_ATTRIBUTE);
    if (camunda instanceof String token && !token.isBlank()) {
      return token;
    }
    synchronized (session) {
      Object own = session.getAttribute(MONITOR_CSRF_ATTRIBUTE);
      if (own == null) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        own = HexFormat.of().formatHex(bytes);
        session.setAttribute(MONITOR_CSRF_ATTRIBUTE, own);
      }
      return (String) own;
    }
  }

  private static boolean trusted(HttpServletRequest request) {
    String sent = request.getHeader(CSRF_HEADER);
    HttpSession session = request.getSession(false);
    if (sent == null || sent.isBlank() || session == null) {
      return false;
    }
    boolean token = equal(sent, session.getAttribute(CAMUNDA_CSRF_ATTRIBUTE))
        || equal(sent, session.getAttribute(MONITOR_CSRF_ATTRIBUTE));
    return token && sameOrigin(request);
  }

  private static boolean equal(String sent, Object expected) {
    return expected instanceof String token && MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
        token.getBytes(StandardCharsets.UTF_8));
  }

  /** When the browser names the origin (Origin, else Referer), it must be this server. */
  private static boolean sameOrigin(HttpServletRequest request) {
    String origin = request.getHeader("Origin");
    if (origin == null) {
      origin = request.getHeader("Referer");
    }
    if (origin == null || origin.isBlank() || "null".equals(origin)) {
      return origin == null;
    }
    try {
      URI uri = URI.create(origin);
      String host = request.getHeader("Host");
      String authority = uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
      return host != null && host.equalsIgnoreCase(authority);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static boolean isPage(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.equals("/monitor") || path.equals("/monitor/") || path.equals("/monitor/index.html");
  }

  private static void html(HttpServletResponse response, int status, String title, String message)
      throws IOException {
    response.setStatus(status);
    response.setContentType("text/html;charset=UTF-8");
    response.getWriter().write("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>" + title
        + " – Theo dõi thực hiện kế hoạch</title><link rel=\"stylesheet\" href=\"/monitor/monitor.css\"></head>"
        + "<body><main class=\"notice\" id=\"notice\"><h1>" + title + "</h1><p>" + message + "</p></main></body></html>");
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
