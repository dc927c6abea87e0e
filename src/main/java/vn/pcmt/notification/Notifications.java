package vn.pcmt.notification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import vn.pcmt.calendar.Deadlines;
import vn.pcmt.notification.MailOutbox.NewMessage;
import vn.pcmt.notification.TaskRecipients.Recipient;

/**
 * Records messages in the outbox, in the caller's transaction (the engine's, when a task listener calls): nothing
 * leaves here. Once that transaction committed, {@link AfterCommitSending} sends them; if it never gets to (the node
 * stopped), {@link OutboxPoller} does. A rolled-back transaction takes its messages with it.
 */
@Service
class Notifications {

  private static final Logger LOG = LoggerFactory.getLogger(Notifications.class);

  private final MailOutbox outbox;
  private final MailTemplates templates;
  private final OutboxSender sender;
  private final Deadlines clock;
  private final ApplicationEventPublisher events;

  Notifications(MailOutbox outbox, MailTemplates templates, OutboxSender sender, Deadlines clock,
      ApplicationEventPublisher events) {
    this.outbox = outbox;
    this.templates = templates;
    this.sender = sender;
    this.clock = clock;
    this.events = events;
  }

  /**
   * What a message is about: the task, its process instance and plan, the inbox (candidate group) it landed in; the
   * occasion (which timer on which day, or who asked when: a message is recorded once per occasion) and who asked
   * for it from the monitor (null when the process did).
   */
  record About(String taskId, String processInstanceId, String planNumber, String candidateGroup, String occasion,
      String requestedBy) {

    About(String taskId, String processInstanceId, String planNumber, String candidateGroup) {
      this(taskId, processInstanceId, planNumber, candidateGroup, "", null);
    }
  }

  /**
   * Records one message of the kind per recipient, rendered with the values. A template that cannot be rendered, or
   * a task nobody can be told about, is recorded as FAILED with the reason, and the caller's step goes on: a wording
   * mistake must not stop a plan.
   */
  List<Long> queue(MessageKind kind, About about, List<Recipient> recipients, Map<String, Object> values) {
    Instant now = clock.now().toInstant();
    if (!about.occasion().isEmpty() && outbox.exists(kind, about.taskId(), about.occasion())) {
      // a retried job, or the same timer on another node: this occasion was already recorded
      LOG.debug("{} of task {} for {} already recorded", kind, about.taskId(), about.occasion());
      return List.of();
    }
    if (recipients.isEmpty()) {
      LOG.warn("Nobody to tell about {} of task {} (group {}): no address in the directory or the group",
          kind, about.taskId(), about.candidateGroup());
      outbox.insert(new NewMessage(kind, about.taskId(), about.processInstanceId(), about.planNumber(),
          about.candidateGroup(), "", "none", "(" + kind.template() + ")", "", null, MessageState.FAILED,
          "Không có địa chỉ e-mail nào để báo: nhóm " + about.candidateGroup()
              + " không có e-mail cơ quan trong danh bạ và không có người dùng nào có e-mail", about.occasion(),
          about.requestedBy()), now);
      return List.of();
    }
    MailTemplates.Rendered rendered;
    String error = null;
    try {
      rendered = templates.render(kind, values);
    } catch (RuntimeException e) {
      LOG.error("Cannot render the {} message of task {}: {}", kind, about.taskId(), e.getMessage(), e);
      rendered = new MailTemplates.Rendered("(" + kind.template() + ") " + values.getOrDefault("taskName", ""), "",
          null);
      error = "Mẫu thư " + kind.template() + " lỗi: " + e.getMessage();
    }
    MessageState state = error != null ? MessageState.FAILED
        : sender.smtpConfigured() ? MessageState.PENDING : MessageState.RECORDED;
    List<Long> ids = new ArrayList<>();
    for (Recipient recipient : recipients) {
      ids.add(outbox.insert(new NewMessage(kind, about.taskId(), about.processInstanceId(), about.planNumber(),
          recipient.group() != null ? recipient.group() : about.candidateGroup(), recipient.address(),
          recipient.ref(), rendered.subject(), rendered.text(), rendered.html(), state, error, about.occasion(),
          about.requestedBy()), now));
    }
    if (state == MessageState.PENDING) {
      events.publishEvent(new MessagesQueued(ids));
    } else if (state == MessageState.RECORDED) {
      LOG.debug("Recorded, not sent (no SMTP server): '{}' to {}", rendered.subject(), recipients);
    }
    return ids;
  }
}
