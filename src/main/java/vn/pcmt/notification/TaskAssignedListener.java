package vn.pcmt.notification;


import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;


/**
 * A task landed in an inbox: its agency and the agency's users are told by e-mail. The Camunda Spring Boot starter
 * publishes every user task's lifecycle events as Spring events ({@code camunda.bpm.eventing.task}, on by default);
 * this listener takes the {@code create} event, synchronously, inside the engine transaction that creates the task,
 * and only records the messages there ({@link Notifications}). No diagram names it: every user task of every diagram,
 * present and future, is announced.
 *
 * <p>Not announced: tasks created with {@code skipCustomListeners} (process instance modification by an operator),
 * since the starter's listeners honour that flag ({@code camunda.bpm.eventing.skippable}).
 */
@Component
class TaskAssignedListener {

  private final Notifications notifications;
  private final TaskRecipients recipients;
  private final TaskMessages messages;

  TaskAssignedListener(Notifications notifications, TaskRecipients recipients, TaskMessages messages,
      CamundaBpmProperties camunda) {
    if (!Boolean.TRUE.equals(camunda.getEventing().isTask())) {
      // without the starter's task events no agency would ever be told of a task, silently
      throw new IllegalStateException("E-mail notification needs camunda.bpm.eventing.task=true (the default)");
    }
    this.notifications = notifications;
    this.recipients = recipients;
    this.messages = messages;
  }

  @EventListener
  void onTaskEvent(DelegateTask task) {
    if (!TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
      return;
    }
    notifications.queue(MessageKind.TASK_ASSIGNED, messages.about(task, "", null), recipients.of(task),
        messages.values(task));
  }
}
