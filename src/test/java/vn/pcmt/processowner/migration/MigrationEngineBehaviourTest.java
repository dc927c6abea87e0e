package vn.pcmt.processowner.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.UserTaskBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What Camunda 7.24 itself does with a user task's timeout listeners (our reminders) when a process instance is
 * migrated, on a bare in-memory engine: the facts {@link PlanMigrations} and docs/process-owners.md rely on.
 *
 * <ul>
 * <li>a timer of a listener whose id is still on the target task is migrated (the same job); without
 * {@code updateEventTriggers} it keeps its old moment even if the timer expression changed, with it the moment is
 * computed again from the target's expression;</li>
 * <li>a timer of a listener the target task no longer has is deleted;</li>
 * <li>a listener that is new on the target task gets its timer at migration, computed then;</li>
 * <li>a listener whose timer has already fired (its job is gone) is not started again;</li>
 * <li>the task itself (id, name, assignee, candidate group, due date, local variables) is kept;</li>
 * <li>a task whose id the target does not have cannot be migrated unless mapped explicitly;</li>
 * <li>as it comes, the engine then damages the new version's cached definition (a Camunda bug), which
 * {@link TimeoutListenerMigrationGuard} works around.</li>
 * </ul>
 */
class MigrationEngineBehaviourTest {

  static final Instant NOW = Instant.parse("2024-03-04T02:00:00Z");
  static final Date DUE = Date.from(Instant.parse("2024-03-29T16:59:59Z"));
  static final Date T_KEPT = Date.from(Instant.parse("2024-03-22T01:00:00Z"));
  static final Date T_REMOVED = Date.from(Instant.parse("2024-03-25T01:00:00Z"));
  static final Date T_CHANGED_OLD = Date.from(Instant.parse("2024-03-26T01:00:00Z"));
  static final Date T_CHANGED_NEW = Date.from(Instant.parse("2024-03-27T01:00:00Z"));
  static final Date T_NEW = Date.from(Instant.parse("2024-03-28T01:00:00Z"));
  static final Date T_FIRED = Date.from(Instant.parse("2024-03-05T01:00:00Z"));

  static ProcessEngine engine;
  static RepositoryService repository;
  static RuntimeService runtime;
  static TaskService tasks;
  static ManagementService management;
  /** Camunda as it comes, to show the bug {@link TimeoutListenerMigrationGuard} works around. */
  static ProcessEngine plain;

  @BeforeAll
  static void startEngines() {
    engine = engine("migration-behaviour", true);
    repository = engine.getRepositoryService();
    runtime = engine.getRuntimeService();
    tasks = engine.getTaskService();
    management = engine.getManagementService();
    plain = engine("migration-behaviour-plain", false);
  }

  static ProcessEngine engine(String name, boolean guarded) {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
        .createStandaloneInMemProcessEngineConfiguration()
        .setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1")
        .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP)
        .setJobExecutorActivate(false).setHistory(ProcessEngineConfiguration.HISTORY_FULL)
        .setProcessEngineName(name);
    if (guarded) {
      configuration.setProcessEnginePlugins(new ArrayList<>(List.of(new TimeoutListenerMigrationGuard())));
    }
    return configuration.buildProcessEngine();
  }

  @AfterAll
  static void stopEngines() {
    engine.close();
    plain.close();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /** v1: listeners kept, removed, changed (same id, other moment) and one that fires before the migration. */
  static BpmnModelInstance source(String processKey) {
    return Bpmn.createExecutableProcess(processKey).camundaHistoryTimeToLive(1).startEvent()
        .userTask("Task_Draft").name("Lập báo cáo").camundaCandidateGroups("SYT").camundaDueDate("${due}")
        .camundaTaskListenerExpressionTimeoutWithDate("Reminder_Kept", "${true}", "${kept}")
        .camundaTaskListenerExpressionTimeoutWithDate("Reminder_Removed", "${true}", "${removed}")
        .camundaTaskListenerExpressionTimeoutWithDate("Reminder_Changed", "${true}", "${changedOld}")
        .camundaTaskListenerExpressionTimeoutWithDate("Reminder_Fired", "${true}", "${fired}")
        .endEvent().done();
  }

  /** v2: the same task with Reminder_Removed gone, Reminder_Changed at another moment, Reminder_New added. */
  static BpmnModelInstance target(String processKey, String taskId) {
    UserTaskBuilder task = Bpmn.createExecutableProcess(processKey).camundaHistoryTimeToLive(1).startEvent()
        .userTask(taskId).name("Lập và gửi báo cáo").camundaCandidateGroups("SYT").camundaDueDate("${due}")
        .camundaTaskListenerExpressionTimeoutWithDate("Reminder_Kept", "${true}", "${kept}")
        .camundaTaskListenerExpressionTimeoutWithDate("Reminder_Changed", "${true}", "${changedNew}")
        .camundaTaskListenerExpressionTimeoutWithDate("Reminder_Fired", "${true}", "${fired}")
        .camundaTaskListenerExpressionTimeoutWithDate("Reminder_New", "${true}", "${added}");
    return task.userTask("Task_Review").camundaCandidateGroups("PTM").endEvent().done();
  }

  static ProcessDefinition deploy(BpmnModelInstance model) {
    return deploy(engine, model);
  }

  static ProcessDefinition deploy(ProcessEngine on, BpmnModelInstance model) {
    return on.getRepositoryService().createDeployment().addModelInstance("p.bpmn", model).deployWithResult()
        .getDeployedProcessDefinitions().get(0);
  }

  /** A running v1 instance whose task is claimed, has a local variable, and whose Reminder_Fired has fired. */
  static ProcessInstance running(ProcessDefinition v1) {
    return running(engine, v1);
  }

  static ProcessInstance running(ProcessEngine on, ProcessDefinition v1) {
    RuntimeService runtime = on.getRuntimeService();
    TaskService tasks = on.getTaskService();
    ManagementService management = on.getManagementService();
    ClockUtil.setCurrentTime(Date.from(NOW));
    ProcessInstance instance = runtime.startProcessInstanceById(v1.getId(), variables());
    Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    tasks.claim(task.getId(), "sytcb");
    tasks.setVariableLocal(task.getId(), "draftNote", "nháp");
    ClockUtil.setCurrentTime(Date.from(T_FIRED.toInstant().plusSeconds(60)));
    Job fired = management.createJobQuery().processInstanceId(instance.getId())
        .duedateLowerThan(ClockUtil.getCurrentTime()).singleResult();
    management.executeJob(fired.getId());
    return instance;
  }

  static Map<String, Object> variables() {
    return Map.of("due", DUE, "kept", T_KEPT, "removed", T_REMOVED, "changedOld", T_CHANGED_OLD,
        "changedNew", T_CHANGED_NEW, "added", T_NEW, "fired", T_FIRED);
  }

  static Map<String, Date> timers(ProcessInstance instance) {
    return timers(engine, instance);
  }

  static Map<String, Date> timers(ProcessEngine on, ProcessInstance instance) {
    return on.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers().list().stream()
        .collect(Collectors.toMap(MigrationEngineBehaviourTest::listenerOf, Job::getDuedate));
  }

  /**
   * The listener id of a timeout-listener job, from its configuration ({@code Task_Draft$taskListener~Reminder_Kept}).
   */
  static String listenerOf(Job job) {
    String configuration = ((org.camunda.bpm.engine.impl.persistence.entity.JobEntity) job)
        .getJobHandlerConfigurationRaw();
    return configuration.substring(configuration.indexOf('~') + 1);
  }

  @Test
  void withUpdateEventTriggersEveryTimerFollowsTheTargetAndTheTaskIsKept() {
    ProcessDefinition v1 = deploy(source("behaviour-update"));
    ProcessInstance instance = running(v1);
    Task before = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    Map<String, Date> timersBefore = timers(instance);
    assertThat(timersBefore).containsOnlyKeys("Reminder_Kept", "Reminder_Removed", "Reminder_Changed");
    String keptJob = management.createJobQuery().processInstanceId(instance.getId()).list().stream()
        .filter(j -> listenerOf(j).equals("Reminder_Kept")).findFirst().orElseThrow().getId();
    ProcessDefinition v2 = deploy(target("behaviour-update", "Task_Draft"));

    MigrationPlan plan = runtime.createMigrationPlan(v1.getId(), v2.getId()).mapEqualActivities()
        .updateEventTriggers().build();
    assertThat(plan.getInstructions()).singleElement().satisfies(instruction -> {
      assertThat(instruction.getSourceActivityId()).isEqualTo("Task_Draft");
      // a user task with timeout listeners counts as an activity with event triggers
      assertThat(instruction.isUpdateEventTrigger()).isTrue();
    });
    runtime.newMigration(plan).processInstanceIds(instance.getId()).execute();

    assertThat(timers(instance)).containsOnly(Map.entry("Reminder_Kept", T_KEPT),
        Map.entry("Reminder_Changed", T_CHANGED_NEW), Map.entry("Reminder_New", T_NEW));
    assertThat(management.createJobQuery().jobId(keptJob).count()).as("the same job, migrated").isOne();
    assertThat(management.createJobQuery().processInstanceId(instance.getId()).list())
        .allSatisfy(job -> assertThat(job.getProcessDefinitionId()).isEqualTo(v2.getId()));

    Task after = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(after.getId()).isEqualTo(before.getId());
    assertThat(after.getProcessDefinitionId()).isEqualTo(v2.getId());
    assertThat(after.getAssignee()).isEqualTo("sytcb");
    assertThat(after.getName()).as("the name it was created with").isEqualTo("Lập báo cáo");
    assertThat(after.getDueDate()).isEqualTo(DUE);
    assertThat(tasks.getIdentityLinksForTask(after.getId()).stream().filter(l -> l.getGroupId() != null)
        .map(IdentityLink::getGroupId)).containsExactly("SYT");
    assertThat(tasks.getVariableLocal(after.getId(), "draftNote")).isEqualTo("nháp");
  }

  @Test
  void withoutUpdateEventTriggersAChangedTimerKeepsItsOldMoment() {
    ProcessDefinition v1 = deploy(source("behaviour-keep"));
    ProcessInstance instance = running(v1);
    ProcessDefinition v2 = deploy(target("behaviour-keep", "Task_Draft"));

    MigrationPlan plan = runtime.createMigrationPlan(v1.getId(), v2.getId()).mapEqualActivities().build();
    runtime.newMigration(plan).processInstanceIds(instance.getId()).execute();

    assertThat(timers(instance)).containsOnly(Map.entry("Reminder_Kept", T_KEPT),
        Map.entry("Reminder_Changed", T_CHANGED_OLD), Map.entry("Reminder_New", T_NEW));
  }

  @Test
  void aRenamedTaskIsNotMappedByItselfButAnExplicitInstructionMapsIt() {
    ProcessDefinition v1 = deploy(source("behaviour-renamed"));
    ProcessInstance instance = running(v1);
    ProcessDefinition v2 = deploy(target("behaviour-renamed", "Task_Prepare"));

    MigrationPlan unmapped = runtime.createMigrationPlan(v1.getId(), v2.getId()).mapEqualActivities()
        .updateEventTriggers().build();
    assertThat(unmapped.getInstructions()).isEmpty();
    assertThatThrownBy(() -> runtime.newMigration(unmapped).processInstanceIds(instance.getId()).execute())
        .isInstanceOfSatisfying(MigratingProcessInstanceValidationException.class, e -> {
          assertThat(e.getValidationReport().getActivityInstanceReports()).singleElement().satisfies(report -> {
            assertThat(report.getSourceScopeId()).isEqualTo("Task_Draft");
            assertThat(report.getFailures()).containsExactly(
                "There is no migration instruction for this instance's activity");
          });
        });

    MigrationPlan mapped = runtime.createMigrationPlan(v1.getId(), v2.getId()).mapEqualActivities()
        .updateEventTriggers().mapActivities("Task_Draft", "Task_Prepare").updateEventTrigger().build();
    runtime.newMigration(mapped).processInstanceIds(instance.getId()).execute();
    Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(task.getTaskDefinitionKey()).isEqualTo("Task_Prepare");
    assertThat(task.getAssignee()).isEqualTo("sytcb");
    assertThat(timers(instance)).containsOnly(Map.entry("Reminder_Kept", T_KEPT),
        Map.entry("Reminder_Changed", T_CHANGED_NEW), Map.entry("Reminder_New", T_NEW));
    List<Job> jobs = management.createJobQuery().processInstanceId(instance.getId()).list();
    assertThat(jobs).allSatisfy(job -> assertThat(job.getProcessDefinitionId()).isEqualTo(v2.getId()));
  }

  /**
   * Camunda 7.24 as it comes (issues #4633, #4637): the first instance migrated keeps its timers, but the migration
   * removes the kept listeners' declarations from the new version's cached definition, so the next instance migrated
   * loses those timers and a task the new version creates afterwards has none for them.
   */
  @Test
  void withoutTheGuardAMigrationStripsTheNewVersionOfItsKeptReminders() {
    ProcessDefinition v1 = deploy(plain, source("behaviour-plain"));
    ProcessInstance first = running(plain, v1);
    ProcessInstance second = running(plain, v1);
    ProcessDefinition v2 = deploy(plain, target("behaviour-plain", "Task_Draft"));
    RuntimeService plainRuntime = plain.getRuntimeService();
    MigrationPlan plan = plainRuntime.createMigrationPlan(v1.getId(), v2.getId()).mapEqualActivities()
        .updateEventTriggers().build();

    plainRuntime.newMigration(plan).processInstanceIds(first.getId(), second.getId()).execute();

    Map<String, Date> all = Map.of("Reminder_Kept", T_KEPT, "Reminder_Changed", T_CHANGED_NEW,
        "Reminder_New", T_NEW);
    Map<String, Date> firstTimers = timers(plain, first);
    Map<String, Date> secondTimers = timers(plain, second);
    assertThat(List.of(firstTimers, secondTimers)).as("one of the two keeps its timers").contains(all);
    assertThat(List.of(firstTimers, secondTimers)).as("the other loses the kept ones")
        .contains(Map.of("Reminder_New", T_NEW));
    ClockUtil.setCurrentTime(Date.from(NOW));
    ProcessInstance fresh = plainRuntime.startProcessInstanceById(v2.getId(), variables());
    // Reminder_Kept and Reminder_Changed, whose timers were migrated, are gone from the new version
    assertThat(timers(plain, fresh)).as("a new task of the new version")
        .containsOnlyKeys("Reminder_Fired", "Reminder_New");
  }

  /** With the guard the application installs: every migrated instance and every new task keep every reminder. */
  @Test
  void withTheGuardEveryInstanceAndEveryNewTaskKeepsItsReminders() {
    ProcessDefinition v1 = deploy(source("behaviour-guarded"));
    ProcessInstance first = running(v1);
    ProcessInstance second = running(v1);
    ProcessDefinition v2 = deploy(target("behaviour-guarded", "Task_Draft"));
    MigrationPlan plan = runtime.createMigrationPlan(v1.getId(), v2.getId()).mapEqualActivities()
        .updateEventTriggers().build();

    runtime.newMigration(plan).processInstanceIds(first.getId()).execute();
    runtime.newMigration(plan).processInstanceIds(second.getId()).execute();

    Map<String, Date> all = Map.of("Reminder_Kept", T_KEPT, "Reminder_Changed", T_CHANGED_NEW,
        "Reminder_New", T_NEW);
    assertThat(timers(first)).isEqualTo(all);
    assertThat(timers(second)).isEqualTo(all);
    assertThat(management.createJobQuery().processInstanceId(second.getId()).count()).as("one timer each")
        .isEqualTo(3);
    ClockUtil.setCurrentTime(Date.from(NOW));
    ProcessInstance fresh = runtime.startProcessInstanceById(v2.getId(), variables());
    assertThat(timers(fresh)).containsOnlyKeys("Reminder_Kept", "Reminder_Changed", "Reminder_Fired",
        "Reminder_New");
  }
}
