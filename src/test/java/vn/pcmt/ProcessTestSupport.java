package vn.pcmt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.impl.jobexecutor.TimerTaskListenerJobHandler;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.variable.value.TypedValue;
import vn.pcmt.calendar.WorkingCalendar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.pcmt.agency.AgencyGroups;
import vn.pcmt.engine.InvalidFormDataException;
import vn.pcmt.engine.JsonVar;
import vn.pcmt.engine.Var;
import vn.pcmt.obligation.Obligation;
import vn.pcmt.obligation.ObligationKind;
import vn.pcmt.obligation.ObligationService;
import vn.pcmt.obligation.Outcome;
import vn.pcmt.plan.AssignmentRole;
import vn.pcmt.plan.Indicator;
import vn.pcmt.plan.PlanLifecycleProcess;
import vn.pcmt.plan.PlanRegistration;
import vn.pcmt.plan.PlanRegistrationForm;
import vn.pcmt.plan.PlanRegistrationService;
import vn.pcmt.plan.ReportingPeriod;
import vn.pcmt.plan.TargetType;

/**
 * The process tests: the real application (demo directory and users, every bean, the diagrams deployed by
 * ProcessDeployer) without a web server, on an in-memory H2, with the job executor off, so a test drives every
 * asynchronous continuation and timer itself ({@link #executeDueJobs()}) and moves the engine clock
 * ({@link #setClock}). Tasks are completed as the demo users would (officer {@code <code>cb}, head {@code <code>ld}),
 * with their groups, so the engine checks the grants candidate groups get.
 *
 * <p>All process tests share one Spring context and one database: every test ends by deleting the process instances
 * it left running, and uses its own plan number.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {
        // Camunda's REST API needs a servlet container; the process tests call the engine's Java API
        "spring.autoconfigure.exclude=org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration",
        // the engine logs every exception of a command with its stack trace, the refused form submissions the tests
        // provoke included; here every such exception reaches the test that caused it (jobs run on its thread)
        "logging.level.org.camunda.bpm.engine.context=OFF"})
@ActiveProfiles({"demo", "test"})
@Import(ProcessCoverageConfig.class)
public abstract class ProcessTestSupport {

  protected static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
  /** The clock every test starts at: Monday 4 March 2024, 9:00 in Vietnam. */
  protected static final LocalDateTime MONDAY_MORNING = LocalDateTime.of(2024, 3, 4, 9, 0);
  protected static final LocalDate PLAN_ISSUE_DATE = MONDAY_MORNING.toLocalDate();

  /** The demo directory's issuer (UBND tỉnh), secretariat (Phòng Tham mưu, Công an tỉnh) and Home Affairs. */
  protected static final String ISSUER = "UBNDT";
  protected static final String LEADERSHIP = AgencyGroups.headGroupOf(ISSUER);
  protected static final String SECRETARIAT = "PTM";
  protected static final String HOME_AFFAIRS = "SNV";

  protected static final String INDICATOR_EVENTS = "Số buổi tuyên truyền";
  protected static final String INDICATOR_REHAB = "Số người nghiện được cai nghiện";

  private static final int MAX_JOBS = 500;
  private static final AtomicInteger PLAN_NUMBERS = new AtomicInteger();

  @Autowired
  protected ProcessEngine processEngine;
  @Autowired
  protected RuntimeService runtimeService;
  @Autowired
  protected TaskService taskService;
  @Autowired
  protected ManagementService managementService;
  @Autowired
  protected IdentityService identityService;
  @Autowired
  protected HistoryService historyService;
  @Autowired
  protected PlanRegistrationService plans;
  @Autowired
  protected ObligationService obligations;
  @Autowired
  private PlatformTransactionManager transactionManager;

  @BeforeEach
  void startProcessTest() {
    AbstractAssertions.init(processEngine);
    setClock(MONDAY_MORNING);
  }

  @AfterEach
  void endProcessTest() {
    identityService.clearAuthentication();
    List<String> running = runtimeService.createProcessInstanceQuery().rootProcessInstances().list().stream()
        .map(ProcessInstance::getId).toList();
    if (!running.isEmpty()) {
      runtimeService.deleteProcessInstances(running, "process test finished", true, true);
    }
    ClockUtil.reset();
    AbstractAssertions.reset();
  }

  // --- users -----------------------------------------------------------------------------------------------------

  protected static String officer(String agency) {
    return agency.toLowerCase() + "cb";
  }

  protected static String head(String agency) {
    return agency.toLowerCase() + "ld";
  }

  // --- plans -----------------------------------------------------------------------------------------------------

  /** A plan number no other test uses (plan numbers are unique per issuer and issue date). */
  protected static String newPlanNumber() {
    return PLAN_NUMBERS.incrementAndGet() + "/KH-UBND-TEST";
  }

  /**
   * A small plan issued by UBND tỉnh with PTM as secretariat: each agency leads one duty, two indicators, the given
   * periods ("label", due date); sub-plans when {@code subPlanDeadline} is set.
   */
  protected static PlanRegistration planOf(String planNumber, List<String> agencies, LocalDate subPlanDeadline,
      Map<String, LocalDate> periods, boolean yearEndCommendation) {
    return new PlanRegistration(planNumber, "Kế hoạch thực hiện công tác phòng, chống ma túy năm 2024 (kiểm thử)",
        PLAN_ISSUE_DATE, null, null, List.of("Luật Phòng, chống ma túy năm 2021"), subPlanDeadline, null,
        agencies.stream().map(code -> new PlanRegistration.AssignmentItem(TargetType.AGENCY, code,
            AssignmentRole.LEAD, "Chủ trì thực hiện nhiệm vụ phòng, chống ma túy của " + code + ".")).toList(),
        periods.entrySet().stream().map(p -> new PlanRegistration.PeriodItem(p.getKey(), p.getValue(), null))
            .toList(),
        List.of(new PlanRegistration.IndicatorItem(INDICATOR_EVENTS, "buổi", 20.0),
            new PlanRegistration.IndicatorItem(INDICATOR_REHAB, "người", 100.0)),
        List.of("Ủy ban Quốc gia phòng, chống AIDS, ma túy, mại dâm (để b/c)"), yearEndCommendation);
  }

  protected static Map<String, LocalDate> periods(Object... labelsAndDueDates) {
    Map<String, LocalDate> result = new LinkedHashMap<>();
    for (int i = 0; i < labelsAndDueDates.length; i += 2) {
      result.put((String) labelsAndDueDates[i], (LocalDate) labelsAndDueDates[i + 1]);
    }
    return result;
  }

  /**
   * Registers the plan as the secretariat does from Tasklist's start form: the registration form's fields start
   * plan-lifecycle, as officer ptmcb of group PTM (the engine checks the grant to start plans).
   */
  protected ProcessInstance registerPlan(PlanRegistration registration) {
    identityService.setAuthentication(officer(SECRETARIAT), List.of(SECRETARIAT));
    try {
      return runtimeService.startProcessInstanceByKey(PlanLifecycleProcess.KEY,
          PlanRegistrationForm.write(registration));
    } finally {
      identityService.clearAuthentication();
    }
  }

  /**
   * A plan registered and issued through {@link PlanRegistrationService} alone, without plan-lifecycle: the tests of
   * a called diagram start that diagram with the variables plan-lifecycle passes, and measure only its coverage.
   */
  protected long issuedPlan(PlanRegistration registration) {
    long planId = plans.register(registration, null, officer(SECRETARIAT), null).getId();
    plans.issue(planId);
    return planId;
  }

  /** Reads the application's tables in one read-only transaction (entities load their collections lazily). */
  protected <T> T read(java.util.function.Supplier<T> reader) {
    TransactionTemplate transaction = new TransactionTemplate(transactionManager);
    transaction.setReadOnly(true);
    return transaction.execute(status -> reader.get());
  }

  protected long planIdOf(ProcessInstance plan) {
    return PlanLifecycleProcess.PLAN_ID.get(runtimeService.getVariables(plan.getId()));
  }

  /** The plan's reporting period ids by label. */
  protected Map<String, Long> periodIds(long planId) {
    return plans.read(planId, plan -> {
      Map<String, Long> ids = new LinkedHashMap<>();
      for (ReportingPeriod period : plan.getReportingPeriods()) {
        ids.put(period.getLabel(), period.getId());
      }
      return ids;
    });
  }

  /** The plan's indicator ids by name. */
  protected Map<String, Long> indicatorIds(long planId) {
    return plans.read(planId, plan -> {
      Map<String, Long> ids = new LinkedHashMap<>();
      for (Indicator indicator : plan.getIndicators()) {
        ids.put(indicator.getName(), indicator.getId());
      }
      return ids;
    });
  }

  /** Outcome of every obligation of one kind (and period) by agency; null outcomes until the plan is settled. */
  protected Map<String, Outcome> outcomes(long planId, ObligationKind kind, Long periodId) {
    Map<String, Outcome> result = new LinkedHashMap<>();
    for (Obligation obligation : obligations(planId, kind, periodId)) {
      result.put(obligation.getAgencyCode(), obligation.getOutcome());
    }
    return result;
  }

  protected List<Obligation> obligations(long planId, ObligationKind kind, Long periodId) {
    return obligations.ofPlan(planId).stream()
        .filter(o -> o.getKind() == kind && java.util.Objects.equals(o.getPeriodId(), periodId)).toList();
  }

  protected Obligation obligation(long planId, ObligationKind kind, Long periodId, String agency) {
    return obligations(planId, kind, periodId).stream().filter(o -> o.getAgencyCode().equals(agency)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " obligation of " + agency + " in plan " + planId));
  }

  // --- process instances and tasks ------------------------------------------------------------------------------

  /** Starts a called diagram directly, as its parent's call activity does (the business key is the plan number). */
  protected ProcessInstance startCalled(String processKey, String planNumber, Map<String, Object> variables) {
    return runtimeService.startProcessInstanceByKey(processKey, planNumber, variables);
  }

  /** The one task of the step in the process instance. */
  protected Task task(ProcessInstance instance, String taskKey) {
    Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey)
        .singleResult();
    assertThat(task).as("task %s of %s", taskKey, instance.getProcessDefinitionId()).isNotNull();
    return task;
  }

  /** The one task of the step for the candidate group, in any process of the plan (called processes included). */
  protected Task task(String planNumber, String taskKey, String candidateGroup) {
    List<Task> found = tasks(planNumber, taskKey, candidateGroup);
    assertThat(found).as("%s tasks of plan %s for %s", taskKey, planNumber, candidateGroup).hasSize(1);
    return found.get(0);
  }

  /** The same, for a reporting step of one period: the period's label tells the periods apart. */
  protected Task task(String planNumber, String taskKey, String candidateGroup, String periodLabel) {
    List<Task> found = taskService.createTaskQuery().processInstanceBusinessKey(planNumber)
        .taskDefinitionKey(taskKey).taskCandidateGroup(candidateGroup)
        .processVariableValueEquals(vn.pcmt.reporting.PeriodicReportProcess.PERIOD_LABEL.name(), periodLabel).list();
    assertThat(found).as("%s tasks of plan %s, period %s, for %s", taskKey, planNumber, periodLabel, candidateGroup)
        .hasSize(1);
    return found.get(0);
  }

  protected List<Task> tasks(String planNumber, String taskKey, String candidateGroup) {
    return taskService.createTaskQuery().processInstanceBusinessKey(planNumber).taskDefinitionKey(taskKey)
        .taskCandidateGroup(candidateGroup).list();
  }

  protected List<Task> tasks(String planNumber, String taskKey) {
    return taskService.createTaskQuery().processInstanceBusinessKey(planNumber).taskDefinitionKey(taskKey).list();
  }

  /** The instance of a called process for one agency (a running one, or the latest that ran). */
  protected ProcessInstance calledInstance(String planNumber, String processKey, String agency) {
    List<ProcessInstance> running = runtimeService.createProcessInstanceQuery().processDefinitionKey(processKey)
        .processInstanceBusinessKey(planNumber).variableValueEquals(PlanLifecycleProcess.AGENCY_GROUP.name(), agency)
        .list();
    assertThat(running).as("running %s of %s for %s", processKey, planNumber, agency).hasSize(1);
    return running.get(0);
  }

  /** Ids of the historic instances of a process of the plan, for checking that they ended. */
  protected List<String> historicInstanceIds(String planNumber, String processKey) {
    return historyService.createHistoricProcessInstanceQuery().processDefinitionKey(processKey)
        .processInstanceBusinessKey(planNumber).list().stream().map(h -> h.getId()).toList();
  }

  protected <T> T variable(ProcessInstance instance, Var<T> variable) {
    return variable.get(runtimeService.getVariables(instance.getId()));
  }

  protected <T> T variable(Task task, Var<T> variable) {
    return variable.get(taskService.getVariables(task.getId()));
  }

  protected <T> T variable(ProcessInstance instance, JsonVar<T> variable) {
    return read(variable, runtimeService.getVariableTyped(instance.getId(), variable.name()));
  }

  /** A JSON variable as the task's form sees it (task-local input mappings included). */
  protected <T> T variable(Task task, JsonVar<T> variable) {
    return read(variable, taskService.getVariableTyped(task.getId(), variable.name()));
  }

  private static <T> T read(JsonVar<T> variable, TypedValue value) {
    Map<String, Object> values = new HashMap<>();
    values.put(variable.name(), value);
    return variable.get(values);
  }

  // --- completing tasks ------------------------------------------------------------------------------------------

  /** Form data for completing a task, named by the process classes' variables. */
  protected static FormData form() {
    return new FormData();
  }

  protected static final class FormData {

    private final Map<String, Object> values = new HashMap<>();

    public <T> FormData with(Var<T> variable, T value) {
      variable.put(values, value);
      return this;
    }

    public <T> FormData with(JsonVar<T> variable, T value) {
      variable.put(values, value);
      return this;
    }

    /** Fields a form class wrote with the process class's variables (e.g. {@code PlanRegistrationForm.write}). */
    public FormData withAll(Map<String, Object> fields) {
      values.putAll(fields);
      return this;
    }

    public Map<String, Object> values() {
      return values;
    }
  }

  /** Completes the task as the user, with the user's groups (as Tasklist does); the engine checks the grant. */
  protected void complete(Task task, String user, FormData form) {
    identityService.setAuthentication(user, groupsOf(user));
    try {
      taskService.complete(task.getId(), form.values());
    } finally {
      identityService.clearAuthentication();
    }
  }

  /** Completing the task with the form data is refused; the task is still there to be completed. */
  protected InvalidFormDataException refused(Task task, String user, FormData form) {
    InvalidFormDataException refused = assertThrows(InvalidFormDataException.class, () -> complete(task, user, form));
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count())
        .as("task %s after a refused submission", task.getTaskDefinitionKey()).isEqualTo(1);
    return refused;
  }

  protected List<String> groupsOf(String user) {
    return identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
  }

  // --- jobs and time ---------------------------------------------------------------------------------------------

  /**
   * Executes every job that is due at the engine's clock (asynchronous continuations, timers), and those they create,
   * until none is left; returns how many of them moved the flow: reminder and escalation timers (timeout listeners of
   * user tasks) run but are not counted, so "nothing happened until the cut-off" stays checkable.
   */
  protected int executeDueJobs() {
    int executed = 0;
    int ran = 0;
    while (true) {
      List<Job> due = managementService.createJobQuery().executable().list();
      if (due.isEmpty()) {
        return executed;
      }
      for (Job job : due) {
        managementService.executeJob(job.getId());
        if (!TimerTaskListenerJobHandler.TYPE.equals(((JobEntity) job).getJobHandlerType())) {
          executed++;
        }
        if (++ran > MAX_JOBS) {
          fail("More than " + MAX_JOBS + " jobs in a row: a job loop?");
        }
      }
    }
  }

  protected void setClock(LocalDateTime vietnamTime) {
    ClockUtil.setCurrentTime(Date.from(vietnamTime.atZone(VN).toInstant()));
  }

  /** Moves the engine clock and runs what became due by then. */
  protected int moveClockTo(LocalDateTime vietnamTime) {
    setClock(vietnamTime);
    return executeDueJobs();
  }

  /** The end of a day in Vietnam (23:59:59): the moment a deadline on that day expires. */
  protected static Date endOfDay(LocalDate date) {
    return Date.from(date.atTime(23, 59, 59).atZone(VN).toInstant());
  }

  protected static Date startOfDay(LocalDate date) {
    return Date.from(date.atStartOfDay(VN).toInstant());
  }

  /**
   * Working days after a date as Vietnamese agencies count them (weekends, public holidays, announced days off), the
   * date itself not counted. The calendar is checked against real dates by its own tests (vn.pcmt.calendar).
   */
  protected static LocalDate plusWorkingDays(LocalDate date, int days) {
    return WORKING_DAYS.addWorkingDays(date, days);
  }

  private static final WorkingCalendar WORKING_DAYS = workingCalendar();

  private static WorkingCalendar workingCalendar() {
    try (var in = ProcessTestSupport.class.getResourceAsStream("/calendar/vietnam-days-off.yaml")) {
      return WorkingCalendar.read(in, "calendar/vietnam-days-off.yaml");
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  protected LocalDate today() {
    return ClockUtil.getCurrentTime().toInstant().atZone(VN).toLocalDate();
  }

  /** The one timer job of a process instance at the timer's activity. */
  protected Job timer(ProcessInstance instance, String activityId) {
    List<Job> timers = managementService.createJobQuery().processInstanceId(instance.getId()).timers()
        .activityId(activityId).list();
    assertThat(timers).as("timer %s of %s", activityId, instance.getId()).hasSize(1);
    return timers.get(0);
  }
}
