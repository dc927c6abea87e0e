package vn.pcmt.reorganisation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Agencies end at midnight: every node looks for their open tasks a few minutes later, and once at start-up (a
 * directory imported while the application was down). The succession's row per task keeps the nodes from moving a
 * task twice.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "pcmt.reorganisation.enabled", havingValue = "true", matchIfMissing = true)
class AgencySuccessionSchedule {

  private static final Logger LOG = LoggerFactory.getLogger(AgencySuccessionSchedule.class);

  private final AgencySuccession succession;

  AgencySuccessionSchedule(AgencySuccession succession) {
    this.succession = succession;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Scheduled(cron = "${pcmt.reorganisation.cron:0 5 0 * * *}", zone = "${pcmt.zone:Asia/Ho_Chi_Minh}")
  void run() {
    try {
      int handled = succession.apply().size();
      if (handled > 0) {
        LOG.info("Agency succession: {} open tasks of ended agencies handled", handled);
      }
    } catch (RuntimeException e) {
      LOG.warn("Agency succession failed, retried at the next run: {}", e.getMessage(), e);
    }
  }
}
