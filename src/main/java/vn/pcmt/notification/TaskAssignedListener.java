package vn.pcmt.notification;

import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import vn.pcmt.agency.Agency;
import vn.pcmt.calendar.Deadlines;
import vn.pcmt.plan.PlanLifecycleProcess;
import vn.pcmt.reporting.PeriodicReportProcess;
import vn.pcmt.subplan.SubPlanProcess;

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

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final Notifications notifications;
  private final TaskRecipients recipients;
  private final Deadlines deadlines;
  private final String tasklistUrl;

  TaskAssignedListener(Notifications notifications, TaskRecipients recipients, Deadlines deadlines,
      @Value("${pcmt.tasklist-url}") String tasklistUrl, CamundaBpmProperties camunda) {
    if (!Boolean.TRUE.equals(camunda.getEventing().isTask())) {
      // without the starter's task events no agency would ever be told of a task, silently
      throw new IllegalStateException("E-mail notification needs camunda.bpm.eventing.task=true (the default)");
    }
    this.notifications = notifications;
    this.recipients = recipients;
    this.deadlines = deadlines;
    this.tasklistUrl = tasklistUrl;
  }

  /** The link that opens the task in Tasklist. */
  static String taskLink(String tasklistUrl, String taskId) {
    return tasklistUrl + "#/?task=" + taskId;
  }

  @EventListener
  void onTaskEvent(DelegateTask task) {
    if (!TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
      return;
    }
    List<TaskRecipients.Recipient> to = recipients.of(task);
    String group = task.getCandidates().stream().filter(link -> link.getGroupId() != null)
        .map(link -> link.getGroupId()).findFirst().orElse(null);
    String planNumber = PlanLifecycleProcess.PLAN_NUMBER.get(task);
    if (planNumber == null && task.getExecution() != null) {
      planNumber = task.getExecution().getProcessBusinessKey();
    }
    Map<String, Object> values = new HashMap<>();
    values.put("taskName", task.getName());
    values.put("planNumber", planNumber);
    values.put("planTitle", PlanLifecycleProcess.PLAN_TITLE.get(task));
    values.put("agencyName", recipients.agencyOf(task).map(Agency::getName)
        .orElseGet(() -> SubPlanProcess.AGENCY_NAME.isSetIn(task) ? SubPlanProcess.AGENCY_NAME.get(task) : group));
    values.put("dueDate", task.getDueDate() == null ? null
        : DATE.format(task.getDueDate().toInstant().atZone(deadlines.zone())));
    values.put("deadlinePhrase", SubPlanProcess.DEADLINE_PHRASE.get(task));
    values.put("periodLabel", PeriodicReportProcess.PERIOD_LABEL.get(task));
    values.put("description", task.getDescription());
    values.put("taskLink", taskLink(tasklistUrl, task.getId()));
    notifications.queue(MessageKind.TASK_ASSIGNED,
        new Notifications.About(task.getId(), task.getProcessInstanceId(), planNumber, group), to, values);
  }
}
