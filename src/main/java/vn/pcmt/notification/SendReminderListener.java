package vn.pcmt.notification;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.pcmt.calendar.Deadlines;

/**
 * Timeout listener {@code ${sendReminderListener}}: the task is due soon, its inbox is reminded. Not on the day the
 * task was assigned (the assignment mail has just given the due date), nor once it is overdue (escalation takes over).
 */
@Component
class SendReminderListener implements TaskListener {

  private static final Logger LOG = LoggerFactory.getLogger(SendReminderListener.class);

  private final TaskReminders reminders;
  private final Deadlines deadlines;

  SendReminderListener(TaskReminders reminders, Deadlines deadlines) {
    this.reminders = reminders;
    this.deadlines = deadlines;
  }

  @Override
  public void notify(DelegateTask task) {
    if (task.getCreateTime() != null && deadlines.dateOf(task.getCreateTime()).equals(deadlines.today())) {
      LOG.debug("No reminder for task {}: assigned today", task.getId());
      return;
    }
    if (task.getDueDate() != null && task.getDueDate().before(deadlines.now())) {
      LOG.debug("No reminder for task {}: already overdue", task.getId());
      return;
    }
    reminders.remind(task, "timer:" + deadlines.today(), null);
  }
}
