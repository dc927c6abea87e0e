package vn.pcmt.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeadlinesTest {

  static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

  final Deadlines rolling = new Deadlines(VN, WorkingCalendarTest.SHIPPED, true);
  final Deadlines literal = new Deadlines(VN, WorkingCalendarTest.SHIPPED, false);

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  static Date endOfDay(int year, int month, int day) {
    return Date.from(LocalDateTime.of(year, month, day, 23, 59, 59).atZone(VN).toInstant());
  }

  @Test
  void aDueDateOnSaturdayRollsToMonday() {
    assertThat(rolling.dueAt(LocalDate.of(2023, 3, 18))).isEqualTo(endOfDay(2023, 3, 20));
    assertThat(rolling.dueDate(LocalDate.of(2023, 3, 19))).isEqualTo(LocalDate.of(2023, 3, 20));
  }

  @Test
  void withoutTheSettingTheDateStaysAsWritten() {
    assertThat(literal.dueAt(LocalDate.of(2023, 3, 18))).isEqualTo(endOfDay(2023, 3, 18));
    assertThat(literal.dueAt(LocalDate.of(2024, 2, 12))).isEqualTo(endOfDay(2024, 2, 12));
  }

  @Test
  void aDueDateInAHolidayRollsPastTheWholeBreak() {
    // Tết 2024: 08–14/02
    assertThat(rolling.dueAt(LocalDate.of(2024, 2, 10))).isEqualTo(endOfDay(2024, 2, 15));
    // 30/4/2025: off until Sunday 4/5 (2/5 swapped)
    assertThat(rolling.dueAt(LocalDate.of(2025, 4, 30))).isEqualTo(endOfDay(2025, 5, 5));
    // a Saturday worked in a swap is a working day: nothing to roll
    assertThat(rolling.dueAt(LocalDate.of(2025, 2, 8))).isEqualTo(endOfDay(2025, 2, 8));
    // a working day is its own due date
    assertThat(rolling.dueAt(LocalDate.of(2024, 2, 7))).isEqualTo(endOfDay(2024, 2, 7));
  }

  @Test
  void workingDaysSkipTet() {
    // 07/02/2024 is the last working day before Tết; 15, 16, 19, 20, 21/02 are the five after it
    assertThat(rolling.addWorkingDays(LocalDate.of(2024, 2, 7), 5)).isEqualTo(LocalDate.of(2024, 2, 21));
    assertThat(rolling.workingDaysAfter(LocalDate.of(2024, 2, 7), 5)).isEqualTo(endOfDay(2024, 2, 21));
    // an ordinary week: five working days after Friday 10/03/2023 is the next Friday
    assertThat(rolling.addWorkingDays(LocalDate.of(2023, 3, 10), 5)).isEqualTo(LocalDate.of(2023, 3, 17));
  }

  @Test
  void workingDaysCountTheSaturdayOfASwap() {
    // Friday 24/01/2025, then Tết; 03/02 is the first working day, Saturday 08/02 the sixth
    assertThat(rolling.addWorkingDays(LocalDate.of(2025, 1, 24), 1)).isEqualTo(LocalDate.of(2025, 2, 3));
    assertThat(rolling.addWorkingDays(LocalDate.of(2025, 1, 24), 6)).isEqualTo(LocalDate.of(2025, 2, 8));
  }

  @Test
  void calendarDaysCountEveryDayAndOnlyTheLastOneRolls() {
    // "trong 10 ngày" from 01/02/2024: 11/02, in Tết, so 15/02 when rolling
    assertThat(rolling.daysAfter(LocalDate.of(2024, 2, 1), 10)).isEqualTo(endOfDay(2024, 2, 15));
    assertThat(literal.daysAfter(LocalDate.of(2024, 2, 1), 10)).isEqualTo(endOfDay(2024, 2, 11));
    // "trong 10 ngày làm việc" from the same day
    assertThat(rolling.workingDaysAfter(LocalDate.of(2024, 2, 1), 10)).isEqualTo(endOfDay(2024, 2, 22));
  }

  @Test
  void fromNowUsesTheEngineClock() {
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(2024, 2, 7, 10, 0).atZone(VN).toInstant()));
    assertThat(rolling.today()).isEqualTo(LocalDate.of(2024, 2, 7));
    assertThat(rolling.workingDaysFromNow(5)).isEqualTo(endOfDay(2024, 2, 21));
    assertThat(rolling.daysFromNow(3)).isEqualTo(endOfDay(2024, 2, 15));
    assertThat(literal.daysFromNow(3)).isEqualTo(endOfDay(2024, 2, 10));
  }

  @Test
  void aWordedDeadlineIsDueAtTheEndOfItsLastDay() {
    // "trước ngày 15/02/2023": Tuesday 14/02 is the last day
    assertThat(rolling.dueAt(Deadline.parse("trước ngày 15/02/2023"))).isEqualTo(endOfDay(2023, 2, 14));
    // "đến ngày 14/12/2024" is a Saturday: Monday 16/12 when rolling
    assertThat(rolling.dueAt(Deadline.parse("đến ngày 14/12/2024"))).isEqualTo(endOfDay(2024, 12, 16));
    assertThat(literal.dueAt(Deadline.parse("đến ngày 14/12/2024"))).isEqualTo(endOfDay(2024, 12, 14));
    // "trước ngày 15/3" in 2026: Saturday 14/3 is the last day; rolled, the period ends on Monday 16/3 (Art. 148)
    assertThat(rolling.dueAt(Deadline.parse("trước ngày 15/3", 2026))).isEqualTo(endOfDay(2026, 3, 16));
    assertThat(literal.dueAt(Deadline.parse("trước ngày 15/3", 2026))).isEqualTo(endOfDay(2026, 3, 14));
  }
}
