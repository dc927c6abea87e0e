package vn.pcmt.notification;

import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

import vn.pcmt.agency.Agency;
import vn.pcmt.calendar.Deadlines;
import vn.pcmt.plan.PlanLifecycleProcess;
import vn.pcmt.web.PublicUrl;
import vn.pcmt.reporting.PeriodicReportProcess;
import vn.pcmt.subplan.SubPlanProcess;

/**
 * What every message about a task says of it (the values its templates may use) and what it is about. One place, so
 * that an assignment, a reminder and an escalation describe a task the same way.
 */
@Component
class TaskMessages {

  static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final TaskRecipients recipients;
  private final Deadlines deadlines;
  private final PublicUrl publicUrl;

  TaskMessages(TaskRecipients recipients, Deadlines deadlines, PublicUrl publicUrl) {
    this.recipients = recipients;
    this.deadlines = deadlines;
    this.publicUrl = publicUrl;
  }

  /** The inbox the task is in: its first candidate group. */
  static String candidateGroup(DelegateTask task) {
    return task.getCandidates().stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(link -> link.getGroupId()).findFirst().orElse(null);
  }

  static String planNumber(DelegateTask task) {
    String planNumber = PlanLifecycleProcess.PLAN_NUMBER.get(task);
    if (planNumber == null && task.getExecution() != null) {
      planNumber = task.getExecution().getProcessBusinessKey();
    }
    return planNumber;
  }

  Notifications.About about(DelegateTask task, String occasion, String requestedBy) {
    return new Notifications.About(task.getId(), task.getProcessInstanceId(), planNumber(task),
        candidateGroup(task), occasion == null ? "" : occasion, requestedBy);
  }

  /** The values the templates of every kind may use (listed at the top of each template). */
  Map<String, Object> values(DelegateTask task) {
    String group = candidateGroup(task);
    Map<String, Object> values = new HashMap<>();
    values.put("taskName", task.getName());
    values.put("planNumber", planNumber(task));
    values.put("planTitle", PlanLifecycleProcess.PLAN_TITLE.get(task));
    values.put("agencyName", recipients.agencyOf(task).map(Agency::getName)
        .orElseGet(() -> SubPlanProcess.AGENCY_NAME.isSetIn(task) ? SubPlanProcess.AGENCY_NAME.get(task) : group));
    values.put("dueDate", task.getDueDate() == null ? null
        : DATE.format(task.getDueDate().toInstant().atZone(deadlines.zone())));
    values.put("deadlinePhrase", SubPlanProcess.DEADLINE_PHRASE.get(task));
    values.put("periodLabel", PeriodicReportProcess.PERIOD_LABEL.get(task));
    values.put("description", task.getDescription());
    values.put("taskLink", publicUrl.tasklistTask(task.getId()));
    if (task.getDueDate() != null) {
      var due = deadlines.dateOf(task.getDueDate());
      var today = deadlines.today();
      values.put("workingDaysLeft", deadlines.calendar().workingDaysBetween(today, due));
      values.put("workingDaysLate", deadlines.calendar().workingDaysBetween(due, today));
    }
    return values;
  }
}
