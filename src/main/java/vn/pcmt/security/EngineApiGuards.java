package vn.pcmt.security;

import java.util.EnumSet;

import jakarta.servlet.DispatcherType;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;

/**
 * What the engine's authorizations alone let through and nobody should use: {@link FormFieldsOnlyFilter} and
 * {@link CockpitOnlyFilter}, on both routes into the engine's REST API ({@code /engine-rest} and the webapps'
 * {@code /camunda/api}, what Tasklist calls), each time after the filter that authenticates the caller, so they act
 * with the caller's rights. The webapps add their filters in their own initializer, and a filter added later runs
 * later: hence an auto-configuration after Camunda's webapp configuration (listed in
 * META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports) that adds its filters itself.
 * {@code vn.pcmt.security.AuthorizationMatrixApiTest} checks the answers, and so the order, on both routes.
 */
@AutoConfiguration(after = CamundaBpmWebappAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class EngineApiGuards {

  @Bean
  ServletContextInitializer engineApiGuards(TaskService tasks, FormService forms, RepositoryService repository,
      IdentityService identity, AuthorizationService authorizations,
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webapps) {
    return servletContext -> {
      servletContext.addFilter("pcmt-form-fields-only", new FormFieldsOnlyFilter(tasks, forms, repository, identity))
          .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/engine-rest/*",
              webapps + "/api/engine/*");
      servletContext.addFilter("pcmt-cockpit-only", new CockpitOnlyFilter(identity, authorizations, webapps))
          .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/engine-rest/*",
              webapps + "/api/engine/*", webapps + "/api/cockpit/*");
    };
  }
}
