package vn.pcmt.notification;

import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.pcmt.calendar.Deadlines;

/**
 * Sends what is due: messages whose after-commit sending failed or never happened, once their back-off has passed,
 * and messages whose sender's claim expired. Every node polls; the claim lets only one node send each message.
 * While the SMTP server cannot be reached a poll stops at the first message, so an outage costs one attempt per
 * poll, not one per waiting message.
 */
@Component
class OutboxPoller {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxPoller.class);
  /** A backlog is worked off in rounds of {@code pcmt.mail.poll-batch-size}; at most this many rounds per poll. */
  private static final int MAX_ROUNDS = 50;

  private final MailOutbox outbox;
  private final OutboxSender sender;
  private final NotificationProperties properties;
  private final Deadlines clock;

  OutboxPoller(MailOutbox outbox, OutboxSender sender, NotificationProperties properties, Deadlines clock) {
    this.outbox = outbox;
    this.sender = sender;
    this.properties = properties;
    this.clock = clock;
  }

  /** Sends the messages due now; returns how many this node sent. */
  int poll() {
    if (!sender.smtpConfigured()) {
      return 0;
    }
    int sent = 0;
    for (int round = 0; round < MAX_ROUNDS; round++) {
      Instant now = clock.now().toInstant();
      List<Long> due = outbox.due(now, properties.pollBatchSize());
      int claimed = 0;
      for (long id : due) {
        OutboxSender.Attempt attempt = sender.attempt(id);
        if (attempt.outcome() != OutboxSender.Outcome.NOT_CLAIMED) {
          claimed++;
        }
        if (attempt.outcome() == OutboxSender.Outcome.SENT) {
          sent++;
        }
        if (attempt.serverUnreachable()) {
          LOG.info("SMTP server unreachable; {} due messages wait for the next poll", due.size() - claimed);
          return sent;
        }
      }
      if (due.size() < properties.pollBatchSize() || claimed == 0) {
        break;
      }
    }
    if (sent > 0) {
      LOG.info("Sent {} waiting messages", sent);
    }
    return sent;
  }
}
