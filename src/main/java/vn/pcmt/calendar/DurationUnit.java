package vn.pcmt.calendar;

import java.time.LocalDate;

/**
 * The units a period is counted in ("15 ngày", "05 ngày làm việc", "02 tuần", "06 tháng", "01 năm"). Bộ luật Dân sự
 * 2015 Art. 147: the day the period starts from is not counted. Art. 148: a period in months ends on the same day of
 * the last month, or on that month's last day when it has no such day ({@link LocalDate#plusMonths} does exactly this).
 */
public enum DurationUnit {
  DAYS("ngày"),
  WORKING_DAYS("ngày làm việc"),
  WEEKS("tuần"),
  MONTHS("tháng"),
  YEARS("năm");

  private final String label;

  DurationUnit(String label) {
    this.label = label;
  }

  /** Vietnamese: "ngày làm việc". */
  public String label() {
    return label;
  }

  /** The last day of a period of {@code amount} units counted from {@code from}, the day itself not counted. */
  public LocalDate after(LocalDate from, int amount, WorkingCalendar calendar) {
    return switch (this) {
      case DAYS -> from.plusDays(amount);
      case WORKING_DAYS -> calendar.addWorkingDays(from, amount);
      case WEEKS -> from.plusWeeks(amount);
      case MONTHS -> from.plusMonths(amount);
      case YEARS -> from.plusYears(amount);
    };
  }
}
