package vn.pcmt.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.pcmt.calendar.LunarCalendar.LunarDate;

class LunarCalendarTest {

  @Test
  void tetOfTheAnnouncedYears() {
    assertThat(LunarCalendar.newYear(2023)).isEqualTo(LocalDate.of(2023, 1, 22));
    assertThat(LunarCalendar.newYear(2024)).isEqualTo(LocalDate.of(2024, 2, 10));
    assertThat(LunarCalendar.newYear(2025)).isEqualTo(LocalDate.of(2025, 1, 29));
    assertThat(LunarCalendar.newYear(2026)).isEqualTo(LocalDate.of(2026, 2, 17));
  }

  @Test
  void gioToHungVuongIsTheTenthOfTheThirdMonth() {
    assertThat(LunarCalendar.toSolar(10, 3, 2023, false)).isEqualTo(LocalDate.of(2023, 4, 29));
    assertThat(LunarCalendar.toSolar(10, 3, 2024, false)).isEqualTo(LocalDate.of(2024, 4, 18));
    assertThat(LunarCalendar.toSolar(10, 3, 2025, false)).isEqualTo(LocalDate.of(2025, 4, 7));
    assertThat(LunarCalendar.toSolar(10, 3, 2026, false)).isEqualTo(LocalDate.of(2026, 4, 26));
  }

  @Test
  void theLastDayOfTheLunarYearIsTheEveOfTet() {
    // as the announcements name them: 20/01/2023 was 29 tháng Chạp and 21/01 the 30th; 2024's Chạp had 29 days
    assertThat(LunarCalendar.lastDayOfYear(2022)).isEqualTo(LocalDate.of(2023, 1, 21));
    assertThat(LunarCalendar.toLunar(LocalDate.of(2023, 1, 21))).isEqualTo(new LunarDate(30, 12, 2022, false));
    assertThat(LunarCalendar.toLunar(LocalDate.of(2025, 1, 28))).isEqualTo(new LunarDate(29, 12, 2024, false));
    assertThat(LunarCalendar.toLunar(LocalDate.of(2026, 2, 14))).isEqualTo(new LunarDate(27, 12, 2025, false));
  }

  @Test
  void yearsWhereVietnamAndChinaDiffer() {
    // The new moon came before midnight in Hanoi (UTC+7), after it in Beijing (UTC+8): Tết is a day before the
    // Chinese New Year (18/02/2007, 03/02/2030). A Chinese-calendar library would get these wrong.
    assertThat(LunarCalendar.newYear(2007)).isEqualTo(LocalDate.of(2007, 2, 17));
    assertThat(LunarCalendar.newYear(2030)).isEqualTo(LocalDate.of(2030, 2, 2));
    assertThat(LunarCalendar.newYear(2000)).isEqualTo(LocalDate.of(2000, 2, 5));
  }

  @Test
  void leapMonths() {
    // 2023 had a leap 2nd month, which is why Giỗ Tổ came as late as 29/4; 2033 has the rare leap 11th month
    assertThat(LunarCalendar.toLunar(LocalDate.of(2023, 3, 22))).isEqualTo(new LunarDate(1, 2, 2023, true));
    assertThat(LunarCalendar.toSolar(1, 2, 2023, true)).isEqualTo(LocalDate.of(2023, 3, 22));
    assertThat(LunarCalendar.toLunar(LocalDate.of(2033, 12, 22))).isEqualTo(new LunarDate(1, 11, 2033, true));
    assertThatThrownBy(() -> LunarCalendar.toSolar(1, 3, 2023, true)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LunarCalendar.toSolar(1, 2, 2024, true)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aNewMoonJustAfterMidnightDoesNotGiveDayZero() {
    // the reference code's single step back gave day 0 here
    assertThat(LunarCalendar.toLunar(LocalDate.of(2054, 5, 7))).isEqualTo(new LunarDate(30, 3, 2054, false));
    assertThat(LunarCalendar.toLunar(LocalDate.of(2054, 5, 8))).isEqualTo(new LunarDate(1, 4, 2054, false));
  }

  /**
   * Tết and Giỗ Tổ of every year a plan can span, computed independently of Hồ Ngọc Đức's series: with PyEphem
   * 4.1.4 (full planetary and lunar theories), taking the local day (UTC+7) of each new moon as a month's first
   * day, the month holding the winter solstice as month 11, and in a 13-month year the first month in which the
   * sun enters no new 30° sign as the leap month. Every month start of 2000–2100 agrees with that computation
   * except two far from any holiday (2072-12, 2077-11: new moons within two minutes of midnight).
   */
  private static final String EPHEMERIS = """
      2000-02-05 2000-04-14
      2001-01-24 2001-04-03
      2002-02-12 2002-04-22
      2003-02-01 2003-04-11
      2004-01-22 2004-04-28
      2005-02-09 2005-04-18
      2006-01-29 2006-04-07
      2007-02-17 2007-04-26
      2008-02-07 2008-04-15
      2009-01-26 2009-04-04
      2010-02-14 2010-04-23
      2011-02-03 2011-04-12
      2012-01-23 2012-03-31
      2013-02-10 2013-04-19
      2014-01-31 2014-04-09
      2015-02-19 2015-04-28
      2016-02-08 2016-04-16
      2017-01-28 2017-04-06
      2018-02-16 2018-04-25
      2019-02-05 2019-04-14
      2020-01-25 2020-04-02
      2021-02-12 2021-04-21
      2022-02-01 2022-04-10
      2023-01-22 2023-04-29
      2024-02-10 2024-04-18
      2025-01-29 2025-04-07
      2026-02-17 2026-04-26
      2027-02-06 2027-04-16
      2028-01-26 2028-04-04
      2029-02-13 2029-04-23
      2030-02-02 2030-04-12
      2031-01-23 2031-04-01
      2032-02-11 2032-04-19
      2033-01-31 2033-04-09
      2034-02-19 2034-04-28
      2035-02-08 2035-04-17
      2036-01-28 2036-04-06
      2037-02-15 2037-04-24
      2038-02-04 2038-04-13
      2039-01-24 2039-04-03
      2040-02-12 2040-04-20
      2041-02-01 2041-04-10
      2042-01-22 2042-04-29
      2043-02-10 2043-04-19
      2044-01-30 2044-04-07
      2045-02-17 2045-04-26
      2046-02-06 2046-04-15
      2047-01-26 2047-04-04
      2048-02-14 2048-04-22
      2049-02-02 2049-04-11
      2050-01-23 2050-04-01
      2051-02-11 2051-04-20
      2052-02-01 2052-04-09
      2053-02-18 2053-04-28
      2054-02-08 2054-04-17
      2055-01-28 2055-04-06
      2056-02-15 2056-04-24
      2057-02-04 2057-04-13
      2058-01-24 2058-04-02
      2059-02-12 2059-04-21
      2060-02-02 2060-04-10
      2061-01-21 2061-03-31
      2062-02-09 2062-04-19
      2063-01-29 2063-04-08
      2064-02-17 2064-04-26
      2065-02-05 2065-04-15
      2066-01-26 2066-04-04
      2067-02-14 2067-04-23
      2068-02-03 2068-04-11
      2069-01-23 2069-04-01
      2070-02-11 2070-04-20
      2071-01-31 2071-04-09
      2072-02-19 2072-04-27
      2073-02-07 2073-04-16
      2074-01-27 2074-04-05
      2075-02-15 2075-04-24
      2076-02-05 2076-04-13
      2077-01-24 2077-04-02
      2078-02-12 2078-04-21
      2079-02-02 2079-04-11
      2080-01-22 2080-03-30
      2081-02-09 2081-04-18
      2082-01-29 2082-04-07
      2083-02-17 2083-04-26
      2084-02-06 2084-04-14
      2085-01-26 2085-04-03
      2086-02-14 2086-04-22
      2087-02-03 2087-04-12
      2088-01-24 2088-04-01
      2089-02-10 2089-04-20
      2090-01-30 2090-04-09
      2091-02-18 2091-04-28
      2092-02-07 2092-04-16
      2093-01-27 2093-04-05
      2094-02-15 2094-04-24
      2095-02-05 2095-04-13
      2096-01-25 2096-04-02
      2097-02-12 2097-04-21
      2098-02-01 2098-04-11
      2099-01-21 2099-04-29
      2100-02-09 2100-04-18
      """;

  @Test
  void tetAndGioToFrom2000To2100MatchAnEphemeris() {
    List<String> mismatches = new ArrayList<>();
    int year = 2000;
    for (String line : EPHEMERIS.strip().split("\n")) {
      String[] dates = line.trim().split(" ");
      LocalDate tet = LocalDate.parse(dates[0]);
      LocalDate gioTo = LocalDate.parse(dates[1]);
      if (!LunarCalendar.newYear(year).equals(tet)) {
        mismatches.add(year + " Tết " + LunarCalendar.newYear(year) + " != " + tet);
      }
      if (!LunarCalendar.toSolar(10, 3, year, false).equals(gioTo)) {
        mismatches.add(year + " Giỗ Tổ " + LunarCalendar.toSolar(10, 3, year, false) + " != " + gioTo);
      }
      year++;
    }
    assertThat(year).isEqualTo(2101);
    assertThat(mismatches).isEmpty();
  }

  @Test
  void everyDayFrom2000To2100GoesToTheLunarCalendarAndBack() {
    LunarDate previous = LunarCalendar.toLunar(LocalDate.of(1999, 12, 31));
    for (LocalDate day = LocalDate.of(2000, 1, 1); day.getYear() <= 2100; day = day.plusDays(1)) {
      LunarDate lunar = LunarCalendar.toLunar(day);
      assertThat(LunarCalendar.toSolar(lunar.day(), lunar.month(), lunar.year(), lunar.leap())).isEqualTo(day);
      // days run 1..29 or 1..30 and follow each other
      if (lunar.day() == 1) {
        assertThat(previous.day()).as("last day before %s", day).isIn(29, 30);
      } else {
        assertThat(lunar.day()).as("%s", day).isEqualTo(previous.day() + 1);
      }
      previous = lunar;
    }
  }

  @Test
  void yearsOutsideTheRangeAreRefused() {
    assertThatThrownBy(() -> LunarCalendar.newYear(2200)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LunarCalendar.toLunar(LocalDate.of(1799, 12, 31)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
