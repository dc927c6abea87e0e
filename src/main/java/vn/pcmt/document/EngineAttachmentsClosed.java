package vn.pcmt.document;

import java.io.IOException;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The engine's task attachment endpoints check no authorization at all (anyone logged in could read or add a file
 * on any agency's task by its id), so they are closed, in the engine's REST API and in the webapps' copy of it.
 * Documents go through /api/tasks/{id}/documents ({@link Documents}), which checks who may see them.
 */
@Configuration
class EngineAttachmentsClosed extends OncePerRequestFilter {

  @Bean
  FilterRegistrationBean<EngineAttachmentsClosed> engineAttachmentsClosedRegistration() {
    FilterRegistrationBean<EngineAttachmentsClosed> registration = new FilterRegistrationBean<>(this);
    registration.setName("pcmt-engine-attachments-closed");
    registration.addUrlPatterns("/engine-rest/task/*", "/camunda/api/engine/engine/*");
    return registration;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.matches("^(?:/engine-rest|/camunda/api/engine/engine/[^/]+)/task/[^/]+/attachment(?:/.*)?$")) {
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      response.setContentType("application/json");
      response.setCharacterEncoding("UTF-8");
      response.getWriter().write("{\"type\":\"AuthorizationException\",\"message\":\"Tệp đính kèm chỉ mở qua "
          + "/api/tasks/{id}/documents (the engine's attachment endpoints are closed: they check no "
          + "authorization).\"}");
      return;
    }
    chain.doFilter(request, response);
  }
}
