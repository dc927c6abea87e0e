package vn.pcmt.notification;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import vn.pcmt.calendar.Deadlines;
import vn.pcmt.notification.MailOutbox.Message;

/**
 * Sends one message of the outbox, exactly as the outbox allows: claim it, hand it to the SMTP server, record the
 * outcome. Claim and outcome are each their own short transaction, and the SMTP conversation happens between them,
 * outside any transaction (and never inside the engine's).
 *
 * <p><b>Exactly once.</b> The claim is a conditional UPDATE (see {@link MailOutbox#claim}): of two nodes, or of the
 * after-commit sender and a poller on one node, only the one whose update count is 1 sends. The claim lasts
 * {@code pcmt.mail.claim-timeout}, far longer than the SMTP timeouts, so nobody takes over a message that is still
 * being sent.
 *
 * <p><b>The one window left.</b> If the node dies (or its database connection breaks) after the SMTP server accepted
 * the message and before {@link MailOutbox#markSent} committed, the message stays SENDING; when its claim expires a
 * poller sends it again, and the recipient gets it twice. SMTP has no two-phase commit, so no outbox can close this
 * window; it is milliseconds wide, only a crash opens it, and the copy carries the same Message-ID
 * ({@code <pcmt-mail-<id>-<created>@domain>}), by which mail clients and servers recognise duplicates. Sending again
 * is preferred over losing the message.
 */
@Component
class OutboxSender {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);

  private final MailOutbox outbox;
  private final JavaMailSender mail;
  private final boolean smtpConfigured;
  private final NotificationProperties properties;
  private final Deadlines clock;
  private final TransactionTemplate ownTransaction;
  private final InternetAddress from;
  private final String node;

  OutboxSender(MailOutbox outbox, ObjectProvider<JavaMailSender> mail, @Value("${spring.mail.host:}") String host,
      NotificationProperties properties, Deadlines clock, PlatformTransactionManager transactions) {
    this.outbox = outbox;
    this.mail = mail.getIfAvailable();
    this.smtpConfigured = StringUtils.hasText(host) && this.mail != null;
    this.properties = properties;
    this.clock = clock;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.from = sender(properties.from());
    this.node = StringUtils.hasText(properties.nodeId()) ? properties.nodeId() : defaultNodeId();
    if (smtpConfigured) {
      LOG.info("E-mail: sending through {} as node {}", host, node);
    } else {
      LOG.info("E-mail: no SMTP server configured (spring.mail.host): messages are recorded, not sent; "
          + "an administrator sees them at GET /api/notifications");
    }
  }

  /**
   * The sender, written {@code Name <address>} or just {@code address}; the name may hold commas and Vietnamese
   * letters without quoting, as an administrator naturally writes it.
   */
  static InternetAddress sender(String text) {
    java.util.regex.Matcher named = java.util.regex.Pattern.compile("^\\s*(.*?)\\s*<([^<>]+)>\\s*$").matcher(text);
    try {
      if (named.matches()) {
        String name = named.group(1).replaceAll("^\"|\"$", "");
        InternetAddress address = new InternetAddress(named.group(2).strip(), true);
        return name.isEmpty() ? address : new InternetAddress(address.getAddress(), name, "UTF-8");
      }
      return new InternetAddress(text.strip(), true);
    } catch (jakarta.mail.internet.AddressException | java.io.UnsupportedEncodingException e) {
      throw new IllegalStateException("pcmt.mail.from is not an e-mail address: " + text, e);
    }
  }

  /** Whether messages are sent at all (otherwise they are RECORDED). */
  boolean smtpConfigured() {
    return smtpConfigured;
  }

  String node() {
    return node;
  }

  /** What became of one attempt. */
  enum Outcome {
    SENT, RETRY_LATER, FAILED,
    /** Someone else holds the message, or it is no longer due: nothing was done. */
    NOT_CLAIMED;
  }

  /** The outcome, and whether the SMTP server could not be reached at all (so other messages need not try now). */
  record Attempt(Outcome outcome, boolean serverUnreachable) {
  }

  /** Claims the message and, if this node got it, sends it and records the outcome. */
  Attempt attempt(long id) {
    if (!smtpConfigured) {
      return new Attempt(Outcome.NOT_CLAIMED, false);
    }
    Instant now = now();
    Boolean claimed = ownTransaction.execute(status -> outbox.claim(id, node, now,
        now.plus(properties.claimTimeout())));
    if (!Boolean.TRUE.equals(claimed)) {
      return new Attempt(Outcome.NOT_CLAIMED, false);
    }
    Message message = outbox.find(id).orElseThrow();
    MimeMessage mime;
    try {
      mime = toMime(message);
    } catch (MessagingException | MailException | IllegalArgumentException e) {
      // the message itself is wrong (an address that cannot be parsed): no retry can help
      String error = "Không tạo được thư: " + describe(e);
      LOG.warn("Mail {} to {} cannot be built and is given up: {}", id, message.recipient(), error);
      ownTransaction.executeWithoutResult(status -> outbox.markFailed(id, node, error));
      return new Attempt(Outcome.FAILED, false);
    }
    try {
      mail.send(mime);
    } catch (MailParseException | MailPreparationException e) {
      String error = "Không tạo được thư: " + describe(e);
      ownTransaction.executeWithoutResult(status -> outbox.markFailed(id, node, error));
      return new Attempt(Outcome.FAILED, false);
    } catch (MailException e) {
      return failed(message, e);
    }
    // the SMTP server accepted the message; from here until the update below commits is the window described above
    Boolean marked = ownTransaction.execute(status -> outbox.markSent(id, node, now()));
    if (!Boolean.TRUE.equals(marked)) {
      LOG.warn("Mail {} was sent, but this node's claim had expired and another node took it over: the recipient {} "
          + "may receive it twice (raise pcmt.mail.claim-timeout above the SMTP timeouts)", id, message.recipient());
    }
    return new Attempt(Outcome.SENT, false);
  }

  private Attempt failed(Message message, MailException e) {
    boolean unreachable = isServerUnreachable(e);
    String error = describe(e);
    int attempts = message.attempts();
    if (attempts >= properties.retry().maxAttempts()) {
      LOG.error("Mail {} to {} failed {} times and is given up: {}", message.id(), message.recipient(), attempts,
          error);
      ownTransaction.executeWithoutResult(status -> outbox.markFailed(message.id(), node,
          "Gửi không thành công sau " + attempts + " lần: " + error));
      return new Attempt(Outcome.FAILED, unreachable);
    }
    Instant next = now().plus(properties.retry().delayAfter(attempts));
    LOG.warn("Mail {} to {} not sent (attempt {} of {}), next attempt at {}: {}", message.id(), message.recipient(),
        attempts, properties.retry().maxAttempts(), next, error);
    ownTransaction.executeWithoutResult(status -> outbox.markRetry(message.id(), node, error, next));
    return new Attempt(Outcome.RETRY_LATER, unreachable);
  }

  private MimeMessage toMime(Message message) throws MessagingException {
    MimeMessage mime = mail.createMimeMessage();
    boolean html = message.bodyHtml() != null;
    MimeMessageHelper helper = new MimeMessageHelper(mime, html, "UTF-8");
    try {
      helper.setFrom(from.getAddress(), from.getPersonal());
    } catch (java.io.UnsupportedEncodingException e) {
      throw new MessagingException("pcmt.mail.from", e);
    }
    helper.setTo(new InternetAddress(message.recipient(), true));
    helper.setSubject(message.subject());
    if (html) {
      helper.setText(message.bodyText(), message.bodyHtml());
    } else {
      helper.setText(message.bodyText());
    }
    // the same Message-ID on every attempt: a copy sent again after a crash is recognisable as the same message
    String domain = from.getAddress().substring(from.getAddress().indexOf('@') + 1);
    mime.setHeader("Message-ID", "<pcmt-mail-" + message.id() + "-" + message.createdAt().toInstant().toEpochMilli()
        + "@" + domain + ">");
    mime.setHeader(OUTBOX_ID_HEADER, String.valueOf(message.id()));
    return mime;
  }

  /** Header carrying the outbox id of a message. */
  static final String OUTBOX_ID_HEADER = "X-PCMT-Outbox-Id";

  /** The server cannot be reached or refuses this node (not a problem of one message). */
  static boolean isServerUnreachable(MailException e) {
    if (e instanceof MailAuthenticationException) {
      return true;
    }
    for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof ConnectException || cause instanceof UnknownHostException
          || cause instanceof NoRouteToHostException || cause instanceof SocketTimeoutException
          || cause.getClass().getSimpleName().equals("MailConnectException")) {
        return true;
      }
    }
    return false;
  }

  /** The reason to record: the mail error itself (not Spring's wrapper), with its root cause. */
  static String describe(Exception e) {
    Throwable mailError = e;
    Throwable root = e;
    for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof MessagingException && mailError == e) {
        mailError = cause;
      }
      root = cause;
    }
    String text = mailError.getMessage() == null ? mailError.getClass().getSimpleName() : mailError.getMessage();
    if (root != mailError && root.getMessage() != null && !text.contains(root.getMessage())) {
      text = text + " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
    }
    return text;
  }

  private Instant now() {
    return clock.now().toInstant();
  }

  private static String defaultNodeId() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "node";
    }
    return host + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
