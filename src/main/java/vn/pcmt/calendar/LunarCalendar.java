package vn.pcmt.calendar;

import java.time.LocalDate;

/**
 * The Vietnamese lunar calendar (âm lịch), needed for Tết Âm lịch and Giỗ Tổ Hùng Vương.
 *
 * <p>Algorithm: Hồ Ngọc Đức, "Thuật toán tính âm lịch"
 * (https://www.informatik.uni-leipzig.de/~duc/amlich/calrules.html, reference code amlich-hnd.js), which computes
 * new moons and the sun's longitude after Jean Meeus, "Astronomical Algorithms", and applies the calendar rules in
 * Vietnam's time zone, UTC+7: a month starts on the local day
 * of the new moon; the month holding the winter solstice is month 11; in a year with 13 months the first month
 * without a principal solar term (zhongqi) is the leap month. The time zone is why this is not the Chinese calendar
 * (UTC+8): new moons shortly before midnight in Hanoi fall on the next day in Beijing, so Tết differs from the
 * Chinese New Year in some years (2007: 17/02 against 18/02; 2030: 02/02 against 03/02). Do not replace this with a
 * Chinese-calendar library.
 *
 * <p>The series are short (minutes of accuracy), so a new moon within a few minutes of midnight can land on the other
 * day than a full ephemeris says: against PyEphem, every month start of 2000–2100 agrees except 2072-12 and 2077-11
 * (new moons about a minute before midnight), neither of them a holiday month. Refused outside 1800–2199; days
 * inside are Julian day numbers.
 */
public final class LunarCalendar {

  /** Hours ahead of UTC: the Vietnamese calendar is reckoned in Hanoi's time zone. */
  private static final double TIME_ZONE = 7.0;

  static final int MIN_YEAR = 1800;
  static final int MAX_YEAR = 2199;

  private static final double SYNODIC_MONTH = 29.530588853;
  /** Julian day of the new moon of 1900-01-01 13:52 UT, new moon number k = 0 of Meeus' series as used here. */
  private static final double NEW_MOON_EPOCH = 2415021.076998695;
  /** Julian day number of 1970-01-01, to go between {@link LocalDate#toEpochDay()} and day numbers. */
  private static final long EPOCH_DAY_JDN = 2440588;

  private LunarCalendar() {
  }

  /** A lunar date; {@code leap} marks a day of the leap month (tháng nhuận), which repeats the month's number. */
  public record LunarDate(int day, int month, int year, boolean leap) {

    @Override
    public String toString() {
      return day + "/" + month + (leap ? " nhuận" : "") + "/" + year + " âm lịch";
    }
  }

  /** The first day of lunar year {@code lunarYear} (mùng 1 Tết), in the solar calendar. */
  public static LocalDate newYear(int lunarYear) {
    return toSolar(1, 1, lunarYear, false);
  }

  /** The last day of lunar year {@code lunarYear} (29 or 30 tháng Chạp), the eve of the next Tết. */
  public static LocalDate lastDayOfYear(int lunarYear) {
    return newYear(lunarYear + 1).minusDays(1);
  }

  public static LunarDate toLunar(LocalDate date) {
    checkYear(date.getYear());
    long dayNumber = jdn(date);
    long k = floor((dayNumber - NEW_MOON_EPOCH) / SYNODIC_MONTH);
    // The reference code steps back once from new moon k + 1; when a new moon falls just after midnight, the mean
    // month this index comes from is far enough off that one step still lands after the date (it gives day 0 for
    // 2054-05-07). Step back until the month has started.
    long moon = k + 1;
    long monthStart = newMoonDay(moon);
    while (monthStart > dayNumber) {
      moon--;
      monthStart = newMoonDay(moon);
    }
    int yy = date.getYear();
    long a11 = lunarMonth11(yy);
    long b11 = a11;
    int lunarYear;
    if (a11 >= monthStart) {
      lunarYear = yy;
      a11 = lunarMonth11(yy - 1);
    } else {
      lunarYear = yy + 1;
      b11 = lunarMonth11(yy + 1);
    }
    int lunarDay = (int) (dayNumber - monthStart + 1);
    int diff = (int) floor((monthStart - a11) / 29.0);
    boolean leap = false;
    int lunarMonth = diff + 11;
    if (b11 - a11 > 365) {
      int leapMonthDiff = leapMonthOffset(a11);
      if (diff >= leapMonthDiff) {
        lunarMonth = diff + 10;
        leap = diff == leapMonthDiff;
      }
    }
    if (lunarMonth > 12) {
      lunarMonth -= 12;
    }
    if (lunarMonth >= 11 && diff < 4) {
      lunarYear -= 1;
    }
    return new LunarDate(lunarDay, lunarMonth, lunarYear, leap);
  }

  /**
   * The solar date of a lunar date. Day 30 of a 29-day month runs into the next month, as in the reference code;
   * asking for a leap month the year does not have is an error.
   */
  public static LocalDate toSolar(int lunarDay, int lunarMonth, int lunarYear, boolean leap) {
    checkYear(lunarYear);
    if (lunarMonth < 1 || lunarMonth > 12 || lunarDay < 1 || lunarDay > 30) {
      throw new IllegalArgumentException("No lunar date " + lunarDay + "/" + lunarMonth + "/" + lunarYear);
    }
    long a11;
    long b11;
    if (lunarMonth < 11) {
      a11 = lunarMonth11(lunarYear - 1);
      b11 = lunarMonth11(lunarYear);
    } else {
      a11 = lunarMonth11(lunarYear);
      b11 = lunarMonth11(lunarYear + 1);
    }
    long k = floor(0.5 + (a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH);
    int off = lunarMonth - 11;
    if (off < 0) {
      off += 12;
    }
    if (b11 - a11 > 365) {
      int leapOff = leapMonthOffset(a11);
      int leapMonth = leapOff - 2;
      if (leapMonth < 0) {
        leapMonth += 12;
      }
      if (leap && lunarMonth != leapMonth) {
        throw new IllegalArgumentException("Lunar year " + lunarYear + " has no leap month " + lunarMonth);
      } else if (leap || off >= leapOff) {
        off += 1;
      }
    } else if (leap) {
      throw new IllegalArgumentException("Lunar year " + lunarYear + " has no leap month");
    }
    long monthStart = newMoonDay(k + off);
    return date(monthStart + lunarDay - 1);
  }

  private static void checkYear(int year) {
    if (year < MIN_YEAR || year > MAX_YEAR) {
      throw new IllegalArgumentException("The lunar calendar is computed for " + MIN_YEAR + "–" + MAX_YEAR
          + " only, not " + year);
    }
  }

  private static long jdn(LocalDate date) {
    return date.toEpochDay() + EPOCH_DAY_JDN;
  }

  private static LocalDate date(long jdn) {
    return LocalDate.ofEpochDay(jdn - EPOCH_DAY_JDN);
  }

  private static long floor(double value) {
    return (long) Math.floor(value);
  }

  /** Julian day (fractional, UT) of the k-th new moon after 1900-01-01 (Meeus, chapter 49, reduced series). */
  static double newMoon(long k) {
    double t = k / 1236.85;
    double t2 = t * t;
    double t3 = t2 * t;
    double dr = Math.PI / 180;
    double jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3;
    jd1 += 0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * dr);
    double m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;      // sun's mean anomaly
    double mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;   // moon's mean anomaly
    double f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;      // moon's argument of latitude
    double c1 = (0.1734 - 0.000393 * t) * Math.sin(m * dr) + 0.0021 * Math.sin(2 * dr * m);
    c1 = c1 - 0.4068 * Math.sin(mpr * dr) + 0.0161 * Math.sin(dr * 2 * mpr);
    c1 = c1 - 0.0004 * Math.sin(dr * 3 * mpr);
    c1 = c1 + 0.0104 * Math.sin(dr * 2 * f) - 0.0051 * Math.sin(dr * (m + mpr));
    c1 = c1 - 0.0074 * Math.sin(dr * (m - mpr)) + 0.0004 * Math.sin(dr * (2 * f + m));
    c1 = c1 - 0.0004 * Math.sin(dr * (2 * f - m)) - 0.0006 * Math.sin(dr * (2 * f + mpr));
    c1 = c1 + 0.0010 * Math.sin(dr * (2 * f - mpr)) + 0.0005 * Math.sin(dr * (2 * mpr + m));
    double deltaT; // ephemeris time minus universal time, in days
    if (t < -11) {
      deltaT = 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3;
    } else {
      deltaT = -0.000278 + 0.000265 * t + 0.000262 * t2;
    }
    return jd1 + c1 - deltaT;
  }

  /** The sun's apparent longitude in radians, [0, 2π), at Julian day {@code jd} (UT), Meeus chapter 25. */
  static double sunLongitude(double jd) {
    double t = (jd - 2451545.0) / 36525;
    double t2 = t * t;
    double dr = Math.PI / 180;
    double m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
    double l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
    double dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * Math.sin(dr * m);
    dl = dl + (0.019993 - 0.000101 * t) * Math.sin(dr * 2 * m) + 0.000290 * Math.sin(dr * 3 * m);
    double l = (l0 + dl) * dr;
    return l - Math.PI * 2 * Math.floor(l / (Math.PI * 2));
  }

  /** The local day (Julian day number) of the k-th new moon. */
  private static long newMoonDay(long k) {
    return floor(newMoon(k) + 0.5 + TIME_ZONE / 24);
  }

  /** The sector 0..11 of 30° the sun is in at local midnight starting the day: 9 = past the winter solstice. */
  private static int sunSector(long dayNumber) {
    return (int) floor(sunLongitude(dayNumber - 0.5 - TIME_ZONE / 24) / Math.PI * 6);
  }

  /** The day month 11 starts in the lunar year ending in solar year {@code yy}: the month holding the solstice. */
  private static long lunarMonth11(int yy) {
    long off = jdn(LocalDate.of(yy, 12, 31)) - 2415021;
    long k = floor(off / SYNODIC_MONTH);
    long nm = newMoonDay(k);
    if (sunSector(nm) >= 9) {
      nm = newMoonDay(k - 1);
    }
    return nm;
  }

  /** In a 13-month year from month 11 at {@code a11}: how many months after it the leap month comes. */
  private static int leapMonthOffset(long a11) {
    long k = floor((a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH + 0.5);
    int i = 1;
    int arc = sunSector(newMoonDay(k + i));
    int last;
    do {
      last = arc;
      i++;
      arc = sunSector(newMoonDay(k + i));
    } while (arc != last && i < 14);
    return i - 1;
  }
}
