package vn.pcmt.notification;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import vn.pcmt.calendar.Deadlines;

/**
 * Timeout listener {@code ${escalateToAgencyHeadListener}}: the task is overdue, the heads of its agency are told. Not
 * when the due date was moved past today since the timer was set.
 */
@Component
class EscalateToAgencyHeadListener implements TaskListener {

  private final TaskReminders reminders;
  private final Deadlines deadlines;

  EscalateToAgencyHeadListener(TaskReminders reminders, Deadlines deadlines) {
    this.reminders = reminders;
    this.deadlines = deadlines;
  }

  @Override
  public void notify(DelegateTask task) {
    if (EscalateToSecretariatListener.overdue(task, deadlines)) {
      reminders.escalateToHead(task, "timer:" + deadlines.today(), null);
    }
  }
}
