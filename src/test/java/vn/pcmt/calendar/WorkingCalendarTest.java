package vn.pcmt.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The shipped days-off file against the announced calendars of 2023–2026, and the statutory rule elsewhere. */
class WorkingCalendarTest {

  static final WorkingCalendar SHIPPED = shipped();

  static WorkingCalendar shipped() {
    try (InputStream in = WorkingCalendarTest.class.getResourceAsStream("/calendar/vietnam-days-off.yaml")) {
      return WorkingCalendar.read(in, "vietnam-days-off.yaml");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static WorkingCalendar fromYaml(String yaml) {
    return WorkingCalendar.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test");
  }

  static LocalDate date(int year, int month, int day) {
    return LocalDate.of(year, month, day);
  }

  /** Every day from..to (inclusive) is off, and the days just outside are worked. */
  static void offExactly(WorkingCalendar calendar, LocalDate from, LocalDate to) {
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      assertThat(calendar.isWorkingDay(d)).as("%s is off", d).isFalse();
    }
    assertThat(calendar.isWorkingDay(from.minusDays(1))).as("%s is worked", from.minusDays(1)).isTrue();
    assertThat(calendar.isWorkingDay(to.plusDays(1))).as("%s is worked", to.plusDays(1)).isTrue();
  }

  @Nested
  class AnnouncedYears {

    @Test
    void theFileAnnouncesTheYears2023To2026() {
      assertThat(SHIPPED.announcedYears()).containsExactly(2023, 2024, 2025, 2026);
    }

    @Test
    void tet2023RanFrom20To26January() {
      offExactly(SHIPPED, date(2023, 1, 20), date(2023, 1, 26));
      assertThat(SHIPPED.dayOff(date(2023, 1, 22)).orElseThrow().name()).isEqualTo("Tết Âm lịch");
    }

    @Test
    void tet2024RanFrom8To14FebruaryWithoutFurtherSubstitutes() {
      offExactly(SHIPPED, date(2024, 2, 8), date(2024, 2, 14));
      // the statutory rule alone would have given 14/02 and 15/02 for the weekend of 10–11/02
      assertThat(SHIPPED.dayOff(date(2024, 2, 15))).isEmpty();
    }

    @Test
    void tet2025RanFrom25JanuaryTo2FebruaryAndSaturday8FebruaryWasWorked() {
      offExactly(SHIPPED, date(2025, 1, 25), date(2025, 2, 2));
      assertThat(SHIPPED.isWorkingDay(date(2025, 2, 8))).isTrue();
      assertThat(SHIPPED.isWorkingDay(date(2025, 2, 9))).isFalse();
      assertThat(SHIPPED.workedWeekendDays(2025)).containsExactly(date(2025, 2, 8), date(2025, 4, 26));
    }

    @Test
    void tet2026RunsFrom14To22February() {
      offExactly(SHIPPED, date(2026, 2, 14), date(2026, 2, 22));
    }

    @Test
    void gioToHungVuong() {
      // 2023: Saturday 29/4 followed by 30/4 on Sunday and 1/5: off until 3/5 (two substitute days)
      offExactly(SHIPPED, date(2023, 4, 29), date(2023, 5, 3));
      assertThat(SHIPPED.dayOff(date(2023, 4, 29)).orElseThrow().name()).isEqualTo("Giỗ Tổ Hùng Vương");
      assertThat(SHIPPED.dayOff(date(2023, 5, 2)).orElseThrow().kind()).isEqualTo(DayOff.Kind.SUBSTITUTE);
      // 2024: Thursday 18/4, one day
      offExactly(SHIPPED, date(2024, 4, 18), date(2024, 4, 18));
      // 2025: Monday 7/4 after the weekend
      offExactly(SHIPPED, date(2025, 4, 5), date(2025, 4, 7));
      assertThat(SHIPPED.dayOff(date(2025, 4, 7)).orElseThrow().kind()).isEqualTo(DayOff.Kind.HOLIDAY);
      // 2026: Sunday 26/4, Monday 27/4 substitute
      assertThat(SHIPPED.dayOff(date(2026, 4, 26)).orElseThrow().name()).isEqualTo("Giỗ Tổ Hùng Vương");
      assertThat(SHIPPED.dayOff(date(2026, 4, 27)).orElseThrow())
          .isEqualTo(new DayOff(date(2026, 4, 27), "Nghỉ bù Giỗ Tổ Hùng Vương (26/04)", DayOff.Kind.SUBSTITUTE));
    }

    @Test
    void victoryAndLabourDay() {
      // 2024: Monday 29/4 off, Saturday 4/5 worked instead
      offExactly(SHIPPED, date(2024, 4, 27), date(2024, 5, 1));
      assertThat(SHIPPED.isWorkingDay(date(2024, 5, 4))).isTrue();
      // 2025: Friday 2/5 off, Saturday 26/4 worked instead
      offExactly(SHIPPED, date(2025, 4, 30), date(2025, 5, 4));
      assertThat(SHIPPED.isWorkingDay(date(2025, 4, 26))).isTrue();
      assertThat(SHIPPED.dayOff(date(2025, 4, 30)).orElseThrow().name()).isEqualTo("Ngày Chiến thắng");
      assertThat(SHIPPED.dayOff(date(2025, 5, 1)).orElseThrow().name()).isEqualTo("Ngày Quốc tế lao động");
      assertThat(SHIPPED.dayOff(date(2025, 5, 2)).orElseThrow().kind()).isEqualTo(DayOff.Kind.ANNOUNCED);
      // 2026: Thursday and Friday, then the weekend
      offExactly(SHIPPED, date(2026, 4, 30), date(2026, 5, 3));
    }

    @Test
    void nationalDayAndItsAdjacentDay() {
      // 2023: 1/9 and Saturday 2/9, Monday 4/9 substitute
      offExactly(SHIPPED, date(2023, 9, 1), date(2023, 9, 4));
      // 2024: the government chose 3/9
      offExactly(SHIPPED, date(2024, 8, 31), date(2024, 9, 3));
      assertThat(SHIPPED.dayOff(date(2024, 9, 3)).orElseThrow().name()).isEqualTo("Quốc khánh");
      // 2025: 1/9
      offExactly(SHIPPED, date(2025, 8, 30), date(2025, 9, 2));
      // 2026 not announced here: 1/9 by default
      offExactly(SHIPPED, date(2026, 9, 1), date(2026, 9, 2));
    }

    @Test
    void newYearsDay() {
      // 2023: Sunday, Monday 2/1 substitute
      offExactly(SHIPPED, date(2022, 12, 31), date(2023, 1, 2));
      offExactly(SHIPPED, date(2025, 1, 1), date(2025, 1, 1));
    }

    @Test
    void theYearListsItsDaysOffInOrder() {
      List<DayOff> days = SHIPPED.daysOff(2024);
      assertThat(days).extracting(DayOff::date).isSorted();
      assertThat(days).extracting(DayOff::date).contains(date(2024, 1, 1), date(2024, 2, 8), date(2024, 4, 18),
          date(2024, 4, 29), date(2024, 4, 30), date(2024, 5, 1), date(2024, 9, 2), date(2024, 9, 3));
      assertThat(days).extracting(DayOff::date).doesNotContain(date(2024, 9, 1), date(2024, 5, 4));
    }
  }

  @Nested
  class StatutoryRule {

    final WorkingCalendar statutory = WorkingCalendar.statutory();

    @Test
    void tetIsTheLastDayOfTheYearAndTheFirstFourWithSubstitutesForTheWeekend() {
      // 2024 without the announcement: 09/02 (30 tháng Chạp) to 13/02, Saturday and Sunday give 14/02 and 15/02
      assertThat(statutory.daysOff(2024)).filteredOn(d -> d.date().getMonthValue() == 2)
          .extracting(DayOff::date, DayOff::kind).containsExactly(
              tuple(date(2024, 2, 9), DayOff.Kind.HOLIDAY),
              tuple(date(2024, 2, 10), DayOff.Kind.HOLIDAY),
              tuple(date(2024, 2, 11), DayOff.Kind.HOLIDAY),
              tuple(date(2024, 2, 12), DayOff.Kind.HOLIDAY),
              tuple(date(2024, 2, 13), DayOff.Kind.HOLIDAY),
              tuple(date(2024, 2, 14), DayOff.Kind.SUBSTITUTE),
              tuple(date(2024, 2, 15), DayOff.Kind.SUBSTITUTE));
      // 2026: Monday 16/02 to Friday 20/02, which is the announced break
      offExactly(statutory, date(2026, 2, 14), date(2026, 2, 22));
    }

    @Test
    void tet2030StartsOnSaturdayTheSecondOfFebruary() {
      // 01/02 (Friday) to 05/02, with two substitutes for the weekend: back on Friday 08/02
      offExactly(statutory, date(2030, 2, 1), date(2030, 2, 7));
    }

    @Test
    void nationalDayOnSundayWithTheFirstOfSeptemberOnSaturday() {
      // 2029: 1/9 Saturday, 2/9 Sunday: Monday 3/9 and Tuesday 4/9 off
      offExactly(statutory, date(2029, 9, 1), date(2029, 9, 4));
      assertThat(statutory.dayOff(date(2029, 9, 4)).orElseThrow().name()).isEqualTo("Nghỉ bù Quốc khánh (02/09)");
    }

    @Test
    void victoryDayOnSundayIsMadeUpAfterLabourDay() {
      // 2028: 30/4 Sunday, 1/5 Monday: Tuesday 2/5 off
      offExactly(statutory, date(2028, 4, 29), date(2028, 5, 2));
    }

    @Test
    void anOrdinaryWeekIsMondayToFriday() {
      assertThat(statutory.isWorkingDay(date(2024, 3, 15))).isTrue();
      assertThat(statutory.isWorkingDay(date(2024, 3, 16))).isFalse();
      assertThat(statutory.isWorkingDay(date(2024, 3, 17))).isFalse();
      assertThat(statutory.dayOff(date(2024, 3, 16))).isEmpty();
    }

    @Test
    void yearsOutsideTheCalendarAreRefused() {
      assertThatThrownBy(() -> statutory.isWorkingDay(date(2200, 1, 1)))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Nested
  class TheFile {

    @Test
    void anExtraHolidayCountsFromItsFirstYear() {
      WorkingCalendar calendar = fromYaml("""
          extraHolidays:
            - {day: 24, month: 11, from: 2026, name: "Ngày Văn hóa Việt Nam"}
          """);
      assertThat(calendar.isWorkingDay(date(2025, 11, 24))).isTrue();
      assertThat(calendar.dayOff(date(2026, 11, 24)).orElseThrow().name()).isEqualTo("Ngày Văn hóa Việt Nam");
      // 24/11/2030 is a Sunday: Monday off
      assertThat(calendar.isWorkingDay(date(2030, 11, 25))).isFalse();
    }

    @Test
    void listingAComputedSubstituteAgainDoesNotMoveIt() {
      WorkingCalendar calendar = fromYaml("""
          years:
            2023:
              daysOff:
                - {date: 2023-01-02, name: "Nghỉ bù Tết Dương lịch"}
          """);
      offExactly(calendar, date(2022, 12, 31), date(2023, 1, 2));
    }

    @Test
    void mistakesAreRefusedWithTheYearAndDate() {
      assertThatThrownBy(() -> fromYaml("""
          years:
            2024:
              tet: {from: 2024-01-08, to: 2024-01-14}
              nationalDayAdjacent: 2024-09-04
              daysOff:
                - {date: 2024-03-17, name: "Chủ nhật"}
                - {date: 2023-03-15}
              workingDays:
                - {date: 2024-03-15}
          """)).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("2024: tet 2024-01-08..2024-01-14 does not contain the lunar new year 2024-02-10")
          .hasMessageContaining("2024: nationalDayAdjacent must be 2024-09-01 or 2024-09-03")
          .hasMessageContaining("2024: daysOff 2024-03-17 is a SUNDAY")
          .hasMessageContaining("2024: daysOff 2023-03-15 is in another year")
          .hasMessageContaining("2024: workingDays 2024-03-15 is a FRIDAY");
    }

    @Test
    void aHolidayCannotBeMadeAWorkingDay() {
      assertThatThrownBy(() -> fromYaml("""
          years:
            2022:
              workingDays:
                - {date: 2022-04-30}
          """)).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("2022: workingDays 2022-04-30 is a public holiday (Ngày Chiến thắng)");
    }

    @Test
    void anUnknownFieldIsRefused() {
      assertThatThrownBy(() -> fromYaml("""
          years:
            2027:
              tết: {from: 2027-02-05, to: 2027-02-10}
          """)).isInstanceOf(IllegalStateException.class).hasMessageContaining("Cannot read the days-off file");
    }
  }
}
