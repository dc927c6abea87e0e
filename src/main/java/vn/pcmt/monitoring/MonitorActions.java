package vn.pcmt.monitoring;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.pcmt.agency.Agency;
import vn.pcmt.agency.AgencyDirectory;
import vn.pcmt.agency.AgencyGroups;
import vn.pcmt.calendar.Deadlines;
import vn.pcmt.engine.AsEngine;
import vn.pcmt.monitoring.MonitorActionLog.Kind;
import vn.pcmt.monitoring.MonitorQueries.ObligationRef;
import vn.pcmt.notification.TaskReminders;
import vn.pcmt.obligation.ObligationService;
import vn.pcmt.reorganisation.TaskTransfer;

/**
 * What the secretariat and leadership do from the monitor on an agency's open task: remind the agency now, tell its
 * head, re-route the task to another agency, add a note. Each is checked against the plan ({@link MonitorAccess}),
 * written to the task's comments (Tasklist's history of the task) under the user's id, and to monitor_action.
 *
 * <p>The monitor's users have no grant on the agencies' tasks and need none: having checked their right to act on
 * the plan, the monitor changes the task as the engine itself (no user authenticated for those calls), and only the
 * comment is written with the user's id (the engine checks nothing for that one write, as in TaskReminders).
 */
@Service
public class MonitorActions {

  private static final Logger LOG = LoggerFactory.getLogger(MonitorActions.class);
  static final int NOTE_MAX = 2000;

  private final TaskService tasks;
  private final IdentityService identity;
  private final ProcessEngineConfigurationImpl engine;
  private final TaskReminders reminders;
  private final ObligationService obligations;
  private final AgencyDirectory directory;
  private final MonitorQueries queries;
  private final MonitorAccess access;
  private final MonitorActionLog log;
  private final Deadlines deadlines;
  private final MonitorService monitor;
  private final TaskTransfer transfer;

  MonitorActions(TaskService tasks, IdentityService identity, ProcessEngineConfiguration engine,
      TaskReminders reminders, ObligationService obligations, AgencyDirectory directory, MonitorQueries queries,
      MonitorAccess access, MonitorActionLog log, Deadlines deadlines, MonitorService monitor, TaskTransfer transfer) {
    this.monitor = monitor;
    this.transfer = transfer;
    this.tasks = tasks;
    this.identity = identity;
    this.engine = (ProcessEngineConfigurationImpl) engine;
    this.reminders = reminders;
    this.obligations = obligations;
    this.directory = directory;
    this.queries = queries;
    this.access = access;
    this.log = log;
    this.deadlines = deadlines;
  }

  /** What the page shows after an action. */
  public record Result(String message, Integer recipients, String taskId, String agency) {
  }

  /** An agency's open task, its obligation, and the candidate groups that make it the agency's. */
  private record AgencyTask(Task task, ObligationRef obligation, List<String> groups) {
  }

  @Transactional
  public Result remind(Viewer viewer, String taskId) {
    AgencyTask target = agencyTask(viewer, taskId);
    int told = reminders.remindNow(taskId, viewer.userId());
    log.record(target.obligation().planId(), target.obligation().id(), target.obligation().agency(), taskId,
        Kind.REMIND, null, told, viewer.userId(), now());
    return new Result("Đã gửi nhắc việc tới " + told + " địa chỉ e-mail của " + name(target.obligation().agency())
        + ".", told, taskId, target.obligation().agency());
  }

  @Transactional
  public Result escalate(Viewer viewer, String taskId) {
    AgencyTask target = agencyTask(viewer, taskId);
    int told = reminders.escalateNow(taskId, viewer.userId());
    log.record(target.obligation().planId(), target.obligation().id(), target.obligation().agency(), taskId,
        Kind.ESCALATE, null, told, viewer.userId(), now());
    return new Result("Đã báo lãnh đạo " + name(target.obligation().agency()) + " (" + told + " địa chỉ e-mail).",
        told, taskId, target.obligation().agency());
  }

  @Transactional
  public Result note(Viewer viewer, String taskId, String text) {
    String note = text == null ? "" : text.strip();
    if (note.isEmpty()) {
      throw new MonitorBadRequestException("Ghi chú trống.");
    }
    if (note.length() > NOTE_MAX) {
      throw new MonitorBadRequestException("Ghi chú dài quá " + NOTE_MAX + " ký tự.");
    }
    AgencyTask target = agencyTask(viewer, taskId);
    comment(target.task(), "Ghi chú theo dõi (" + viewer.userId() + "): " + note);
    log.record(target.obligation().planId(), target.obligation().id(), target.obligation().agency(), taskId,
        Kind.NOTE, note, null, viewer.userId(), now());
    return new Result("Đã lưu ghi chú.", null, taskId, target.obligation().agency());
  }

  /**
   * Moves the task to another agency: the new agency's groups replace the old one's as candidates, the old groups'
   * task grants are deleted (the engine keeps a removed candidate group's grant), an old-agency user who had taken
   * the task gives it back and loses the grant the assignment gave, the variables that route the later steps
   * (agencyGroup, agencyHeadGroup, agencyName) name the new agency, and so does the obligation.
   */
  @Transactional
  public Result reroute(Viewer viewer, String taskId, String toAgency) {
    String to = toAgency == null ? "" : toAgency.strip().toUpperCase(java.util.Locale.ROOT);
    AgencyTask target = agencyTask(viewer, taskId);
    ObligationRef obligation = target.obligation();
    String from = obligation.agency();
    Agency agency = directory.find(to).filter(a -> a.isValidOn(deadlines.today())).orElseThrow(() ->
        new MonitorBadRequestException("Không tìm thấy cơ quan có mã '" + to + "' còn hoạt động trong danh bạ."));
    if (to.equals(from)) {
      throw new MonitorBadRequestException("Công việc đang ở " + agency.getName() + ".");
    }
    if (queries.owes(obligation.planId(), to, obligation.kind(), obligation.periodId())) {
      throw new MonitorBadRequestException(agency.getName() + " đã có nhiệm vụ này trong kế hoạch; không thể chuyển.");
    }
    Task task = target.task();
    asEngine(() -> {
      transfer.move(task, from, agency);
      return null;
    });
    obligations.reassign(obligation.id(), to);
    String detail = name(from) + " (" + from + ") → " + agency.getName() + " (" + to + ")";
    comment(task, "Chuyển cơ quan (" + viewer.userId() + "): " + detail + ".");
    log.record(obligation.planId(), obligation.id(), to, taskId, Kind.REROUTE, detail, null, viewer.userId(), now());
    LOG.info("Task {} re-routed by {}: {}", taskId, viewer.userId(), detail);
    monitor.refreshPlans();
    return new Result("Đã chuyển công việc từ " + name(from) + " sang " + agency.getName() + ".", null, taskId, to);
  }

  @Transactional(readOnly = true)
  public List<MonitorViews.Action> history(Viewer viewer, long obligationId) {
    ObligationRef obligation = queries.obligation(obligationId).orElseThrow(() ->
        new MonitorNotFoundException("Không có nhiệm vụ " + obligationId + "."));
    requirePlan(viewer, obligation.planId());
    return log.ofObligation(obligationId);
  }

  /** The open task, the obligation it serves, and the candidate groups (the agency's, its head group) to replace. */
  private AgencyTask agencyTask(Viewer viewer, String taskId) {
    Task task = asEngine(() -> tasks.createTaskQuery().taskId(taskId).singleResult());
    if (task == null) {
      throw new MonitorNotFoundException("Không có công việc " + taskId + " (đã hoàn thành hoặc không tồn tại).");
    }
    List<String> groups = asEngine(() -> tasks.getIdentityLinksForTask(taskId).stream()
        .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
        .map(IdentityLink::getGroupId).toList());
    for (ObligationRef obligation : queries.obligationsOfInstance(task.getProcessInstanceId())) {
      List<String> own = groups.stream().filter(g -> g.equals(obligation.agency())
          || g.equals(AgencyGroups.headGroupOf(obligation.agency()))).toList();
      if (!own.isEmpty()) {
        requirePlan(viewer, obligation.planId());
        return new AgencyTask(task, obligation, own);
      }
    }
    throw new MonitorNotFoundException("Công việc " + taskId + " không phải việc của cơ quan được giao trong kế hoạch.");
  }

  private void requirePlan(Viewer viewer, long planId) {
    MonitorQueries.PlanHead plan = queries.plan(planId).orElseThrow(() ->
        new MonitorNotFoundException("Không tìm thấy kế hoạch có mã " + planId + "."));
    access.requirePlan(viewer, plan.standingAgency(), plan.issuingAgency());
  }

  /** A comment under the current user's id, the engine's check off for this one write (see the class comment). */
  private void comment(Task task, String message) {
    engine.getCommandExecutorTxRequired().execute(context -> {
      context.disableAuthorizationCheck();
      try {
        return new AddCommentCmd(task.getId(), task.getProcessInstanceId(), message).execute(context);
      } finally {
        context.enableAuthorizationCheck();
      }
    });
  }

  /** Runs engine calls with no user authenticated (no authorization checks), restoring the caller afterwards. */
  private <T> T asEngine(Supplier<T> work) {
    return AsEngine.call(identity, work);
  }

  private String name(String agency) {
    return directory.find(agency).map(Agency::getName).orElse(agency);
  }

  private Instant now() {
    return deadlines.now().toInstant();
  }
}
