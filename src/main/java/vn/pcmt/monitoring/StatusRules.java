package vn.pcmt.monitoring;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import vn.pcmt.calendar.WorkingCalendar;

/**
 * The monitor's status rules in one place, free of the database and the engine so that they are tested alone
 * ({@code StatusRulesTest}) and against the engine ({@code MonitorStatusEngineTest}).
 *
 * <ul>
 *   <li>no obligation yet: NOT_STARTED;</li>
 *   <li>a failed job (incident) in the agency's process: INCIDENT, before anything else, because only an operator can
 *       move it on (days late are still given when it is also overdue);</li>
 *   <li>delivered: DONE_ON_TIME when delivered at or before the due moment, else DONE_LATE;</li>
 *   <li>not delivered and now after the due moment: OVERDUE, late by the working days after the due day up to today
 *       (Friday's deadline is 1 day late on Monday, not 3);</li>
 *   <li>not delivered, not due, and the agency's last activity at least N working days ago: STALLED. Activity is the
 *       latest of the creation and the last update (claim, assignment, change of due date...) of the agency's open
 *       tasks for the step: a draft sent to the head creates the head's task, so each step forward counts;</li>
 *   <li>otherwise IN_PROGRESS.</li>
 * </ul>
 */
public final class StatusRules {

  private final WorkingCalendar calendar;
  private final ZoneId zone;
  private final int stalledAfterWorkingDays;

  public StatusRules(WorkingCalendar calendar, ZoneId zone, int stalledAfterWorkingDays) {
    if (stalledAfterWorkingDays < 1) {
      throw new IllegalArgumentException("pcmt.monitoring.stalled-after-working-days must be at least 1");
    }
    this.calendar = calendar;
    this.zone = zone;
    this.stalledAfterWorkingDays = stalledAfterWorkingDays;
  }

  public int stalledAfterWorkingDays() {
    return stalledAfterWorkingDays;
  }

  /** What is known of one agency's step. {@code dueAt} null means there is no obligation yet. */
  public record Facts(Instant dueAt, Instant deliveredAt, Instant lastActivity, int incidents) {

    public static Facts notStarted() {
      return new Facts(null, null, null, 0);
    }
  }

  /**
   * The state, how many working days late (delivered late, or overdue so far; 0 otherwise) and how many working days
   * since the agency's last activity (0 when unknown or delivered).
   */
  public record Status(CellState state, int daysLate, int idleDays) {
  }

  public Status of(Facts facts, Instant now) {
    if (facts.dueAt() == null) {
      return new Status(CellState.NOT_STARTED, 0, 0);
    }
    LocalDate today = dateOf(now);
    if (facts.deliveredAt() != null) {
      boolean onTime = !facts.deliveredAt().isAfter(facts.dueAt());
      int late = onTime ? 0 : calendar.workingDaysBetween(dateOf(facts.dueAt()), dateOf(facts.deliveredAt()));
      CellState state = onTime ? CellState.DONE_ON_TIME : CellState.DONE_LATE;
      return new Status(facts.incidents() > 0 ? CellState.INCIDENT : state, late, 0);
    }
    boolean overdue = now.isAfter(facts.dueAt());
    int late = overdue ? calendar.workingDaysBetween(dateOf(facts.dueAt()), today) : 0;
    int idle = facts.lastActivity() == null ? 0 : calendar.workingDaysBetween(dateOf(facts.lastActivity()), today);
    if (facts.incidents() > 0) {
      return new Status(CellState.INCIDENT, late, idle);
    }
    if (overdue) {
      return new Status(CellState.OVERDUE, late, idle);
    }
    if (idle >= stalledAfterWorkingDays) {
      return new Status(CellState.STALLED, 0, idle);
    }
    return new Status(CellState.IN_PROGRESS, 0, idle);
  }

  /**
   * The moment before which a last activity makes an open step STALLED today: the start of the day after the latest
   * date that lies N working days or more before today. The plan list counts stalled steps in SQL with it.
   */
  public Instant stalledBefore(Instant now) {
    LocalDate today = dateOf(now);
    LocalDate day = today;
    while (calendar.workingDaysBetween(day, today) < stalledAfterWorkingDays) {
      day = day.minusDays(1);
    }
    return day.plusDays(1).atStartOfDay(zone).toInstant();
  }

  private LocalDate dateOf(Instant instant) {
    return instant.atZone(zone).toLocalDate();
  }
}
