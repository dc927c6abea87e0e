package vn.pcmt.calendar;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import vn.pcmt.engine.DiagramHook;

/**
 * Due dates for the diagrams ({@code ${deadlines.workingDaysFromNow(5)}}) and for the code. A deadline is the end of
 * its day in Vietnam's time zone. "Now" is the engine's clock, so tests move time with the engine.
 *
 * <p>Two units, as Vietnamese texts use them: "ngày làm việc" (working days: {@link #workingDaysFromNow},
 * {@link #workingDaysAfter}) skip weekends, public holidays and announced days off ({@link WorkingCalendar});
 * "ngày" (calendar days: {@link #daysFromNow}, {@link #daysAfter}) count every day. In both the first day is not
 * counted (Bộ luật Dân sự 2015 Art. 147).
 *
 * <p>A date a plan fixes ("trước ngày 15/02/2023") becomes a due moment through {@link #dueAt(LocalDate)}: if it
 * falls on a day off and {@code pcmt.calendar.roll-deadlines-to-working-day} is on, it moves to the next working
 * day, as Art. 148 does for periods; a deployment whose province reads fixed dates literally turns it off.
 */
@Component("deadlines")
public class Deadlines {

  /** How every date is written for officials: 15/02/2023. */
  public static final java.time.format.DateTimeFormatter VN_DATE = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final ZoneId zone;
  private final WorkingCalendar calendar;
  private final boolean rollToWorkingDay;

  public Deadlines(@Value("${pcmt.zone:Asia/Ho_Chi_Minh}") ZoneId zone, WorkingCalendar calendar,
      @Value("${pcmt.calendar.roll-deadlines-to-working-day:true}") boolean rollToWorkingDay) {
    this.zone = zone;
    this.calendar = calendar;
    this.rollToWorkingDay = rollToWorkingDay;
  }

  public ZoneId zone() {
    return zone;
  }

  public WorkingCalendar calendar() {
    return calendar;
  }

  /** Whether a due date on a day off moves to the next working day in this deployment. */
  public boolean rollsToWorkingDay() {
    return rollToWorkingDay;
  }

  public LocalDate today() {
    return ClockUtil.getCurrentTime().toInstant().atZone(zone).toLocalDate();
  }

  public Date now() {
    return ClockUtil.getCurrentTime();
  }

  /** The end of the working day {@code days} working days from today ("trong 05 ngày làm việc"). */
  @DiagramHook
  public Date workingDaysFromNow(int days) {
    return endOf(addWorkingDays(today(), days));
  }

  /**
   * The first moment after the working day {@code days} working days from today: "due before" this takes every task
   * due up to the end of that day (Tasklist's "Sắp đến hạn" filter).
   */
  @DiagramHook
  public Date untilWorkingDaysFromNow(int days) {
    return startOf(addWorkingDays(today(), days).plusDays(1));
  }

  /** The end of the working day {@code days} working days after the date (the date itself not counted). */
  public Date workingDaysAfter(LocalDate date, int days) {
    return endOf(addWorkingDays(date, days));
  }

  public LocalDate addWorkingDays(LocalDate date, int days) {
    return calendar.addWorkingDays(date, days);
  }

  public boolean isWorkingDay(LocalDate date) {
    return calendar.isWorkingDay(date);
  }

  /** The date itself if it is a working day, else the first working day after it, whatever the setting. */
  public LocalDate nextWorkingDay(LocalDate date) {
    return calendar.nextWorkingDay(date);
  }

  /**
   * The end of the day {@code days} calendar days from today ("trong 10 ngày"), moved to the next working day if
   * that day is off and the deployment rolls deadlines.
   */
  @DiagramHook
  public Date daysFromNow(int days) {
    return daysAfter(today(), days);
  }

  /** As {@link #daysFromNow}, counted from the date (the date itself not counted). */
  public Date daysAfter(LocalDate date, int days) {
    return dueAt(date.plusDays(days));
  }

  /**
   * The day a deadline whose last day is {@code lastDay} really ends: the next working day if it is a day off and
   * the deployment rolls deadlines, else the day itself.
   */
  public LocalDate dueDate(LocalDate lastDay) {
    return rollToWorkingDay ? calendar.nextWorkingDay(lastDay) : lastDay;
  }

  /** The due moment of a plan's date: the end of {@link #dueDate(LocalDate)}. */
  public Date dueAt(LocalDate lastDay) {
    return endOf(dueDate(lastDay));
  }

  /** The due moment of a worded deadline: "trước ngày 15/02/2023" ends with 14/02, rolled if configured. */
  public Date dueAt(Deadline deadline) {
    return dueAt(deadline.lastDay());
  }

  /**
   * The due moment of a plan's deadline stored as written: its date, and the phrase that says whether that day is
   * still in time ("trước ngày 15/02/2023" ends with 14/02; "đến ngày 14/12" and a bare date include the day). A
   * phrase that names no date, or another date, leaves the date inclusive; registration refuses such a mismatch
   * ({@link #phraseProblem}).
   */
  public Date dueAt(LocalDate dateAsWritten, String phrase) {
    return dueAt(lastDay(dateAsWritten, phrase));
  }

  /** The last day in time of a deadline stored as written (see {@link #dueAt(LocalDate, String)}), before rolling. */
  public LocalDate lastDay(LocalDate dateAsWritten, String phrase) {
    if (phrase == null || phrase.isBlank()) {
      return dateAsWritten;
    }
    try {
      DeadlineRule rule = DeadlineRules.parse(phrase, dateAsWritten);
      return rule instanceof DeadlineRule.OnDate d && !d.inclusive() ? dateAsWritten.minusDays(1) : dateAsWritten;
    } catch (DeadlinePhraseException e) {
      return dateAsWritten;
    }
  }

  /**
   * Why a worded deadline disagrees with its date, in Vietnamese for the official, or null when they agree, or the
   * phrase names no date to compare ("hằng quý", "theo quy định"), or cannot be read (then the date wins). A date
   * outside the calendar is not the phrase's problem: {@link DeadlineRules#dateProblem} reports it.
   */
  public static String phraseProblem(LocalDate dateAsWritten, String phrase) {
    if (phrase == null || phrase.isBlank() || dateAsWritten == null
        || DeadlineRules.dateProblem(dateAsWritten) != null) {
      return null;
    }
    try {
      DeadlineRules.parse(phrase, dateAsWritten);
      return null;
    } catch (DeadlinePhraseException e) {
      return e.getMessage();
    }
  }

  /** The last moment of the day in Vietnam: a deadline "15/02/2023" is met until 23:59:59 that day. */
  public Date endOf(LocalDate date) {
    return Date.from(LocalDateTime.of(date, LocalTime.MAX.withNano(0)).atZone(zone).toInstant());
  }

  /** The first moment of the day in Vietnam. */
  public Date startOf(LocalDate date) {
    return Date.from(date.atStartOfDay(zone).toInstant());
  }

  public LocalDate dateOf(Date moment) {
    return moment.toInstant().atZone(zone).toLocalDate();
  }
}
