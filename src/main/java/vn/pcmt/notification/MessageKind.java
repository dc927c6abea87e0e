package vn.pcmt.notification;

/** What a message tells; each kind is one pair of templates, {@code templates/mail/<template>.txt} and {@code .html}. */
public enum MessageKind {
  /** A task landed in an agency's inbox (Tasklist). */
  TASK_ASSIGNED("task-assigned");

  private final String template;

  MessageKind(String template) {
    this.template = template;
  }

  public String template() {
    return template;
  }
}
