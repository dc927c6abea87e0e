package vn.pcmt.monitoring;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The monitor's page at /monitor/ and its session login, before the API's HTTP Basic filter. */
@Configuration
class MonitorWebConfig {

  @Bean
  FilterRegistrationBean<MonitorSessionFilter> monitorSessionAuthentication(ProcessEngine engine,
      MonitorAccess access) {
    FilterRegistrationBean<MonitorSessionFilter> registration =
        new FilterRegistrationBean<>(new MonitorSessionFilter(engine, access));
    registration.setName("pcmt-monitor-session");
    registration.addUrlPatterns("/monitor/*", "/api/monitor/*");
    // before pcmt-rest-authentication (lowest precedence), which must see the request marked as authenticated
    registration.setOrder(0);
    return registration;
  }

  /** /monitor and /monitor/ show the page (static/monitor/index.html). */
  @Controller
  static class MonitorPage {

    @GetMapping({"/monitor", "/monitor/"})
    String page() {
      return "forward:/monitor/index.html";
    }
  }
}
