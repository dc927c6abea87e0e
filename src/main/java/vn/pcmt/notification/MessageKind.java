package vn.pcmt.notification;

/** What a message tells; each kind is one pair of templates, {@code templates/mail/<template>.txt} and {@code .html}. */
public enum MessageKind {
  /** A task landed in an agency's inbox (Tasklist). */
  TASK_ASSIGNED("task-assigned"),
  /** A task is due soon (timer in the diagram, or the secretariat's "remind now" on the monitor). */
  REMINDER("reminder"),
  /** A task is overdue: its agency's head is told. */
  ESCALATION_HEAD("escalation-head"),
  /** A task is still overdue: the plan's secretariat is told. */
  ESCALATION_SECRETARIAT("escalation-secretariat");

  private final String template;

  MessageKind(String template) {
    this.template = template;
  }

  public String template() {
    return template;
  }
}
