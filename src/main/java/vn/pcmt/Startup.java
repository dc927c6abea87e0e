package vn.pcmt;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import vn.pcmt.agency.AgencyDirectory;
import vn.pcmt.agency.IdentitySync;
import vn.pcmt.processowner.ProcessDeployer;

/**
 * What every node does once the engine is up, in this order: the directory is imported and mirrored into Camunda
 * identity, then the diagrams and forms are deployed. All of it is idempotent, so nodes may restart at any time.
 */
@Component
public class Startup {

  private final AgencyDirectory directory;
  private final IdentitySync identity;
  private final ProcessDeployer deployer;
  private final ApplicationEventPublisher events;

  Startup(AgencyDirectory directory, IdentitySync identity, ProcessDeployer deployer, ApplicationEventPublisher events) {
    this.directory = directory;
    this.identity = identity;
    this.deployer = deployer;
    this.events = events;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(0)
  void start() {
    identity.sync(directory.importDirectory());
    deployer.deployAll();
    events.publishEvent(new ApplicationPrepared());
  }

  /** Published when the directory, identity and processes are in place (the demo data waits for it). */
  public record ApplicationPrepared() {
  }
}
