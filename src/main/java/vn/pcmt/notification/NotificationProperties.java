package vn.pcmt.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code pcmt.mail} settings. The SMTP server itself is Spring Boot's {@code spring.mail.*}: without
 * {@code spring.mail.host} messages are recorded, not sent.
 *
 * @param from sender of every message ("Name &lt;address&gt;")
 * @param templateLocation folder of the message templates; an operator may point it at a folder outside the
 *     application ({@code file:/etc/pcmt/mail/}) to edit the wording without a new build
 * @param pollerEnabled whether this node retries due messages on a schedule (tests drive the poller themselves)
 * @param pollInterval pause between two polls of the outbox
 * @param pollBatchSize at most this many due messages per poll
 * @param claimTimeout how long a node owns a message it is sending; must be well above the SMTP timeouts
 *     ({@code spring.mail.properties.mail.smtp.*timeout}), since after it another node may send the message again
 * @param nodeId name of this node in {@code claimed_by}; host name and a random suffix when empty
 * @param retry back-off between attempts
 */
@ConfigurationProperties("pcmt.mail")
record NotificationProperties(
    @DefaultValue("Kế hoạch phòng, chống ma túy <no-reply@pcmt.example>") String from,
    @DefaultValue("classpath:/templates/mail/") String templateLocation,
    @DefaultValue("true") boolean pollerEnabled,
    @DefaultValue("PT30S") Duration pollInterval,
    @DefaultValue("100") int pollBatchSize,
    @DefaultValue("PT2M") Duration claimTimeout,
    String nodeId,
    @DefaultValue Retry retry) {

  /**
   * Exponential back-off: the n-th failed attempt waits {@code initialInterval * multiplier^(n-1)}, at most
   * {@code maxInterval}; after {@code maxAttempts} attempts the message is FAILED.
   */
  record Retry(
      @DefaultValue("PT1M") Duration initialInterval,
      @DefaultValue("2.0") double multiplier,
      @DefaultValue("PT1H") Duration maxInterval,
      @DefaultValue("12") int maxAttempts) {

    /** The pause after the given number of failed attempts (1 after the first failure). */
    Duration delayAfter(int failedAttempts) {
      double factor = Math.pow(multiplier, Math.max(0, failedAttempts - 1));
      double millis = initialInterval.toMillis() * factor;
      if (Double.isInfinite(millis) || millis >= maxInterval.toMillis()) {
        return maxInterval;
      }
      return Duration.ofMillis((long) millis);
    }
  }
}
