package vn.pcmt.reorganisation;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.pcmt.agency.Agency;
import vn.pcmt.agency.AgencyDirectory;
import vn.pcmt.agency.AgencyGroups;
import vn.pcmt.calendar.Deadlines;
import vn.pcmt.engine.AsEngine;
import vn.pcmt.notification.TaskReminders;
import vn.pcmt.obligation.Obligation;
import vn.pcmt.obligation.ObligationService;

/**
 * When an agency ends while plans run (a merger, a dissolution, the end of the district level on 30/06/2025), its
 * open tasks go to its successor on the day after, by the directory's successor links ({@code predecessors}): the
 * task, its obligation and its routing move, the task's history says why, the successor is mailed as for a new task,
 * and the move is recorded for the monitor. Where the directory records no successor, several, or a successor that
 * already owes the same step, nothing moves: the plan's secretariat is told and decides from the monitor (re-route).
 * Future obligations are handled where they are created: an ended agency's successors get them
 * ({@code PlanRegistrationService}).
 */
@Service
public class AgencySuccession {

  private static final Logger LOG = LoggerFactory.getLogger(AgencySuccession.class);
  public static final String SYSTEM = "hệ thống";

  /** What happened to one open task of an ended agency. */
  public enum Outcome { MOVED, NO_SUCCESSOR, SEVERAL_SUCCESSORS, SUCCESSOR_OWES }

  /** A task moved (or not) because its agency ended; published for the monitor's history. */
  public record Decided(String taskId, long planId, Long obligationId, String fromAgency, String toAgency,
      Outcome outcome, String detail) {
  }

  private final AgencyDirectory directory;
  private final TaskService tasks;
  private final IdentityService identity;
  private final TaskTransfer transfer;
  private final ObligationService obligations;
  private final TaskReminders reminders;
  private final Deadlines deadlines;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final ApplicationEventPublisher events;

  AgencySuccession(AgencyDirectory directory, TaskService tasks, IdentityService identity, TaskTransfer transfer,
      ObligationService obligations, TaskReminders reminders, Deadlines deadlines, JdbcTemplate jdbc,
      PlatformTransactionManager transactionManager, ApplicationEventPublisher events) {
    this.directory = directory;
    this.tasks = tasks;
    this.identity = identity;
    this.transfer = transfer;
    this.obligations = obligations;
    this.reminders = reminders;
    this.deadlines = deadlines;
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactionManager);
    this.events = events;
  }

  /** Handles every open task of every agency that no longer exists today; each task in its own transaction. */
  public List<Decided> apply() {
    LocalDate today = deadlines.today();
    List<Decided> decided = new ArrayList<>();
    for (Agency ended : directory.all()) {
      if (ended.getValidTo() == null || !ended.getValidTo().isBefore(today)) {
        continue;
      }
      String code = ended.getCode();
      List<Task> open = asEngine(() -> tasks.createTaskQuery()
          .taskCandidateGroupIn(List.of(code, AgencyGroups.headGroupOf(code))).active().list());
      for (Task task : open) {
        try {
          Decided result = transaction.execute(status -> decide(task, ended, today));
          if (result != null) {
            decided.add(result);
            events.publishEvent(result);
          }
        } catch (DuplicateKeyException alreadyHandled) {
          LOG.debug("Task {} of {} is handled by another node", task.getId(), code);
        }
      }
    }
    return decided;
  }

  private Decided decide(Task task, Agency ended, LocalDate today) {
    String from = ended.getCode();
    Optional<Obligation> obligation = obligations.ofInstance(task.getProcessInstanceId(), from);
    if (obligation.isEmpty() || handled(task.getId(), from)) {
      return null;
    }
    Obligation owed = obligation.get();
    List<String> successors = directory.successorsOn(from, today);
    Outcome outcome;
    String to = null;
    if (successors.isEmpty()) {
      outcome = Outcome.NO_SUCCESSOR;
    } else if (successors.size() > 1) {
      outcome = Outcome.SEVERAL_SUCCESSORS;
    } else if (obligations.owes(owed.getPlanId(), successors.get(0), owed.getKind(), owed.getPeriodId())) {
      outcome = Outcome.SUCCESSOR_OWES;
      to = successors.get(0);
    } else {
      outcome = Outcome.MOVED;
      to = successors.get(0);
    }
    String detail = detail(ended, to, successors, outcome, today);
    // the row first: a second node handling the same task fails here, before touching the task
    jdbc.update("insert into agency_succession (task_id, from_agency, to_agency, outcome, plan_id, obligation_id,"
        + " detail, decided_at) values (?, ?, ?, ?, ?, ?, ?, ?)", task.getId(), from,
        outcome == Outcome.MOVED ? to : null, outcome.name(), owed.getPlanId(), owed.getId(), detail,
        Timestamp.from(deadlines.now().toInstant()));
    if (outcome == Outcome.MOVED) {
      Agency successor = directory.find(to).orElseThrow();
      asEngine(() -> {
        transfer.move(task, from, successor);
        return null;
      });
      obligations.reassign(owed.getId(), to);
      reminders.assignedNow(task.getId(), "succession:" + from, SYSTEM);
    } else {
      reminders.tellSecretariatNow(task.getId(), "succession:" + from, SYSTEM);
    }
    LOG.info("Task {} of ended agency {}: {} ({})", task.getId(), from, outcome, detail);
    return new Decided(task.getId(), owed.getPlanId(), owed.getId(), from, outcome == Outcome.MOVED ? to : null,
        outcome, detail);
  }

  private boolean handled(String taskId, String from) {
    Integer rows = jdbc.queryForObject("select count(*) from agency_succession where task_id = ? and from_agency = ?",
        Integer.class, taskId, from);
    return rows != null && rows > 0;
  }

  private String detail(Agency ended, String to, List<String> successors, Outcome outcome, LocalDate today) {
    String since = " (không còn hoạt động từ ngày " + Deadlines.VN_DATE.format(ended.getValidTo().plusDays(1)) + ")";
    return switch (outcome) {
      case MOVED -> ended.getName() + since + " → " + name(to) + ", cơ quan kế thừa theo danh bạ";
      case NO_SUCCESSOR -> ended.getName() + since + ": danh bạ không ghi cơ quan kế thừa; Thường trực cần chuyển việc"
          + " cho cơ quan khác";
      case SEVERAL_SUCCESSORS -> ended.getName() + since + ": có " + successors.size() + " cơ quan kế thừa ("
          + String.join(", ", successors.stream().map(this::name).toList()) + "); Thường trực chọn cơ quan nhận việc";
      case SUCCESSOR_OWES -> ended.getName() + since + ": " + name(to) + " đã có nhiệm vụ này trong kế hoạch;"
          + " Thường trực quyết định";
    };
  }

  private String name(String code) {
    return directory.find(code).map(Agency::getName).orElse(code);
  }

  /** Engine calls with no user authenticated: the job acts for the application, not for an official. */
  private <T> T asEngine(java.util.function.Supplier<T> work) {
    return AsEngine.call(identity, work);
  }
}
