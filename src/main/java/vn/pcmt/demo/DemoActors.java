package vn.pcmt.demo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;

import vn.pcmt.engine.JsonVar;
import vn.pcmt.engine.Var;
import vn.pcmt.plan.PlanLifecycleProcess;
import vn.pcmt.reporting.AgencyReportProcess.FigureRow;
import vn.pcmt.reporting.PeriodicReportProcess;

/**
 * The engine's public API as Tasklist's users call it: a user claims a task of one of their groups and submits its
 * form, with their groups, so the engine checks the grants and the form rules as for a real user. Between two steps
 * of the story the engine's due jobs run in this thread (the job executor has not started yet).
 */
final class DemoActors {

  /** A guard against a job loop (the demo plan runs a few hundred jobs). */
  private static final int MAX_JOBS = 20_000;

  private final TaskService tasks;
  private final FormService forms;
  private final IdentityService identity;
  private final ManagementService management;
  private final RepositoryService repository;
  private final RuntimeService runtime;
  private final String planNumber;
  private final Map<String, List<String>> groups = new HashMap<>();
  private int jobs;
  private int submissions;

  DemoActors(ProcessEngine engine, String planNumber) {
    this.tasks = engine.getTaskService();
    this.forms = engine.getFormService();
    this.identity = engine.getIdentityService();
    this.management = engine.getManagementService();
    this.repository = engine.getRepositoryService();
    this.runtime = engine.getRuntimeService();
    this.planNumber = planNumber;
  }

  /** The open task of the step in the group's inbox (claimed or not), or null; of one period when a label is given. */
  Task task(String taskKey, String candidateGroup, String periodLabel) {
    TaskQuery query = tasks.createTaskQuery().processInstanceBusinessKey(planNumber).taskDefinitionKey(taskKey)
        .taskCandidateGroup(candidateGroup).includeAssignedTasks();
    if (periodLabel != null) {
      query.processVariableValueEquals(PeriodicReportProcess.PERIOD_LABEL.name(), periodLabel);
    }
    return query.singleResult();
  }

  /** The secretariat's open task of the step about one agency (its sub-plan review). */
  Task taskAbout(String taskKey, String candidateGroup, String agency) {
    return tasks.createTaskQuery().processInstanceBusinessKey(planNumber).taskDefinitionKey(taskKey)
        .taskCandidateGroup(candidateGroup).includeAssignedTasks()
        .processVariableValueEquals(PlanLifecycleProcess.AGENCY_GROUP.name(), agency).singleResult();
  }

  /** The user submits the process's start form, as Tasklist's "Bắt đầu quy trình" does; returns the instance id. */
  String start(String user, String processKey, Map<String, Object> form) {
    String definitionId = repository.createProcessDefinitionQuery().processDefinitionKey(processKey).latestVersion()
        .singleResult().getId();
    String[] instanceId = new String[1];
    as(user, () -> instanceId[0] = forms.submitStartForm(definitionId, form).getId());
    submissions++;
    return instanceId[0];
  }

  /** The agencies the issued plan addresses, as the plan's process holds them. */
  List<String> agencies(String planInstanceId) {
    return PlanLifecycleProcess.SUB_PLAN_AGENCIES.get(runtime.getVariables(planInstanceId,
        List.of(PlanLifecycleProcess.SUB_PLAN_AGENCIES.name())));
  }

  /** The user takes the task ("Nhận việc" in Tasklist). */
  void claim(String user, Task task) {
    as(user, () -> tasks.claim(task.getId(), user));
  }

  /** The user claims the task if it is not theirs yet and submits its form, as Tasklist's "Hoàn thành" does. */
  void submit(String user, Task task, Map<String, Object> form) {
    if (!user.equals(task.getAssignee())) {
      claim(user, task);
    }
    as(user, () -> forms.submitTaskForm(task.getId(), form));
    submissions++;
  }

  /** A JSON variable as the task's form loads it. */
  <T> T read(Task task, JsonVar<T> variable) {
    Map<String, Object> values = new HashMap<>();
    values.put(variable.name(), tasks.getVariableTyped(task.getId(), variable.name()));
    return variable.get(values);
  }

  <T> T read(Task task, Var<T> variable) {
    return variable.get(tasks.getVariables(task.getId(), List.of(variable.name())));
  }

  /** The report form's rows with the agency's figures filled in. */
  List<FigureRow> filled(List<FigureRow> rows, java.util.function.UnaryOperator<FigureRow> filling) {
    return rows.stream().map(filling).toList();
  }

  /** Runs every job due at the engine's clock, and those they create, until none is left. */
  int executeDueJobs() {
    int ran = 0;
    while (true) {
      List<Job> due = management.createJobQuery().executable().listPage(0, 100);
      if (due.isEmpty()) {
        return ran;
      }
      for (Job job : due) {
        management.executeJob(job.getId());
        ran++;
        if (++jobs > MAX_JOBS) {
          throw new IllegalStateException("More than " + MAX_JOBS + " jobs while writing the demo's history");
        }
      }
    }
  }

  int jobs() {
    return jobs;
  }

  int submissions() {
    return submissions;
  }

  private void as(String user, Runnable work) {
    List<String> userGroups = groups.computeIfAbsent(user, u -> identity.createGroupQuery().groupMember(u).list()
        .stream().map(Group::getId).toList());
    identity.setAuthentication(user, userGroups);
    try {
      work.run();
    } finally {
      identity.clearAuthentication();
    }
  }
}
