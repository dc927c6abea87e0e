package vn.pcmt.web;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Nobody unauthenticated reaches the engine's REST API or the application's JSON API: both take HTTP Basic with the
 * same Camunda users as Tasklist, and the authenticated user (with its groups) is set on the engine for the request,
 * so the engine's authorization checks apply to every call.
 *
 * <p>A request an earlier filter already authenticated ({@link RequestAuthentication}: the monitor's pages and API
 * reuse the Camunda webapps' login session) passes without Basic; every other request without a valid Basic header
 * is answered 401, as before.
 */
@Configuration
class RestAuthenticationConfig {

  @Bean
  FilterRegistrationBean<Filter> restAuthentication() {
    FilterRegistrationBean<Filter> registration =
        new FilterRegistrationBean<>(new UnlessAuthenticated(new ProcessEngineAuthenticationFilter()));
    registration.setName("pcmt-rest-authentication");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/engine-rest/*", "/api/*");
    return registration;
  }

  /** Runs the Basic filter only for requests no earlier filter authenticated. */
  static final class UnlessAuthenticated implements Filter {

    private final Filter basic;

    UnlessAuthenticated(Filter basic) {
      this.basic = basic;
    }

    @Override
    public void init(FilterConfig config) throws ServletException {
      basic.init(config);
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
        throws IOException, ServletException {
      if (request.getAttribute(RequestAuthentication.AUTHENTICATED_USER) != null) {
        chain.doFilter(request, response);
      } else {
        basic.doFilter(request, response, chain);
      }
    }

    @Override
    public void destroy() {
      basic.destroy();
    }
  }
}
