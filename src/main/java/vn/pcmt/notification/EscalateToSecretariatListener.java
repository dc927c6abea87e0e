package vn.pcmt.notification;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import vn.pcmt.calendar.Deadlines;

/**
 * Timeout listener {@code ${escalateToSecretariatListener}}: the task is still overdue, the plan's secretariat is
 * told. Not when the due date was moved past today since the timer was set.
 */
@Component
class EscalateToSecretariatListener implements TaskListener {

  private final TaskReminders reminders;
  private final Deadlines deadlines;

  EscalateToSecretariatListener(TaskReminders reminders, Deadlines deadlines) {
    this.reminders = reminders;
    this.deadlines = deadlines;
  }

  @Override
  public void notify(DelegateTask task) {
    if (overdue(task, deadlines)) {
      reminders.escalateToSecretariat(task, "timer:" + deadlines.today(), null);
    }
  }

  static boolean overdue(DelegateTask task, Deadlines deadlines) {
    return task.getDueDate() != null && task.getDueDate().before(deadlines.now());
  }
}
