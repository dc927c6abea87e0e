package vn.pcmt.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import vn.pcmt.calendar.WorkingCalendar;
import vn.pcmt.monitoring.StatusRules.Facts;
import vn.pcmt.monitoring.StatusRules.Status;

/** The status rules alone, on the real Vietnamese calendar (Giỗ Tổ: Thursday 18/04/2024). */
class StatusRulesTest {

  static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
  static final StatusRules RULES = new StatusRules(calendar(), VN, 5);
  /** Due Friday 12/04/2024 at the end of the day. */
  static final Instant DUE = at(2024, 4, 12, 23, 59);

  static Instant at(int y, int m, int d, int h, int min) {
    return LocalDateTime.of(y, m, d, h, min).atZone(VN).toInstant();
  }

  static WorkingCalendar calendar() {
    try (InputStream in = StatusRulesTest.class.getResourceAsStream("/calendar/vietnam-days-off.yaml")) {
      return WorkingCalendar.read(in, "calendar");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  Status status(Instant delivered, Instant lastActivity, int incidents, Instant now) {
    return RULES.of(new Facts(DUE, delivered, lastActivity, incidents), now);
  }

  @Test
  void noObligationIsNotStarted() {
    assertThat(RULES.of(Facts.notStarted(), DUE).state()).isEqualTo(CellState.NOT_STARTED);
  }

  @Test
  void deliveredByTheDueMomentIsOnTimeAfterItLateByWorkingDays() {
    assertThat(status(DUE, null, 0, at(2024, 5, 1, 9, 0))).isEqualTo(new Status(CellState.DONE_ON_TIME, 0, 0));
    // delivered Monday 15/04: one working day late, not three
    assertThat(status(at(2024, 4, 15, 10, 0), null, 0, at(2024, 5, 1, 9, 0)))
        .isEqualTo(new Status(CellState.DONE_LATE, 1, 0));
  }

  @Test
  void overdueCountsWorkingDaysAfterTheDueDaySkippingWeekendsAndHolidays() {
    assertThat(status(null, DUE, 0, at(2024, 4, 13, 10, 0))).isEqualTo(new Status(CellState.OVERDUE, 0, 0));
    assertThat(status(null, DUE, 0, at(2024, 4, 15, 10, 0)).daysLate()).isEqualTo(1);
    // Mon 15, Tue 16, Wed 17, (Thu 18 Giỗ Tổ), Fri 19
    assertThat(status(null, DUE, 0, at(2024, 4, 19, 10, 0)).daysLate()).isEqualTo(4);
    assertThat(status(null, DUE, 0, at(2024, 4, 19, 10, 0)).state()).isEqualTo(CellState.OVERDUE);
  }

  @Test
  void openNotDueIsStalledAfterNWorkingDaysWithoutActivity() {
    Instant created = at(2024, 4, 1, 9, 0);
    // 5 working days after Monday 01/04 is Monday 08/04
    assertThat(status(null, created, 0, at(2024, 4, 5, 16, 0))).isEqualTo(new Status(CellState.IN_PROGRESS, 0, 4));
    assertThat(status(null, created, 0, at(2024, 4, 8, 8, 0))).isEqualTo(new Status(CellState.STALLED, 0, 5));
    // an activity on 05/04 starts the count again
    assertThat(status(null, at(2024, 4, 5, 15, 0), 0, at(2024, 4, 8, 8, 0)).state())
        .isEqualTo(CellState.IN_PROGRESS);
  }

  @Test
  void stalledBeforeIsTheBoundaryTheSqlUses() {
    Instant now = at(2024, 4, 8, 8, 0);
    Instant boundary = RULES.stalledBefore(now);
    assertThat(boundary).isEqualTo(LocalDate.of(2024, 4, 2).atStartOfDay(VN).toInstant());
    assertThat(status(null, boundary.minusSeconds(1), 0, now).state()).isEqualTo(CellState.STALLED);
    assertThat(status(null, boundary, 0, now).state()).isEqualTo(CellState.IN_PROGRESS);
  }

  @Test
  void anIncidentComesFirstAndKeepsTheDaysLate() {
    assertThat(status(null, DUE, 1, at(2024, 4, 3, 9, 0)).state()).isEqualTo(CellState.INCIDENT);
    assertThat(status(null, DUE, 2, at(2024, 4, 16, 9, 0))).isEqualTo(new Status(CellState.INCIDENT, 2, 2));
  }

  @Test
  void medianOfCountedValues() {
    assertThat(MonitorService.median(java.util.List.of())).isNull();
    assertThat(MonitorService.median(java.util.List.of(new long[] {0, 3}, new long[] {4, 1}))).isEqualTo(0.0);
    assertThat(MonitorService.median(java.util.List.of(new long[] {2, 1}, new long[] {0, 1}))).isEqualTo(1.0);
  }

  @Test
  void agencyFilterIgnoresCaseAndDiacritics() {
    assertThat(MonitorService.plain("Sở Y tế tỉnh Sơn La")).contains(MonitorService.plain("so y te"));
    assertThat(MonitorService.plain("Đồn Biên phòng")).startsWith("don bien");
  }
}
