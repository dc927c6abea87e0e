package vn.pcmt.notification;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import vn.pcmt.calendar.Deadlines;
import vn.pcmt.calendar.WorkingCalendar;
import vn.pcmt.engine.DiagramHook;

/**
 * When reminders and escalations fire: the timer expressions of the timeout listeners in the diagrams, as
 * {@code ${reminders.before(subPlanDueDate, 5)}}. The schedule itself (which listeners, how many working days) is in
 * the diagrams for process owners to see and change; this bean only does the working-day arithmetic on the Vietnamese
 * calendar. Messages go out at the start of the working day ({@code pcmt.mail.reminder-time}, 08:00).
 *
 * <p>Timers are created when the task's step starts, before the task exists, so each expression is given the same
 * due date as the task ({@code camunda:dueDate}); {@code ModelContractTest} checks that the two agree.
 */
@Component("reminders")
public class ReminderSchedule {

  private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

  private final Deadlines deadlines;
  private final LocalTime at;

  ReminderSchedule(Deadlines deadlines, @Value("${pcmt.mail.reminder-time:08:00}") LocalTime at) {
    this.deadlines = deadlines;
    this.at = at;
  }

  /** The start of the working day {@code workingDays} working days before the due day. */
  @DiagramHook
  public Date before(Date due, int workingDays) {
    return startOfWork(calendar().subtractWorkingDays(deadlines.dateOf(due), workingDays));
  }

  /** The start of the working day {@code workingDays} working days after the due day. */
  @DiagramHook
  public Date after(Date due, int workingDays) {
    return startOfWork(calendar().addWorkingDays(deadlines.dateOf(due), workingDays));
  }

  /**
   * A timer cycle firing at the start of the working days {@code first}, {@code first + every},
   * {@code first + 2 × every}, ... working days after the due day, for as long as the task is open. ISO 8601 cycles
   * know only calendar periods, so the expression names the next of those days as the start of a cycle; the engine
   * re-evaluates it each time it fires ({@code reevaluateTimeCycleWhenDue}), which moves it to the next working day of
   * the series, across holidays.
   */
  @DiagramHook
  public String everyAfter(Date due, int first, int every) {
    LocalDate dueDay = deadlines.dateOf(due);
    LocalDate next = calendar().addWorkingDays(dueDay, first);
    Date now = deadlines.now();
    while (!startOfWork(next).after(now)) {
      next = calendar().addWorkingDays(next, every);
    }
    LocalDate following = calendar().addWorkingDays(next, every);
    long days = java.time.temporal.ChronoUnit.DAYS.between(next, following);
    return "R/" + ISO.format(zoned(next)) + "/P" + days + "D";
  }

  private Date startOfWork(LocalDate day) {
    return Date.from(zoned(day).toInstant());
  }

  private OffsetDateTime zoned(LocalDate day) {
    ZonedDateTime moment = day.atTime(at).atZone(deadlines.zone());
    return moment.toOffsetDateTime();
  }

  private WorkingCalendar calendar() {
    return deadlines.calendar();
  }
}
