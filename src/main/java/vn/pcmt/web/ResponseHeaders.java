package vn.pcmt.web;

import java.io.IOException;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * Officials work on shared office PCs: nothing the application's API or Camunda's REST API answers (case data, error
 * details) may stay in the browser's or a proxy's cache, and no answer may be sniffed into another content type.
 * Set before the request goes on, so refusals by later filters (401, 403) carry the headers too; a later component's
 * weaker cache header (Camunda's REST API sends {@code no-cache}, which still lets the browser store the answer) is
 * ignored. The webapps under {@code /camunda} keep Camunda's own header filter
 * ({@code camunda.bpm.webapp.header-security}).
 */
@Configuration
class ResponseHeaders {

  static final String[] PATHS = {"/api/*", "/engine-rest/*", "/monitor/*", "/error"};

  @Bean
  FilterRegistrationBean<NoStoreNoSniff> responseHeadersFilter() {
    FilterRegistrationBean<NoStoreNoSniff> registration = new FilterRegistrationBean<>(new NoStoreNoSniff());
    registration.setName("pcmt-response-headers");
    registration.addUrlPatterns(PATHS);
    registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  static final class NoStoreNoSniff extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
      return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
      response.setHeader(HttpHeaders.PRAGMA, "no-cache");
      response.setHeader("X-Content-Type-Options", "nosniff");
      chain.doFilter(request, new CacheHeadersKept(response));
    }
  }

  /** Keeps this filter's cache headers whatever the rest of the chain sets. */
  static final class CacheHeadersKept extends HttpServletResponseWrapper {

    CacheHeadersKept(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void setHeader(String name, String value) {
      if (!isCacheHeader(name)) {
        super.setHeader(name, value);
      }
    }

    @Override
    public void addHeader(String name, String value) {
      if (!isCacheHeader(name)) {
        super.addHeader(name, value);
      }
    }

    @Override
    public void setDateHeader(String name, long date) {
      if (!isCacheHeader(name)) {
        super.setDateHeader(name, date);
      }
    }

    @Override
    public void addDateHeader(String name, long date) {
      if (!isCacheHeader(name)) {
        super.addDateHeader(name, date);
      }
    }

    private static boolean isCacheHeader(String name) {
      return HttpHeaders.CACHE_CONTROL.equalsIgnoreCase(name) || HttpHeaders.PRAGMA.equalsIgnoreCase(name)
          || HttpHeaders.EXPIRES.equalsIgnoreCase(name);
    }
  }
}
