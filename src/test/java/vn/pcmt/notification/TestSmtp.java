package vn.pcmt.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * A real SMTP server (GreenMail) in the test JVM, on a port of its own, that a test can stop and start again on the
 * same port to play an outage.
 */
final class TestSmtp {

  private final int port;
  private GreenMail server;

  private TestSmtp(int port) {
    this.port = port;
  }

  static TestSmtp onFreePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return new TestSmtp(socket.getLocalPort());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int port() {
    return port;
  }

  synchronized TestSmtp start() {
    if (server == null) {
      server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      server.start();
    }
    return this;
  }

  /** Stops the server: connections are refused until {@link #start()}. What it had received is gone. */
  synchronized void stop() {
    if (server != null) {
      server.stop();
      server = null;
    }
  }

  synchronized void purge() {
    if (server != null) {
      server.reset();
    }
  }

  /** Every message delivered, one per recipient. */
  synchronized List<MimeMessage> received() {
    return server == null ? List.of() : Arrays.asList(server.getReceivedMessages());
  }

  /** The outbox id each received message carries. */
  static long outboxId(MimeMessage message) {
    try {
      return Long.parseLong(message.getHeader(OutboxSender.OUTBOX_ID_HEADER, null));
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** How many times each outbox id was delivered. */
  synchronized Map<Long, Long> deliveriesByOutboxId() {
    return received().stream().collect(Collectors.groupingBy(TestSmtp::outboxId, Collectors.counting()));
  }

  static String to(MimeMessage message) {
    try {
      return message.getRecipients(Message.RecipientType.TO)[0].toString();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The whole message as text (headers and decoded parts), for looking for the link and the wording. */
  static String body(MimeMessage message) {
    try {
      return decoded(message.getContent());
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String decoded(Object content) throws MessagingException, IOException {
    if (content instanceof jakarta.mail.Multipart multipart) {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < multipart.getCount(); i++) {
        text.append(decoded(multipart.getBodyPart(i).getContent())).append('\n');
      }
      return text.toString();
    }
    return content instanceof String text ? text : GreenMailUtil.getBody((jakarta.mail.Part) content);
  }
}
