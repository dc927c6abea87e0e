package vn.pcmt.notification;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import vn.pcmt.calendar.Deadlines;
import vn.pcmt.plan.Plan;
import vn.pcmt.plan.PlanLifecycleProcess;
import vn.pcmt.plan.PlanRegistrationService;

/**
 * Reminders and escalations about an open task: called by the timeout listeners the diagrams declare (the schedule
 * lives in the diagrams, see {@link ReminderSchedule}) and by the secretariat from the monitor ("remind now",
 * "escalate to the head"). Like every message they are only recorded here, in the caller's transaction, and sent
 * after it commits; each occasion (a timer on a day, a person's request at a moment) is recorded once.
 */
@Service
public class TaskReminders {

  private static final Logger LOG = LoggerFactory.getLogger(TaskReminders.class);

  private final Notifications notifications;
  private final TaskRecipients recipients;
  private final TaskMessages messages;
  private final PlanRegistrationService plans;
  private final Deadlines deadlines;
  private final ProcessEngineConfigurationImpl engine;

  TaskReminders(Notifications notifications, TaskRecipients recipients, TaskMessages messages,
      PlanRegistrationService plans, Deadlines deadlines, ProcessEngineConfiguration engine) {
    this.notifications = notifications;
    this.recipients = recipients;
    this.messages = messages;
    this.plans = plans;
    this.deadlines = deadlines;
    this.engine = (ProcessEngineConfigurationImpl) engine;
  }

  /** The task's inbox (its agency and the agency's users) is reminded that the task is due soon, or overdue. */
  List<Long> remind(DelegateTask task, String occasion, String requestedBy) {
    return notifications.queue(MessageKind.REMINDER, messages.about(task, occasion, requestedBy),
        recipients.of(task), values(task, requestedBy));
  }

  /** The heads of the task's agency are told that it is overdue. */
  List<Long> escalateToHead(DelegateTask task, String occasion, String requestedBy) {
    return notifications.queue(MessageKind.ESCALATION_HEAD, messages.about(task, occasion, requestedBy),
        recipients.ofGroups(recipients.headGroupsOf(task)), values(task, requestedBy));
  }

  /** The plan's secretariat (its agency's mailbox and its users) is told that the task is still overdue. */
  List<Long> escalateToSecretariat(DelegateTask task, String occasion, String requestedBy) {
    String secretariat = secretariatGroupOf(task);
    List<TaskRecipients.Recipient> to = secretariat == null ? List.of() : recipients.ofGroups(List.of(secretariat));
    return notifications.queue(MessageKind.ESCALATION_SECRETARIAT, messages.about(task, occasion, requestedBy), to,
        values(task, requestedBy));
  }

  /**
   * "Nhắc việc ngay" from the monitor: the task's inbox is reminded now, and the task's history says who asked.
   * Returns how many addresses were told.
   */
  public int remindNow(String taskId, String requestedBy) {
    return onTask(taskId, requestedBy, "Nhắc việc", task -> remind(task, manualOccasion(requestedBy), requestedBy));
  }

  /** "Báo lãnh đạo cơ quan" from the monitor: the heads of the task's agency are told now. */
  public int escalateNow(String taskId, String requestedBy) {
    return onTask(taskId, requestedBy, "Báo lãnh đạo cơ quan",
        task -> escalateToHead(task, manualOccasion(requestedBy), requestedBy));
  }

  /**
   * The task was moved to another agency (its agency ended and a successor took it over, or the secretariat
   * re-routed it): its new inbox is told as of a new task. Returns how many addresses were told.
   */
  public int assignedNow(String taskId, String occasion, String requestedBy) {
    return onTask(taskId, requestedBy, "Giao việc cho cơ quan mới", task -> notifications.queue(
        MessageKind.TASK_ASSIGNED, messages.about(task, occasion, requestedBy), recipients.of(task),
        values(task, requestedBy)));
  }

  /** The plan's secretariat is told now about the task (e.g. its agency ended and nobody took it over). */
  public int tellSecretariatNow(String taskId, String occasion, String requestedBy) {
    return onTask(taskId, requestedBy, "Báo Thường trực", task -> escalateToSecretariat(task, occasion, requestedBy));
  }

  private interface Sending {
    List<Long> send(DelegateTask task);
  }

  /**
   * Runs the sending inside one engine command on the live task (a {@link TaskEntity} is the task as listeners see
   * it) and notes it in the task's comments, which Tasklist shows as the task's history, under the id of the user
   * who asked. The secretariat has no grant on an agency's task, and needs none to remind it: the comment is written
   * with the authorization check off for that one write; the caller's right to act is the monitor's to check.
   */
  private int onTask(String taskId, String requestedBy, String what, Sending sending) {
    return engine.getCommandExecutorTxRequired().execute(context -> {
      TaskEntity task = context.getTaskManager().findTaskById(taskId);
      if (task == null) {
        throw new NotFoundException("Không có việc " + taskId + " (việc đã hoàn thành hoặc không tồn tại)");
      }
      int told = sending.send(task).size();
      context.disableAuthorizationCheck();
      try {
        new AddCommentCmd(taskId, task.getProcessInstanceId(), what + ": " + requestedBy + " đã gửi thư tới "
            + told + " địa chỉ.").execute(context);
      } finally {
        context.enableAuthorizationCheck();
      }
      LOG.info("{} of task {} by {}: {} addresses", what, taskId, requestedBy, told);
      return told;
    });
  }

  private String manualOccasion(String requestedBy) {
    return "manual:" + requestedBy + "@" + deadlines.now().toInstant();
  }

  private String secretariatGroupOf(DelegateTask task) {
    if (PlanLifecycleProcess.SECRETARIAT_GROUP.isSetIn(task)) {
      return PlanLifecycleProcess.SECRETARIAT_GROUP.get(task);
    }
    Long planId = PlanLifecycleProcess.PLAN_ID.get(task);
    return planId == null ? null : plans.read(planId, Plan::getStandingAgency);
  }

  private java.util.Map<String, Object> values(DelegateTask task, String requestedBy) {
    var values = messages.values(task);
    values.put("requestedBy", requestedBy);
    values.put("today", TaskMessages.DATE.format(deadlines.today()));
    return values;
  }
}
