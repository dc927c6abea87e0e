package vn.pcmt.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Due dates for the diagrams ({@code ${deadlines.workingDaysFromNow(5)}}) and for the code. A deadline is the end of
 * its day in Vietnam's time zone. "Now" is the engine's clock, so tests move time with the engine.
 *
 * <p>Working days here are Monday to Friday; public holidays come with the calendar of a later issue.
 */
@Component("deadlines")
public class Deadlines {

  private final ZoneId zone;

  public Deadlines(@Value("${pcmt.zone:Asia/Ho_Chi_Minh}") ZoneId zone) {
    this.zone = zone;
  }

  public ZoneId zone() {
    return zone;
  }

  public LocalDate today() {
    return ClockUtil.getCurrentTime().toInstant().atZone(zone).toLocalDate();
  }

  public Date now() {
    return ClockUtil.getCurrentTime();
  }

  /** The end of the working day {@code days} working days from today. */
  public Date workingDaysFromNow(int days) {
    return endOf(addWorkingDays(today(), days));
  }

  /** The end of the working day {@code days} working days after the date (the date itself not counted). */
  public Date workingDaysAfter(LocalDate date, int days) {
    return endOf(addWorkingDays(date, days));
  }

  public LocalDate addWorkingDays(LocalDate date, int days) {
    LocalDate result = date;
    int added = 0;
    while (added < days) {
      result = result.plusDays(1);
      if (isWorkingDay(result)) {
        added++;
      }
    }
    return result;
  }

  public boolean isWorkingDay(LocalDate date) {
    return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
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
