package vn.pcmt.processowner;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;

import vn.pcmt.web.PublicUrl;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import vn.pcmt.Startup.ApplicationPrepared;

/**
 * The demo profile only: a process owner, {@value #USER}, with the printed demo password, to deploy from Camunda
 * Modeler (endpoint {@code PCMT_PUBLIC_URL}/engine-rest, HTTP Basic).
 */
@Component
@Profile("demo")
class ProcessOwnerDemoUser {

  static final String USER = "quytrinh";
  private static final Logger LOG = LoggerFactory.getLogger(ProcessOwnerDemoUser.class);

  private final IdentityService identity;
  private final String password;
  private final PublicUrl publicUrl;

  ProcessOwnerDemoUser(IdentityService identity, @Value("${pcmt.demo.password}") String password,
      PublicUrl publicUrl) {
    this.identity = identity;
    this.password = password;
    this.publicUrl = publicUrl;
  }

  @EventListener(ApplicationPrepared.class)
  void load() {
    if (identity.createUserQuery().userId(USER).count() == 0) {
      User user = identity.newUser(USER);
      user.setFirstName("Chủ quy trình");
      user.setLastName("Thiết kế sơ đồ, biểu mẫu");
      user.setEmail(USER + "@sonla.pcmt.example");
      user.setPassword(password);
      identity.saveUser(user);
      identity.createMembership(USER, ProcessOwners.GROUP);
    }
    LOG.info("DEMO: chủ quy trình {} / {} triển khai sơ đồ từ Camunda Modeler (Deploy › REST endpoint"
        + " {}/engine-rest, Authentication: HTTP Basic)", USER, password, publicUrl.base());
  }
}
