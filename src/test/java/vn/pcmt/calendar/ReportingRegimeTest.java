package vn.pcmt.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** The shipped regime is Nghị định 09/2019/NĐ-CP Điều 12; a province's own regime is a file edit. */
class ReportingRegimeTest {

  static ReportingRegime fromYaml(String yaml) {
    return ReportingRegime.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test");
  }

  static String quarterOnly(String send) {
    return """
        name: "QĐ 01/2023/QĐ-UBND tỉnh Khánh Hòa"
        reports:
          QUARTER: {name: "Báo cáo quý", dataFromDay: 15, cutOffDay: 14, send: %s}
        """.formatted(send);
  }

  @Test
  void nd09CutsDataOffOnThe14thOfThePeriodsLastMonth() {
    ReportingRegime nd09 = DeadlineRulesTest.ND09;
    assertThat(nd09.name()).isEqualTo("Nghị định 09/2019/NĐ-CP");
    // quarterly: from the 15th of the month before the quarter to the 14th of its last month
    assertThat(nd09.dataFrom(ReportPeriod.quarter(1, 2023))).isEqualTo(LocalDate.of(2022, 12, 15));
    assertThat(nd09.cutOff(ReportPeriod.quarter(1, 2023))).isEqualTo(LocalDate.of(2023, 3, 14));
    assertThat(nd09.dataFrom(ReportPeriod.quarter(3, 2023))).isEqualTo(LocalDate.of(2023, 6, 15));
    // 6 months, 9 months, the year: from 15/12 of the year before
    assertThat(nd09.dataFrom(ReportPeriod.firstHalf(2023))).isEqualTo(LocalDate.of(2022, 12, 15));
    assertThat(nd09.cutOff(ReportPeriod.firstHalf(2023))).isEqualTo(LocalDate.of(2023, 6, 14));
    assertThat(nd09.dataFrom(ReportPeriod.nineMonths(2023))).isEqualTo(LocalDate.of(2022, 12, 15));
    assertThat(nd09.cutOff(ReportPeriod.nineMonths(2023))).isEqualTo(LocalDate.of(2023, 9, 14));
    assertThat(nd09.dataFrom(ReportPeriod.year(2023))).isEqualTo(LocalDate.of(2022, 12, 15));
    assertThat(nd09.cutOff(ReportPeriod.year(2023))).isEqualTo(LocalDate.of(2023, 12, 14));
    // monthly: from the 15th of the month before to the 14th of the month
    assertThat(nd09.dataFrom(ReportPeriod.month(5, 2025))).isEqualTo(LocalDate.of(2025, 4, 15));
    assertThat(nd09.cutOff(ReportPeriod.month(5, 2025))).isEqualTo(LocalDate.of(2025, 5, 14));
    assertThat(nd09.report(ReportPeriod.Kind.QUARTER).orElseThrow().name()).isEqualTo("Báo cáo quý");
  }

  @Test
  void aProvinceThatSendsTwoWorkingDaysAfterTheCutOff() {
    ReportingRegime khanhHoa = fromYaml(quarterOnly("{amount: 2, unit: WORKING_DAYS}"));
    DeadlineRule rule = DeadlineRules.parse("theo quy định");
    // cut-off Thursday 14/03/2024; Friday 15/03 and Monday 18/03 are the two working days
    DueMoment due = rule.resolve(DeadlineContext.of(DeadlineRulesTest.ROLLING, khanhHoa)
        .withPeriod(ReportPeriod.quarter(1, 2024))).orElseThrow();
    assertThat(due.dueDay()).isEqualTo(LocalDate.of(2024, 3, 18));
  }

  @Test
  void aSendingTimeInCalendarDaysIsAPeriodAndAlwaysRolls() {
    ReportingRegime regime = fromYaml(quarterOnly("{amount: 2, unit: DAYS}"));
    // cut-off Friday 14/06/2024 + 2 days = Sunday 16/06: Monday 17/06 even where fixed dates do not roll
    DueMoment due = DeadlineRules.parse("theo quy định").resolve(DeadlineContext.of(DeadlineRulesTest.LITERAL,
        regime).withPeriod(ReportPeriod.quarter(2, 2024))).orElseThrow();
    assertThat(due.lastDay()).isEqualTo(LocalDate.of(2024, 6, 16));
    assertThat(due.dueDay()).isEqualTo(LocalDate.of(2024, 6, 17));
  }

  @Test
  void aReportKindTheRegimeDoesNotDefineIsRefusedInVietnamese() {
    ReportingRegime regime = fromYaml(quarterOnly("{amount: 0, unit: WORKING_DAYS}"));
    assertThatThrownBy(() -> DeadlineRules.parse("theo quy định").resolve(DeadlineContext.of(
        DeadlineRulesTest.ROLLING, regime).withPeriod(ReportPeriod.month(5, 2025))))
        .isInstanceOf(DeadlinePhraseException.class)
        .hasMessage("Chế độ báo cáo QĐ 01/2023/QĐ-UBND tỉnh Khánh Hòa không quy định báo cáo tháng, nên không tính "
            + "được hạn \"theo quy định\" cho kỳ Tháng 5/2025.");
  }

  @Test
  void mistakesInTheFileNameTheKind() {
    assertThatThrownBy(() -> fromYaml(quarterOnly("{amount: 2, unit: WORKING_DAYS}").replace("cutOffDay: 14",
        "cutOffDay: 31"))).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("QUARTER: cutOffDay must be 1–28, not 31");
    assertThatThrownBy(() -> fromYaml(quarterOnly("{amount: -1, unit: WORKING_DAYS}")))
        .hasMessageContaining("QUARTER: send.amount must be 0–60, not -1");
    assertThatThrownBy(() -> fromYaml(quarterOnly("{amount: 2, unit: MONTHS}")))
        .hasMessageContaining("QUARTER: send.unit must be DAYS or WORKING_DAYS, not MONTHS");
    assertThatThrownBy(() -> fromYaml(quarterOnly("{amount: 2, unit: WORKING_DAYS, when: later}")))
        .hasMessageContaining("Cannot read the reporting regime test");
    assertThatThrownBy(() -> fromYaml("name: \"x\"\n")).hasMessageContaining("reports is missing");
  }
}
