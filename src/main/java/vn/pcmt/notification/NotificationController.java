package vn.pcmt.notification;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The outbox for administrators (group camunda-admin): every message the application sent, is sending, gave up or,
 * without an SMTP server, only recorded, newest first. HTTP Basic like the rest of /api.
 */
@RestController
@RequestMapping("/api/notifications")
class NotificationController {

  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 1000;

  private final MailOutbox outbox;
  private final IdentityService identity;

  NotificationController(MailOutbox outbox, IdentityService identity) {
    this.outbox = outbox;
    this.identity = identity;
  }

  /** One message; the bodies only in {@link #get}. {@code claimedBy}: the node sending it, or that sent it. */
  record MessageView(long id, MessageKind kind, MessageState state, String recipient, String recipientRef,
      String subject, String taskId, String processInstanceId, String planNumber, String candidateGroup,
      int attempts, String lastError, String claimedBy, OffsetDateTime createdAt, OffsetDateTime lastAttemptAt,
      OffsetDateTime nextAttemptAt, OffsetDateTime sentAt, String occasion, String requestedBy, String bodyText,
      String bodyHtml) {

    static MessageView of(MailOutbox.Message m, boolean bodies) {
      return new MessageView(m.id(), m.kind(), m.state(), m.recipient(), m.recipientRef(), m.subject(), m.taskId(),
          m.processInstanceId(), m.planNumber(), m.candidateGroup(), m.attempts(), m.lastError(), m.claimedBy(),
          m.createdAt(),
          m.lastAttemptAt(), m.nextAttemptAt(), m.sentAt(), m.occasion(), m.requestedBy(), bodies ? m.bodyText() : null,
          bodies ? m.bodyHtml() : null);
    }
  }

  @GetMapping
  List<MessageView> list(@RequestParam(required = false) String state,
      @RequestParam(required = false) String taskId, @RequestParam(defaultValue = "" + DEFAULT_LIMIT) int limit) {
    requireAdministrator();
    return outbox.list(state(state), taskId, Math.max(1, Math.min(limit, MAX_LIMIT))).stream()
        .map(m -> MessageView.of(m, false)).toList();
  }

  @GetMapping("/{id}")
  MessageView get(@PathVariable long id) {
    requireAdministrator();
    return outbox.find(id).map(m -> MessageView.of(m, true))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Không có thư " + id));
  }

  private void requireAdministrator() {
    var user = identity.getCurrentAuthentication();
    if (user == null || user.getGroupIds() == null || !user.getGroupIds().contains(Groups.CAMUNDA_ADMIN)) {
      throw new AuthorizationException("Chỉ quản trị hệ thống (nhóm " + Groups.CAMUNDA_ADMIN
          + ") xem được thư của hệ thống.");
    }
  }

  private static MessageState state(String state) {
    if (state == null || state.isBlank()) {
      return null;
    }
    try {
      return MessageState.valueOf(state.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Trạng thái '" + state + "' không có; dùng một trong "
          + java.util.Arrays.toString(MessageState.values()));
    }
  }
}
