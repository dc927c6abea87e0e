package vn.pcmt.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The days-off file (src/main/resources/calendar/*.yaml) as an operator writes it: what the government announced
 * for a year, on top of the statutory rule the code computes. Its header explains every field.
 */
record CalendarFile(Map<Integer, Year> years, List<ExtraHoliday> extraHolidays) {

  Map<Integer, Year> yearsOrEmpty() {
    return years == null ? Map.of() : years;
  }

  List<ExtraHoliday> extraHolidaysOrEmpty() {
    return extraHolidays == null ? List.of() : extraHolidays;
  }

  /**
   * One year's announcement.
   *
   * @param tet the whole Tết Âm lịch break, weekends included; replaces the statutory five days and their
   *     substitutes
   * @param nationalDayAdjacent the day next to Quốc khánh 2/9 that is off: 1/9 or 3/9 of the year
   * @param daysOff weekdays off beyond the holidays (the weekday given in a swap)
   * @param workingDays days worked although they are weekend days (the Saturday of a swap), or a computed
   *     substitute day the announcement does not give
   * @param source where the operator took this from, for the next reader
   */
  record Year(Range tet, LocalDate nationalDayAdjacent, List<Day> daysOff, List<Day> workingDays, String source) {

    List<Day> daysOffOrEmpty() {
      return daysOff == null ? List.of() : daysOff;
    }

    List<Day> workingDaysOrEmpty() {
      return workingDays == null ? List.of() : workingDays;
    }
  }

  record Range(LocalDate from, LocalDate to) {
  }

  record Day(LocalDate date, String name) {
  }

  /** A holiday added by a later law or resolution, every year from {@code from} on (day and month, solar). */
  record ExtraHoliday(Integer day, Integer month, Integer from, String name) {
  }
}
