package vn.pcmt.notification;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

import vn.pcmt.plan.PlanLifecycleProcess;

/**
 * A one-task diagram for the mail tests that need many tasks cheaply: the task "Xây dựng kế hoạch triển khai" in the
 * inbox of the group passed in, due when passed in, after an asynchronous continuation (so the job executor creates
 * it, as it creates most tasks of the real diagrams).
 */
final class TestDiagram {

  static final String KEY = "notification-test";
  static final String TASK = "Task_NotificationTest";
  static final String TASK_NAME = "Xây dựng kế hoạch triển khai";

  private TestDiagram() {
  }

  static void deploy(RepositoryService repository) {
    BpmnModelInstance model = Bpmn.createExecutableProcess(KEY).camundaHistoryTimeToLive(1)
        .startEvent("StartEvent_NotificationTest")
        .userTask(TASK).name(TASK_NAME).camundaCandidateGroups("${group}").camundaDueDate("${due}")
        .camundaAsyncBefore()
        .endEvent("EndEvent_NotificationTest")
        .done();
    repository.createDeployment().name(KEY).enableDuplicateFiltering(false).addModelInstance(KEY + ".bpmn", model)
        .deploy();
  }

  static final String KEY_WITH_REMINDERS = "notification-reminder-test";

  /** The same task with the reminder and escalation schedule the real agencies' tasks have. */
  static void deployWithReminders(RepositoryService repository) {
    BpmnModelInstance model = Bpmn.createExecutableProcess(KEY_WITH_REMINDERS).camundaHistoryTimeToLive(1)
        .startEvent("StartEvent_NotificationTest")
        .userTask(TASK).name(TASK_NAME).camundaCandidateGroups("${group}").camundaDueDate("${due}")
        .camundaAsyncBefore()
        .camundaTaskListenerDelegateExpressionTimeoutWithDate("Reminder_5WorkingDaysBefore",
            "${sendReminderListener}", "${reminders.before(due, 5)}")
        .camundaTaskListenerDelegateExpressionTimeoutWithDate("Reminder_1WorkingDayBefore",
            "${sendReminderListener}", "${reminders.before(due, 1)}")
        .camundaTaskListenerDelegateExpressionTimeoutWithDate("Escalation_AgencyHead",
            "${escalateToAgencyHeadListener}", "${reminders.after(due, 1)}")
        .camundaTaskListenerDelegateExpressionTimeoutWithDate("Escalation_Secretariat",
            "${escalateToSecretariatListener}", "${reminders.after(due, 4)}")
        .camundaTaskListenerDelegateExpressionTimeoutWithCycle("Escalation_SecretariatEvery5WorkingDays",
            "${escalateToSecretariatListener}", "${reminders.everyAfter(due, 9, 5)}")
        .endEvent("EndEvent_NotificationTest")
        .done();
    repository.createDeployment().name(KEY_WITH_REMINDERS).enableDuplicateFiltering(false)
        .addModelInstance(KEY_WITH_REMINDERS + ".bpmn", model).deploy();
  }

  static Map<String, Object> variables(String planNumber, String group, Date due) {
    Map<String, Object> variables = new HashMap<>();
    PlanLifecycleProcess.PLAN_NUMBER.put(variables, planNumber);
    PlanLifecycleProcess.PLAN_TITLE.put(variables, "Kế hoạch kiểm thử thư báo việc");
    variables.put("group", group);
    variables.put("due", due);
    PlanLifecycleProcess.SECRETARIAT_GROUP.put(variables, "PTM");
    return variables;
  }
}
