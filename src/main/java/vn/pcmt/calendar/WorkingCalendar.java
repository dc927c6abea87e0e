package vn.pcmt.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Which days Vietnamese state agencies work: Monday to Friday, less the public holidays of Bộ luật Lao động 2019
 * Art. 112, less a substitute day for each holiday that fell on a weekend (Art. 111(3)), adjusted by what the
 * government announced for the year (the Tết break, the day next to 2/9, swaps), read from the days-off file.
 *
 * <p>A year the file does not mention follows the statutory rule alone: Tết is the last day of the lunar year and
 * the first four of the new one; the day next to 2/9 is 1/9. So any year a plan spans gets a sensible calendar,
 * and the announced years get the real one.
 */
public final class WorkingCalendar {

  private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("dd/MM");

  private static final String NEW_YEAR = "Tết Dương lịch";
  private static final String TET = "Tết Âm lịch";
  private static final String HUNG_KINGS = "Giỗ Tổ Hùng Vương";
  private static final String VICTORY_DAY = "Ngày Chiến thắng";
  private static final String LABOUR_DAY = "Ngày Quốc tế lao động";
  private static final String NATIONAL_DAY = "Quốc khánh";
  private static final String ANNOUNCED_DAY_OFF = "Nghỉ theo thông báo của Chính phủ";

  /** Longer than any Tết break announced so far (9 days in 2025 and 2026): a longer range is a typing mistake. */
  private static final int LONGEST_TET_BREAK = 16;

  private final Map<Integer, CalendarFile.Year> years;
  private final List<CalendarFile.ExtraHoliday> extraHolidays;
  private final Map<Integer, YearDays> computed = new ConcurrentHashMap<>();

  WorkingCalendar(CalendarFile file) {
    validate(file);
    Map<Integer, CalendarFile.Year> nonEmpty = new TreeMap<>();
    file.yearsOrEmpty().forEach((year, days) -> {
      if (days != null) {
        nonEmpty.put(year, days);
      }
    });
    this.years = Map.copyOf(nonEmpty);
    this.extraHolidays = List.copyOf(file.extraHolidaysOrEmpty());
    // A Saturday worked that is a holiday shows only once the holidays are computed, hence here and not in validate.
    List<String> problems = new ArrayList<>();
    new TreeMap<>(years).forEach((year, announced) -> announced.workingDaysOrEmpty().forEach(day ->
        dayOff(day.date()).filter(off -> off.kind() == DayOff.Kind.HOLIDAY).ifPresent(off ->
            problems.add(year + ": workingDays " + day.date() + " is a public holiday (" + off.name() + ")"))));
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
  }

  /** The statutory rule with no announcement for any year. */
  public static WorkingCalendar statutory() {
    return new WorkingCalendar(new CalendarFile(Map.of(), List.of()));
  }

  /** Reads a days-off file; a mistake in it is an error naming the entry, so the application does not start. */
  public static WorkingCalendar read(InputStream in, String description) {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).registerModule(new JavaTimeModule())
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    try {
      return new WorkingCalendar(yaml.readValue(in, CalendarFile.class));
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read the days-off file " + description + ": " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("The days-off file " + description + " is invalid: " + e.getMessage(), e);
    }
  }

  /** The years the file gives an announcement for; the others follow the statutory rule alone. */
  public List<Integer> announcedYears() {
    return years.keySet().stream().sorted().toList();
  }

  public boolean isWorkingDay(LocalDate date) {
    YearDays days = year(date.getYear());
    if (days.workedWeekendDays.contains(date)) {
      return true;
    }
    return !isWeekend(date) && !days.daysOff.containsKey(date);
  }

  /** Why the date is off, if it is a holiday, a substitute or an announced day off (ordinary weekends: empty). */
  public Optional<DayOff> dayOff(LocalDate date) {
    return Optional.ofNullable(year(date.getYear()).daysOff.get(date));
  }

  /** Every holiday, substitute and announced day off of the year, in date order. */
  public List<DayOff> daysOff(int year) {
    return List.copyOf(year(year).daysOff.values());
  }

  /** Weekend days worked in the year (the Saturday of a swap). */
  public List<LocalDate> workedWeekendDays(int year) {
    return year(year).workedWeekendDays.stream().sorted().toList();
  }

  /** The date itself if it is a working day, else the first working day after it. */
  public LocalDate nextWorkingDay(LocalDate date) {
    LocalDate result = date;
    while (!isWorkingDay(result)) {
      result = result.plusDays(1);
    }
    return result;
  }

  /** {@code days} working days after the date, the date itself not counted (it may be a day off). */
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

  /** {@code days} working days before the date, the date itself not counted. */
  public LocalDate subtractWorkingDays(LocalDate date, int days) {
    LocalDate result = date;
    int taken = 0;
    while (taken < days) {
      result = result.minusDays(1);
      if (isWorkingDay(result)) {
        taken++;
      }
    }
    return result;
  }

  /**
   * The working days after {@code from} up to and including {@code to} (0 when {@code to} is not after
   * {@code from}): how late a task due on {@code from} is on {@code to}.
   */
  public int workingDaysBetween(LocalDate from, LocalDate to) {
    int days = 0;
    for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
      if (isWorkingDay(day)) {
        days++;
      }
    }
    return days;
  }

  private static boolean isWeekend(LocalDate date) {
    return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
  }

  private YearDays year(int year) {
    if (year < LunarCalendar.MIN_YEAR || year > LunarCalendar.MAX_YEAR) {
      throw new IllegalArgumentException("The working-day calendar covers " + LunarCalendar.MIN_YEAR + "–"
          + LunarCalendar.MAX_YEAR + ", not " + year);
    }
    return computed.computeIfAbsent(year, this::compute);
  }

  private record YearDays(Map<LocalDate, DayOff> daysOff, Set<LocalDate> workedWeekendDays) {
  }

  private YearDays compute(int year) {
    CalendarFile.Year announced = years.get(year);
    Map<LocalDate, DayOff> off = new TreeMap<>();

    // Holidays whose weekend days earn a substitute day off; an announced Tết break already includes its own.
    List<DayOff> holidays = new ArrayList<>();
    holidays.add(holiday(LocalDate.of(year, 1, 1), NEW_YEAR));
    LocalDate newYear = LunarCalendar.newYear(year);
    if (announced == null || announced.tet() == null) {
      for (LocalDate d = newYear.minusDays(1); !d.isAfter(newYear.plusDays(3)); d = d.plusDays(1)) {
        holidays.add(holiday(d, TET));
      }
    } else {
      for (LocalDate d = announced.tet().from(); !d.isAfter(announced.tet().to()); d = d.plusDays(1)) {
        off.put(d, holiday(d, TET));
      }
    }
    holidays.add(holiday(LunarCalendar.toSolar(10, 3, year, false), HUNG_KINGS));
    holidays.add(holiday(LocalDate.of(year, 4, 30), VICTORY_DAY));
    holidays.add(holiday(LocalDate.of(year, 5, 1), LABOUR_DAY));
    holidays.add(holiday(LocalDate.of(year, 9, 2), NATIONAL_DAY));
    LocalDate adjacent = announced != null && announced.nationalDayAdjacent() != null
        ? announced.nationalDayAdjacent() : LocalDate.of(year, 9, 1);
    holidays.add(holiday(adjacent, NATIONAL_DAY));
    for (CalendarFile.ExtraHoliday extra : extraHolidays) {
      if (extra.from() == null || year >= extra.from()) {
        LocalDate date = MonthDay.of(extra.month(), extra.day()).atYear(year);
        holidays.add(holiday(date, extra.name()));
      }
    }
    holidays.sort(Comparator.comparing(DayOff::date));
    List<DayOff> observed = new ArrayList<>();
    for (DayOff holiday : holidays) {
      if (off.putIfAbsent(holiday.date(), holiday) == null) {
        observed.add(holiday);
      }
    }

    // In date order, so that two weekend holidays in a row (Giỗ Tổ on Saturday 29/4/2023, 30/4 on Sunday) take
    // the next two working days. Before the announced days off: an announcement that lists the substitute day
    // too must not push it one day further.
    for (DayOff holiday : observed) {
      if (isWeekend(holiday.date())) {
        LocalDate substitute = holiday.date().plusDays(1);
        while (isWeekend(substitute) || off.containsKey(substitute)) {
          substitute = substitute.plusDays(1);
        }
        off.put(substitute, new DayOff(substitute, "Nghỉ bù " + holiday.name() + " ("
            + DAY_MONTH.format(holiday.date()) + ")", DayOff.Kind.SUBSTITUTE));
      }
    }

    Set<LocalDate> worked = new HashSet<>();
    if (announced != null) {
      for (CalendarFile.Day day : announced.daysOffOrEmpty()) {
        off.putIfAbsent(day.date(), new DayOff(day.date(), nameOr(day, ANNOUNCED_DAY_OFF), DayOff.Kind.ANNOUNCED));
      }
      announced.workingDaysOrEmpty().forEach(day -> worked.add(day.date()));
    }
    return new YearDays(Collections.unmodifiableMap(off), Set.copyOf(worked));
  }

  private static DayOff holiday(LocalDate date, String name) {
    return new DayOff(date, name, DayOff.Kind.HOLIDAY);
  }

  private static String nameOr(CalendarFile.Day day, String fallback) {
    return day.name() == null || day.name().isBlank() ? fallback : day.name();
  }

  /**
   * Refuses an announcement that cannot be right (a date in another year, a Tết break away from Tết, a holiday
   * made a working day), so a typing mistake stops the start instead of moving deadlines quietly.
   */
  static void validate(CalendarFile file) {
    List<String> problems = new ArrayList<>();
    for (Map.Entry<Integer, CalendarFile.Year> entry : new TreeMap<>(file.yearsOrEmpty()).entrySet()) {
      int year = entry.getKey();
      CalendarFile.Year announced = entry.getValue();
      if (year < LunarCalendar.MIN_YEAR || year > LunarCalendar.MAX_YEAR) {
        problems.add(year + ": outside " + LunarCalendar.MIN_YEAR + "–" + LunarCalendar.MAX_YEAR);
        continue;
      }
      if (announced == null) {
        continue;
      }
      CalendarFile.Range tet = announced.tet();
      if (tet != null) {
        LocalDate newYear = LunarCalendar.newYear(year);
        if (tet.from() == null || tet.to() == null) {
          problems.add(year + ": tet needs from and to");
        } else if (tet.to().isBefore(tet.from())) {
          problems.add(year + ": tet ends before it starts");
        } else if (newYear.isBefore(tet.from()) || newYear.isAfter(tet.to())) {
          problems.add(year + ": tet " + tet.from() + ".." + tet.to() + " does not contain the lunar new year "
              + newYear);
        } else if (ChronoUnit.DAYS.between(tet.from(), tet.to()) + 1 > LONGEST_TET_BREAK) {
          problems.add(year + ": tet is longer than " + LONGEST_TET_BREAK + " days");
        }
      }
      LocalDate adjacent = announced.nationalDayAdjacent();
      if (adjacent != null && !adjacent.equals(LocalDate.of(year, 9, 1))
          && !adjacent.equals(LocalDate.of(year, 9, 3))) {
        problems.add(year + ": nationalDayAdjacent must be " + year + "-09-01 or " + year + "-09-03, not "
            + adjacent);
      }
      for (CalendarFile.Day day : announced.daysOffOrEmpty()) {
        if (day == null || day.date() == null) {
          problems.add(year + ": a daysOff entry has no date");
        } else if (day.date().getYear() != year) {
          problems.add(year + ": daysOff " + day.date() + " is in another year");
        } else if (isWeekend(day.date())) {
          problems.add(year + ": daysOff " + day.date() + " is a " + day.date().getDayOfWeek()
              + ", off anyway");
        }
      }
      for (CalendarFile.Day day : announced.workingDaysOrEmpty()) {
        if (day == null || day.date() == null) {
          problems.add(year + ": a workingDays entry has no date");
        } else if (day.date().getYear() != year) {
          problems.add(year + ": workingDays " + day.date() + " is in another year");
        } else if (!isWeekend(day.date())) {
          problems.add(year + ": workingDays " + day.date() + " is a " + day.date().getDayOfWeek()
              + ", a working day anyway");
        }
      }
    }
    for (CalendarFile.ExtraHoliday extra : file.extraHolidaysOrEmpty()) {
      if (extra.day() == null || extra.month() == null || !validDayOfMonth(extra.day(), extra.month())) {
        problems.add("extraHolidays: no day " + extra.day() + "/" + extra.month());
      } else if (extra.name() == null || extra.name().isBlank()) {
        problems.add("extraHolidays " + extra.day() + "/" + extra.month() + ": name is missing");
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
  }

  /** 29/2 is refused too: a holiday that exists only in leap years would move to 28/2 in the others. */
  private static boolean validDayOfMonth(int day, int month) {
    try {
      MonthDay.of(month, day);
      return !(day == 29 && month == 2);
    } catch (DateTimeException e) {
      return false;
    }
  }
}
