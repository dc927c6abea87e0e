package vn.pcmt.processowner.migration;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.batch.BatchStatistics;
import org.camunda.bpm.engine.batch.history.HistoricBatch;
import org.camunda.bpm.engine.migration.MigratingActivityInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingTransitionInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstructionsBuilder;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinitionQuery;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstanceQuery;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import vn.pcmt.processowner.migration.MigrationReport.Group;
import vn.pcmt.processowner.migration.MigrationReport.PlanProblem;
import vn.pcmt.processowner.migration.MigrationReport.ReminderChange;
import vn.pcmt.processowner.migration.MigrationReport.Step;
import vn.pcmt.processowner.migration.MigrationReport.StepMapping;
import vn.pcmt.processowner.migration.MigrationReport.Unmappable;
import vn.pcmt.processowner.migration.MigrationReport.Version;
import vn.pcmt.processowner.migration.MigrationRuns.Outcome;
import vn.pcmt.processowner.migration.MigrationRuns.Run;

/**
 * Moves running instances of a diagram to a newer version, for process owners (Cockpit's migration screen is not in
 * the community edition). A plan runs as several process instances (plan-lifecycle and the processes it calls, all
 * with the plan number as business key); a process owner picks the instances of one diagram by plan numbers or by
 * version.
 *
 * <p>The migration plan is Camunda's: steps with the same id map by themselves ({@code mapEqualActivities}), steps
 * whose id changed come from the process owner's mapping file ({@link MigrationMappings}), and timers follow the new
 * diagram ({@code updateEventTriggers}) unless the file says otherwise. For a user task's reminders (timeout listeners)
 * Camunda 7.24 then keeps the timer of a listener whose id is still there, computing its moment again from the new
 * timer, deletes the timer of a listener the new task no longer has, and starts a timer for a listener that is new
 * (MigrationEngineBehaviourTest shows each case). The task itself, its assignee, candidate groups, due date and
 * variables stay as they are.
 *
 * <p>The dry run asks the engine itself: it moves each chosen instance in a transaction that is always rolled back,
 * without listeners or input/output mappings, and reports what the engine refused and why. A run does the dry run
 * again and moves nothing unless every instance can move; then each source version is moved by one engine batch
 * (asynchronous, in small transactions by the job executor), recorded in {@link MigrationRuns}.
 *
 * <p>Authorization: the engine checks the caller's grants for what changes anything (MIGRATE_INSTANCE on both
 * process definitions, CREATE_BATCH_MIGRATE_PROCESS_INSTANCES on batches; the process-owner role has them). What the
 * report reads of running instances (which step, how many tasks) is read by the application once the caller is known
 * to be a process owner: the role does not read plans' tasks and variables.
 */
@Service
public class PlanMigrations {

  private static final Logger LOG = LoggerFactory.getLogger(PlanMigrations.class);
  static final String SAME_ID = "SAME_ID";
  static final String MAPPING_FILE = "MAPPING_FILE";
  private static final String MULTI_INSTANCE_BODY = "#multiInstanceBody";

  /** A run's progress. {@code state}: RUNNING, COMPLETED or FAILED. */
  record Progress(String batchId, long runId, String state, String source, String target, int instances,
      int migrated, int remaining, int ended, int failedJobs, List<String> failures, OffsetDateTime startedAt,
      String startedBy, List<String> plans, String text) {
  }

  /** One engine batch started by a run. */
  record Started(long runId, String batchId, Version source, Version target, int instances) {
  }

  /** What a run started, and the dry run it passed. */
  record RunResult(List<Started> batches, MigrationReport report) {
  }

  private record Prepared(ProcessDefinition source, ProcessDefinition target, MigrationPlan plan,
      Map<String, String> instances, String mappingFile, Group group) {
  }

  private record Analysis(MigrationReport report, List<Prepared> groups) {
  }

  private final RuntimeService runtime;
  private final RepositoryService repository;
  private final TaskService tasks;
  private final ManagementService management;
  private final HistoryService history;
  private final IdentityService identity;
  private final MigrationMappings mappings;
  private final MigrationRuns runs;
  private final TransactionTemplate rolledBack;
  private final TransactionTemplate transaction;

  PlanMigrations(RuntimeService runtime, RepositoryService repository, TaskService tasks,
      ManagementService management, HistoryService history, IdentityService identity, MigrationMappings mappings,
      MigrationRuns runs, PlatformTransactionManager transactions) {
    this.runtime = runtime;
    this.repository = repository;
    this.tasks = tasks;
    this.management = management;
    this.history = history;
    this.identity = identity;
    this.mappings = mappings;
    this.runs = runs;
    this.rolledBack = new TransactionTemplate(transactions);
    this.rolledBack.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.transaction = new TransactionTemplate(transactions);
  }

  // --- dry run ---------------------------------------------------------------------------------------------------

  /** What would happen to the chosen instances; changes nothing. */
  public MigrationReport dryRun(MigrationRequest request) {
    return analyse(request).report();
  }

  private Analysis analyse(MigrationRequest request) {
    if (request == null || request.processKey() == null || request.processKey().isBlank()) {
      throw new MigrationRequestException("Chưa nêu quy trình (processKey), ví dụ \"agency-report\".");
    }
    if (request.plans().isEmpty() && request.sourceVersion() == null) {
      throw new MigrationRequestException("Chọn các kế hoạch (planNumbers, số kế hoạch như \"23/KH-UBND\") hoặc một"
          + " phiên bản (sourceVersion) mà mọi phiên bản đang chạy của nó sẽ được chuyển.");
    }
    String key = request.processKey().strip();
    ProcessDefinition target = asSystem(() -> definition(key, request.targetVersion(), "đích"));
    ProcessDefinition sourceVersion = request.sourceVersion() == null ? null
        : asSystem(() -> definition(key, request.sourceVersion(), "nguồn"));
    if (sourceVersion != null && sourceVersion.getId().equals(target.getId())) {
      throw new MigrationRequestException("Phiên bản nguồn và phiên bản đích là một (" + key + " v"
          + target.getVersion() + ").");
    }
    List<ProcessInstance> chosen = asSystem(() -> select(key, request.plans(), sourceVersion));
    List<String> alreadyOnTarget = chosen.stream().filter(i -> i.getProcessDefinitionId().equals(target.getId()))
        .map(PlanMigrations::describe).toList();
    Map<String, List<ProcessInstance>> bySource = new TreeMap<>();
    chosen.stream().filter(i -> !i.getProcessDefinitionId().equals(target.getId()))
        .forEach(i -> bySource.computeIfAbsent(i.getProcessDefinitionId(), id -> new ArrayList<>()).add(i));

    List<Prepared> groups = new ArrayList<>();
    for (Map.Entry<String, List<ProcessInstance>> entry : bySource.entrySet()) {
      ProcessDefinition source = asSystem(() -> repository.getProcessDefinition(entry.getKey()));
      groups.add(analyseGroup(source, target, entry.getValue()));
    }
    groups.sort(Comparator.comparingInt(g -> g.source().getVersion()));
    int instances = groups.stream().mapToInt(g -> g.instances().size()).sum();
    int blocked = groups.stream().mapToInt(g -> g.group().blockedInstances().size()).sum();
    boolean canRun = instances > 0 && blocked == 0;
    MigrationReport report = new MigrationReport(key, Version.of(target), instances, instances - blocked, blocked,
        canRun, alreadyOnTarget, groups.stream().map(Prepared::group).toList(),
        summary(request, target, instances, blocked, alreadyOnTarget, groups));
    return new Analysis(report, groups);
  }

  private ProcessDefinition definition(String key, Integer version, String role) {
    ProcessDefinitionQuery query = repository.createProcessDefinitionQuery().processDefinitionKey(key);
    ProcessDefinition definition = version == null ? query.latestVersion().singleResult()
        : query.processDefinitionVersion(version).singleResult();
    if (definition == null) {
      throw new MigrationRequestException(version == null ? "Máy chủ không có quy trình nào mã '" + key + "'."
          : "Quy trình '" + key + "' không có phiên bản " + version + " (phiên bản " + role + ").");
    }
    return definition;
  }

  /** Running instances of the process, of the plans given (business keys) and/or of one version. */
  private List<ProcessInstance> select(String key, List<String> plans, ProcessDefinition version) {
    Map<String, ProcessInstance> found = new LinkedHashMap<>();
    if (plans.isEmpty()) {
      runtime.createProcessInstanceQuery().processDefinitionId(version.getId()).orderByProcessInstanceId().asc()
          .list().forEach(i -> found.put(i.getId(), i));
    } else {
      for (String plan : plans) {
        ProcessInstanceQuery query = runtime.createProcessInstanceQuery().processDefinitionKey(key)
            .processInstanceBusinessKey(plan);
        if (version != null) {
          query.processDefinitionId(version.getId());
        }
        query.orderByProcessInstanceId().asc().list().forEach(i -> found.put(i.getId(), i));
      }
    }
    return new ArrayList<>(found.values());
  }

  private Prepared analyseGroup(ProcessDefinition source, ProcessDefinition target, List<ProcessInstance> chosen) {
    BpmnModelInstance sourceModel = asSystem(() -> repository.getBpmnModelInstance(source.getId()));
    BpmnModelInstance targetModel = asSystem(() -> repository.getBpmnModelInstance(target.getId()));
    Optional<MigrationMappings.Found> found = mappings.find(source, target);
    boolean update = found.map(f -> f.rule().updateEventTriggers()).orElse(true);
    Map<String, String> explicit = found.map(f -> f.rule().map()).orElse(Map.of());
    String mappingFile = found.map(f -> f.location() + " (" + f.rule().describe() + ")").orElse(null);

    // the plan: Camunda's own mapping of equal ids, the mapping file's lines instead where it names a step
    List<PlanProblem> planProblems = new ArrayList<>();
    MigrationPlan plan = null;
    try {
      MigrationInstructionsBuilder equal = runtime.createMigrationPlan(source.getId(), target.getId())
          .mapEqualActivities();
      MigrationPlan generated = (update ? equal.updateEventTriggers() : equal).build();
      if (explicit.isEmpty()) {
        plan = generated;
      } else {
        MigrationPlanBuilder builder = runtime.createMigrationPlan(source.getId(), target.getId());
        for (MigrationInstruction instruction : generated.getInstructions()) {
          if (!explicit.containsKey(instruction.getSourceActivityId())) {
            var line = builder.mapActivities(instruction.getSourceActivityId(), instruction.getTargetActivityId());
            builder = instruction.isUpdateEventTrigger() ? line.updateEventTrigger() : line;
          }
        }
        for (Map.Entry<String, String> line : explicit.entrySet()) {
          var mapped = builder.mapActivities(line.getKey(), line.getValue());
          builder = update && definesEventTrigger(sourceModel, line.getKey()) ? mapped.updateEventTrigger() : mapped;
        }
        plan = builder.build();
      }
    } catch (MigrationPlanValidationException e) {
      for (MigrationInstructionValidationReport report : e.getValidationReport().getInstructionReports()) {
        MigrationInstruction instruction = report.getMigrationInstruction();
        List<String> reasons = report.getFailures().stream().map(EngineReasons::explain).toList();
        planProblems.add(new PlanProblem(instruction.getSourceActivityId(), instruction.getTargetActivityId(),
            reasons, report.getFailures(), step(sourceModel, instruction.getSourceActivityId()) + " → "
                + step(targetModel, instruction.getTargetActivityId()) + ": " + String.join(" ", reasons)));
      }
      e.getValidationReport().getVariableReports().forEach((name, report) -> planProblems.add(new PlanProblem(null,
          null, report.getFailures().stream().map(EngineReasons::explain).toList(), report.getFailures(),
          "Biến " + name + ": " + String.join(" ", report.getFailures()))));
    }

    // where the chosen instances are, and what the engine says about moving each of them
    Map<String, String> instances = new LinkedHashMap<>();
    Map<String, Set<String>> occupied = new LinkedHashMap<>();
    Map<String, Integer> taskCount = new HashMap<>();
    Map<String, Set<String>> failedAt = new LinkedHashMap<>();
    Map<String, Set<String>> failureReasons = new LinkedHashMap<>();
    List<String> blocked = new ArrayList<>();
    for (ProcessInstance instance : chosen) {
      ActivityInstance tree = asSystem(() -> runtime.getActivityInstance(instance.getId()));
      if (tree == null) {
        continue; // ended meanwhile
      }
      instances.put(instance.getId(), instance.getBusinessKey());
      collect(tree, instance.getId(), occupied);
      for (Task task : asSystem(() -> tasks.createTaskQuery().processInstanceId(instance.getId()).list())) {
        taskCount.merge(task.getTaskDefinitionKey(), 1, Integer::sum);
      }
      if (plan == null) {
        blocked.add(describe(instance));
        continue;
      }
      Map<String, List<String>> failures = validate(plan, instance.getId());
      if (!failures.isEmpty()) {
        blocked.add(describe(instance));
        failures.forEach((activity, reasons) -> {
          failedAt.computeIfAbsent(activity, a -> new LinkedHashSet<>()).add(instance.getId());
          failureReasons.computeIfAbsent(activity, a -> new LinkedHashSet<>()).addAll(reasons);
        });
      }
    }

    Map<String, MigrationInstruction> instructions = new LinkedHashMap<>();
    if (plan != null) {
      plan.getInstructions().forEach(i -> instructions.put(i.getSourceActivityId(), i));
    }
    List<StepMapping> steps = new ArrayList<>();
    List<Unmappable> unmappable = new ArrayList<>();
    for (Map.Entry<String, Set<String>> at : occupied.entrySet()) {
      String activity = at.getKey();
      int count = at.getValue().size();
      int taskTotal = taskCount.getOrDefault(activity, 0);
      MigrationInstruction instruction = instructions.get(activity);
      if (failedAt.containsKey(activity) || instruction == null) {
        List<String> engine = new ArrayList<>(failureReasons.getOrDefault(activity, Set.of()));
        if (engine.isEmpty()) {
          engine.add(plan == null ? "The migration plan is not valid"
              : "There is no migration instruction for this instance's activity");
        }
        List<String> reasons = plan == null
            ? List.of("Kế hoạch chuyển không hợp lệ (xem các dòng bị từ chối), nên không phiên bản nào chuyển được.")
            : engine.stream().map(EngineReasons::explain).distinct().toList();
        unmappable.add(new Unmappable(activity, name(sourceModel, activity), count, taskTotal, reasons, engine,
            step(sourceModel, activity) + ": " + count + " phiên bản đang ở đây" + tasksText(taskTotal)
                + " KHÔNG chuyển được. " + String.join(" ", reasons)));
      } else {
        String targetId = instruction.getTargetActivityId();
        boolean byFile = explicit.containsKey(activity);
        steps.add(new StepMapping(activity, name(sourceModel, activity), targetId, name(targetModel, targetId),
            byFile ? MAPPING_FILE : SAME_ID, count, taskTotal, step(sourceModel, activity) + " → "
                + step(targetModel, targetId) + ": " + count + " phiên bản" + tasksText(taskTotal)
                + (byFile ? " (theo tệp ánh xạ)" : " (cùng mã)") + "; việc giữ nguyên người nhận, nhóm, hạn và"
                + " dữ liệu."));
      }
    }

    Set<String> mappedTargets = instructions.values().stream().map(MigrationInstruction::getTargetActivityId)
        .collect(Collectors.toSet());
    List<Step> newSteps = new ArrayList<>();
    for (Activity activity : targetModel.getModelElementsByType(Activity.class)) {
      if (sourceModel.getModelElementById(activity.getId()) == null && !mappedTargets.contains(activity.getId())) {
        newSteps.add(new Step(activity.getId(), activity.getName(), type(activity), "Bước mới " + step(activity)
            + " (" + type(activity) + assignee(activity) + "): phiên bản đã chuyển đi qua bước này khi đến chỗ của nó;"
            + " phiên bản đã qua chỗ đó thì không."));
      }
    }
    List<Step> removedSteps = new ArrayList<>();
    for (Activity activity : sourceModel.getModelElementsByType(Activity.class)) {
      if (!instructions.containsKey(activity.getId()) && targetModel.getModelElementById(activity.getId()) == null
          && !occupied.containsKey(activity.getId())) {
        removedSteps.add(new Step(activity.getId(), activity.getName(), type(activity), "Bước " + step(activity)
            + " không còn ở phiên bản mới; không phiên bản nào đang ở đó."));
      }
    }

    List<ReminderChange> reminders = new ArrayList<>();
    for (MigrationInstruction instruction : instructions.values()) {
      ModelElementInstance from = sourceModel.getModelElementById(instruction.getSourceActivityId());
      ModelElementInstance to = targetModel.getModelElementById(instruction.getTargetActivityId());
      if (from instanceof UserTask sourceTask && to instanceof UserTask targetTask) {
        reminders.addAll(reminderChanges(sourceTask, targetTask, instruction.isUpdateEventTrigger(),
            taskCount.getOrDefault(sourceTask.getId(), 0)));
      }
    }

    Set<String> plans = new java.util.TreeSet<>();
    instances.values().stream().filter(Objects::nonNull).forEach(plans::add);
    Group group = new Group(Version.of(source), Version.of(target), mappingFile, update, instances.size(),
        List.copyOf(plans), steps, unmappable, planProblems, newSteps, removedSteps, reminders, blocked);
    return new Prepared(source, target, plan, instances, mappingFile, group);
  }

  /**
   * Moves one instance in a transaction that is always rolled back, and returns the engine's refusals by step (empty
   * when it could move). Listeners and input/output mappings are skipped: nothing but the move is tried.
   */
  private Map<String, List<String>> validate(MigrationPlan plan, String instanceId) {
    Map<String, List<String>> failures = new LinkedHashMap<>();
    try {
      rolledBack.executeWithoutResult(status -> {
        status.setRollbackOnly();
        runtime.newMigration(plan).processInstanceIds(instanceId).skipCustomListeners().skipIoMappings().execute();
      });
    } catch (MigratingProcessInstanceValidationException e) {
      MigratingProcessInstanceValidationReport report = e.getValidationReport();
      for (MigratingActivityInstanceValidationReport activity : report.getActivityInstanceReports()) {
        failures.computeIfAbsent(activity.getSourceScopeId(), id -> new ArrayList<>()).addAll(activity.getFailures());
      }
      for (MigratingTransitionInstanceValidationReport transition : report.getTransitionInstanceReports()) {
        failures.computeIfAbsent(transition.getSourceScopeId(), id -> new ArrayList<>())
            .addAll(transition.getFailures());
      }
      if (!report.getFailures().isEmpty()) {
        failures.computeIfAbsent(report.getProcessInstanceId(), id -> new ArrayList<>()).addAll(report.getFailures());
      }
    } catch (AuthorizationException e) {
      throw e;
    } catch (ProcessEngineException e) {
      LOG.warn("Dry run of migrating {} failed", instanceId, e);
      failures.computeIfAbsent(instanceId, id -> new ArrayList<>()).add(e.getMessage());
    }
    return failures;
  }

  private static void collect(ActivityInstance scope, String instanceId, Map<String, Set<String>> occupied) {
    for (ActivityInstance child : scope.getChildActivityInstances()) {
      occupied.computeIfAbsent(child.getActivityId(), id -> new LinkedHashSet<>()).add(instanceId);
      collect(child, instanceId, occupied);
    }
    for (TransitionInstance transition : scope.getChildTransitionInstances()) {
      occupied.computeIfAbsent(transition.getActivityId(), id -> new LinkedHashSet<>()).add(instanceId);
    }
  }

  /** A step with timers or events of its own, whose triggers {@code updateEventTrigger} may compute again. */
  private static boolean definesEventTrigger(BpmnModelInstance model, String activityId) {
    ModelElementInstance element = model.getModelElementById(stripBody(activityId));
    if (element instanceof CatchEvent event) {
      return !event.getEventDefinitions().isEmpty();
    }
    if (element instanceof ReceiveTask receive) {
      return receive.getMessage() != null;
    }
    return element instanceof UserTask task && !timeoutListeners(task).isEmpty();
  }

  /** What happens to the reminders (timeout listeners) of a task that moves. */
  private static List<ReminderChange> reminderChanges(UserTask source, UserTask target, boolean update, int tasks) {
    Map<String, String> before = timeoutListeners(source);
    Map<String, String> after = timeoutListeners(target);
    List<ReminderChange> changes = new ArrayList<>();
    String where = step(source) + (source.getId().equals(target.getId()) ? "" : " → " + step(target));
    before.forEach((id, timer) -> {
      if (!after.containsKey(id)) {
        changes.add(new ReminderChange(source.getId(), id, "REMOVED", timer, null, tasks, where + ": nhắc việc '" + id
            + "' (" + timer + ") không còn ở phiên bản mới: hẹn giờ đang chờ của nó bị xóa khi chuyển."));
      } else if (!after.get(id).equals(timer)) {
        String text = update
            ? "hẹn giờ đang chờ được tính lại theo hẹn giờ mới khi chuyển (nếu hẹn giờ cũ đã chạy rồi thì không chạy"
                + " lại)."
            : "hẹn giờ đang chờ GIỮ thời điểm cũ (tệp ánh xạ đặt updateEventTriggers: false)."
                + " Đổi mã nhắc việc (Listener ID) nếu muốn hẹn theo lịch mới.";
        changes.add(new ReminderChange(source.getId(), id, "CHANGED", timer, after.get(id), tasks, where
            + ": nhắc việc '" + id + "' đổi từ " + timer + " sang " + after.get(id) + ": " + text
            + nowWarning(update, after.get(id))));
      }
    });
    after.forEach((id, timer) -> {
      if (!before.containsKey(id)) {
        changes.add(new ReminderChange(target.getId(), id, "ADDED", null, timer, tasks, where + ": nhắc việc mới '"
            + id + "' (" + timer + "): hẹn giờ được đặt khi chuyển; nếu thời điểm đó đã qua thì nó chạy ngay sau khi"
            + " chuyển (một lần)." + nowWarning(true, timer)));
      }
    });
    return changes;
  }

  private static String nowWarning(boolean computedAtMigration, String timer) {
    return computedAtMigration && timer != null && (timer.contains("FromNow") || timer.contains("now()"))
        ? " Lưu ý: biểu thức tính từ lúc hiện tại, nên thời điểm được tính từ lúc chuyển, không phải từ lúc giao việc."
        : "";
  }

  /** Listener id to its timer expression, for every timeout listener of the task. */
  private static Map<String, String> timeoutListeners(UserTask task) {
    Map<String, String> listeners = new LinkedHashMap<>();
    if (task.getExtensionElements() == null) {
      return listeners;
    }
    for (CamundaTaskListener listener : task.getExtensionElements().getElementsQuery()
        .filterByType(CamundaTaskListener.class).list()) {
      if ("timeout".equals(listener.getCamundaEvent())) {
        String id = listener.getAttributeValue("id");
        listeners.put(id == null ? "(không mã)" : id, listener.getTimeouts().stream().map(PlanMigrations::timer)
            .collect(Collectors.joining(", ")));
      }
    }
    return listeners;
  }

  private static String timer(TimerEventDefinition timer) {
    if (timer.getTimeDate() != null) {
      return timer.getTimeDate().getTextContent().strip();
    }
    if (timer.getTimeCycle() != null) {
      return timer.getTimeCycle().getTextContent().strip();
    }
    return timer.getTimeDuration() == null ? "" : timer.getTimeDuration().getTextContent().strip();
  }

  private List<String> summary(MigrationRequest request, ProcessDefinition target, int instances, int blocked,
      List<String> alreadyOnTarget, List<Prepared> groups) {
    List<String> lines = new ArrayList<>();
    lines.add("Chuyển " + request.describe() + " sang " + Version.of(target).label() + ": " + instances
        + " phiên bản đang chạy" + (instances == 0 ? "." : blocked == 0 ? ", tất cả chuyển được."
            : ", " + blocked + " KHÔNG chuyển được; khi còn phiên bản không chuyển được thì không chuyển phiên bản"
                + " nào."));
    if (!alreadyOnTarget.isEmpty()) {
      lines.add(alreadyOnTarget.size() + " phiên bản đã ở phiên bản đích, không cần chuyển.");
    }
    if (instances == 0) {
      lines.add("Không có phiên bản nào đang chạy để chuyển.");
    }
    for (Prepared prepared : groups) {
      Group group = prepared.group();
      lines.add("Từ " + group.source().label() + " (" + group.instances() + " phiên bản"
          + (group.plans().isEmpty() ? "" : ", kế hoạch " + String.join(", ", group.plans())) + ")"
          + (group.mappingFile() == null ? ", không có tệp ánh xạ" : ", tệp ánh xạ " + group.mappingFile())
          + (group.updateEventTriggers() ? "; hẹn giờ tính lại theo sơ đồ mới." : "; hẹn giờ giữ thời điểm cũ."));
      group.planProblems().forEach(p -> lines.add("Dòng ánh xạ bị từ chối: " + p.text()));
      group.steps().forEach(s -> lines.add(s.text()));
      group.unmappable().forEach(u -> lines.add(u.text()));
      group.newSteps().forEach(s -> lines.add(s.text()));
      group.removedSteps().forEach(s -> lines.add(s.text()));
      group.reminders().forEach(r -> lines.add(r.text()));
    }
    return lines;
  }

  // --- run -------------------------------------------------------------------------------------------------------

  /**
   * Checks like the dry run and, if every chosen instance can move, moves them: one engine batch per source version,
   * recorded with who asked. Refused as a whole otherwise (the refusal is recorded too).
   */
  public RunResult run(MigrationRequest request) {
    Analysis analysis = analyse(request);
    MigrationReport report = analysis.report();
    if (report.instances() == 0) {
      throw new MigrationRequestException("Không có phiên bản đang chạy nào để chuyển: " + request.describe() + ".");
    }
    String user = currentUser();
    Instant now = Instant.now();
    if (!report.canRun()) {
      for (Prepared prepared : analysis.groups()) {
        List<String> detail = new ArrayList<>();
        prepared.group().planProblems().forEach(p -> detail.add(p.text()));
        prepared.group().unmappable().forEach(u -> detail.add(u.text()));
        runs.insert(now, user, Version.of(prepared.source()), Version.of(prepared.target()), request.describe(),
            prepared.mappingFile(), prepared.instances(), null, Outcome.REFUSED, detail);
      }
      throw new MigrationRefusedException(report);
    }
    List<Started> started = new ArrayList<>();
    for (Prepared prepared : analysis.groups()) {
      started.add(transaction.execute(status -> {
        Batch batch = runtime.newMigration(prepared.plan()).processInstanceIds(List.copyOf(prepared.instances()
            .keySet())).executeAsync();
        long id = runs.insert(now, user, Version.of(prepared.source()), Version.of(prepared.target()),
            request.describe(), prepared.mappingFile(), prepared.instances(), batch.getId(), Outcome.STARTED,
            List.of());
        LOG.info("{} moves {} instance(s) of {} v{} to v{} (batch {})", user, prepared.instances().size(),
            prepared.source().getKey(), prepared.source().getVersion(), prepared.target().getVersion(),
            batch.getId());
        return new Started(id, batch.getId(), Version.of(prepared.source()), Version.of(prepared.target()),
            prepared.instances().size());
      }));
    }
    return new RunResult(started, report);
  }

  // --- progress --------------------------------------------------------------------------------------------------

  /** How far the run of a batch has got; the run is recorded as over once it is. */
  public Progress progress(String batchId) {
    Run run = runs.byBatch(batchId).orElseThrow(() -> new MigrationNotFoundException(
        "Không có lần chuyển nào với lô (batch) " + batchId + "."));
    Map<String, String> instances = runs.instances(run.id());
    return asSystem(() -> {
      Set<String> ids = instances.keySet();
      long running = ids.isEmpty() ? 0 : runtime.createProcessInstanceQuery().processInstanceIds(ids).count();
      long onTarget = ids.isEmpty() ? 0 : runtime.createProcessInstanceQuery().processInstanceIds(ids)
          .processDefinitionId(run.targetDefinitionId()).count();
      int migrated = (int) onTarget;
      int remaining = (int) (running - onTarget);
      int ended = ids.size() - (int) running;
      BatchStatistics statistics = management.createBatchStatisticsQuery().batchId(batchId).singleResult();
      List<String> failures = new ArrayList<>();
      int failedJobs = 0;
      if (statistics != null && statistics.getFailedJobs() > 0) {
        failedJobs = statistics.getFailedJobs();
        for (Job job : management.createJobQuery().jobDefinitionId(statistics.getBatchJobDefinitionId())
            .noRetriesLeft().list()) {
          failures.add("Việc nền của lô thất bại: " + job.getExceptionMessage());
        }
      }
      HistoricBatch historic = history.createHistoricBatchQuery().batchId(batchId).singleResult();
      boolean batchOver = statistics == null && historic != null && historic.getEndTime() != null;
      String state;
      if (failedJobs > 0 || (batchOver && remaining > 0)) {
        state = Outcome.FAILED.name();
        if (failures.isEmpty()) {
          failures.add("Lô đã kết thúc nhưng " + remaining + " phiên bản chưa được chuyển.");
        }
      } else if (remaining == 0) {
        state = Outcome.COMPLETED.name();
      } else {
        state = "RUNNING";
      }
      if (!state.equals("RUNNING")) {
        runs.finish(run.id(), Outcome.valueOf(state), Instant.now(), failures);
      }
      String text = switch (state) {
        case "COMPLETED" -> "Đã chuyển xong: " + migrated + " phiên bản ở " + run.target()
            + (ended > 0 ? ", " + ended + " phiên bản đã kết thúc trước khi chuyển" : "") + ".";
        case "FAILED" -> "Lỗi: " + String.join(" ", failures) + " Đã chuyển " + migrated + ", còn " + remaining
            + " phiên bản ở phiên bản cũ (vẫn chạy bình thường ở đó).";
        default -> "Đang chuyển: " + migrated + "/" + ids.size() + " phiên bản đã ở " + run.target() + ".";
      };
      return new Progress(batchId, run.id(), state, run.source(), run.target(), ids.size(), migrated, remaining,
          ended, failedJobs, failures, run.at(), run.by(), run.plans(), text);
    });
  }

  /** The runs, newest first. */
  public List<Run> history(int limit) {
    return runs.list(limit);
  }

  // --- helpers ---------------------------------------------------------------------------------------------------

  /**
   * Reads as the application: what the report shows of running instances is not the process owner's to read through
   * the engine's grants (they do not read plans' tasks); the caller has been checked to be a process owner.
   */
  private <T> T asSystem(Supplier<T> read) {
    var caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return read.get();
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }

  private String currentUser() {
    var caller = identity.getCurrentAuthentication();
    return caller == null || caller.getUserId() == null ? "application" : caller.getUserId();
  }

  private static String describe(ProcessInstance instance) {
    return (instance.getBusinessKey() == null ? "" : instance.getBusinessKey() + " ") + "(" + instance.getId() + ")";
  }

  private static String tasksText(int tasks) {
    return tasks == 0 ? "" : ", " + tasks + " việc đang mở";
  }

  private static String stripBody(String activityId) {
    return activityId != null && activityId.endsWith(MULTI_INSTANCE_BODY)
        ? activityId.substring(0, activityId.length() - MULTI_INSTANCE_BODY.length()) : activityId;
  }

  private static String name(BpmnModelInstance model, String activityId) {
    ModelElementInstance element = model.getModelElementById(stripBody(activityId));
    return element instanceof FlowElement flow ? flow.getName() : null;
  }

  private static String step(BpmnModelInstance model, String activityId) {
    if (activityId == null) {
      return "?";
    }
    String name = name(model, activityId);
    return activityId + (name == null ? "" : " «" + name + "»");
  }

  private static String step(FlowElement element) {
    return element.getId() + (element.getName() == null ? "" : " «" + element.getName() + "»");
  }

  private static String type(Activity activity) {
    return switch (activity.getElementType().getTypeName()) {
      case "userTask" -> "việc người làm";
      case "serviceTask", "sendTask", "businessRuleTask", "scriptTask" -> "việc hệ thống";
      case "callActivity" -> "gọi quy trình";
      case "subProcess" -> "khối";
      case "receiveTask" -> "chờ tin";
      default -> activity.getElementType().getTypeName();
    };
  }

  private static String assignee(Activity activity) {
    return activity instanceof UserTask task && task.getCamundaCandidateGroups() != null
        ? ", giao cho " + task.getCamundaCandidateGroups() : "";
  }

}
