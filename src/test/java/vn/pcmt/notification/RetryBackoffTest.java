package vn.pcmt.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;

/** The back-off between attempts, the sender address as administrators write it, and the reason recorded. */
class RetryBackoffTest {

  final NotificationProperties.Retry retry =
      new NotificationProperties.Retry(Duration.ofMinutes(1), 2.0, Duration.ofHours(1), 12);

  @Test
  void theWaitDoublesAfterEachFailedAttemptUpToTheMaximum() {
    assertThat(retry.delayAfter(1)).isEqualTo(Duration.ofMinutes(1));
    assertThat(retry.delayAfter(2)).isEqualTo(Duration.ofMinutes(2));
    assertThat(retry.delayAfter(3)).isEqualTo(Duration.ofMinutes(4));
    assertThat(retry.delayAfter(6)).isEqualTo(Duration.ofMinutes(32));
    assertThat(retry.delayAfter(7)).isEqualTo(Duration.ofHours(1));
    assertThat(retry.delayAfter(11)).isEqualTo(Duration.ofHours(1));
    assertThat(retry.delayAfter(5000)).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void theSenderMayHaveAVietnameseNameWithCommas() throws Exception {
    InternetAddress from = OutboxSender.sender("Kế hoạch phòng, chống ma túy <no-reply@sonla.pcmt.example>");
    assertThat(from.getAddress()).isEqualTo("no-reply@sonla.pcmt.example");
    assertThat(from.getPersonal()).isEqualTo("Kế hoạch phòng, chống ma túy");
    assertThat(OutboxSender.sender("\"UBND tỉnh\" <ubnd@example.org>").getPersonal()).isEqualTo("UBND tỉnh");
    assertThat(OutboxSender.sender("ubnd@example.org").getPersonal()).isNull();
    assertThatThrownBy(() -> OutboxSender.sender("Kế hoạch <không phải địa chỉ>"))
        .hasMessageContaining("pcmt.mail.from");
  }

  @Test
  void anUnreachableServerIsToldApartAndItsReasonIsShort() {
    MailSendException refused = new MailSendException("Mail server connection failed",
        new MessagingException("Couldn't connect to host, port: 127.0.0.1, 2525; timeout 10000",
            new ConnectException("Connection refused")));
    assertThat(OutboxSender.isServerUnreachable(refused)).isTrue();
    assertThat(OutboxSender.describe(refused)).isEqualTo(
        "Couldn't connect to host, port: 127.0.0.1, 2525; timeout 10000 (ConnectException: Connection refused)");

    MailSendException rejected = new MailSendException("Failed messages",
        new MessagingException("550 5.1.1 mailbox unavailable"));
    assertThat(OutboxSender.isServerUnreachable(rejected)).isFalse();
    assertThat(OutboxSender.describe(rejected)).isEqualTo("550 5.1.1 mailbox unavailable");
  }
}
