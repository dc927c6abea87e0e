package vn.pcmt.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Polls the outbox every {@code pcmt.mail.poll-interval} on every node, unless {@code pcmt.mail.poller-enabled} is false. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "pcmt.mail.poller-enabled", havingValue = "true", matchIfMissing = true)
class OutboxPollerSchedule {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxPollerSchedule.class);

  private final OutboxPoller poller;

  OutboxPollerSchedule(OutboxPoller poller) {
    this.poller = poller;
  }

  @Scheduled(fixedDelayString = "${pcmt.mail.poll-interval:PT30S}", initialDelayString = "${pcmt.mail.poll-interval:PT30S}")
  void poll() {
    try {
      poller.poll();
    } catch (RuntimeException e) {
      LOG.warn("Polling the mail outbox failed: {}", e.getMessage(), e);
    }
  }
}
