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

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Startup.class);

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
    runOnce();
    events.publishEvent(new ApplicationPrepared());
  }

  /**
   * Two nodes starting together on one database may both insert the same agency or group; the loser's transaction
   * fails on the unique key. Running the idempotent steps again then finds everything in place.
   */
  private void runOnce() {
    for (int attempt = 1; ; attempt++) {
      try {
        identity.sync(directory.importDirectory());
        deployer.deployAll();
        return;
      } catch (RuntimeException e) {
        if (attempt == 3) {
          throw e;
        }
        LOG.warn("Start-up step collided with another node ({}); trying again", e.getMessage());
        try {
          Thread.sleep(500L * attempt);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  /** Published when the directory, identity and processes are in place (the demo data waits for it). */
  public record ApplicationPrepared() {
  }
}
