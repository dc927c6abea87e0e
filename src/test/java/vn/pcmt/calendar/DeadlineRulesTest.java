package vn.pcmt.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Deadline phrases in the spellings of real plans (DOMAIN 1.3, the seeds, and their variants), each with the due
 * moment worked out by hand from the shipped calendar (calendar/vietnam-days-off.yaml) and regime
 * (calendar/reporting-regime.yaml). Holidays met below: Tết 2024 08–14/02; 30/4–04/5/2025 off (02/5 swapped, Saturday
 * 26/4 worked); 01/01/2024 (Monday); Tết 2026 14–22/02.
 */
class DeadlineRulesTest {

  static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
  static final ReportingRegime ND09 = shippedRegime();
  static final Deadlines ROLLING = new Deadlines(VN, WorkingCalendarTest.SHIPPED, true);
  static final Deadlines LITERAL = new Deadlines(VN, WorkingCalendarTest.SHIPPED, false);
  static final String NO_DEADLINE = "không có hạn";

  static ReportingRegime shippedRegime() {
    try (InputStream in = DeadlineRulesTest.class.getResourceAsStream("/calendar/reporting-regime.yaml")) {
      return ReportingRegime.read(in, "reporting-regime.yaml");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Columns: the phrase as written | the date given beside it | the plan's issue date | the report's period (Q1/2023,
   * H1/2023, N/2023 = 9 months, Y/2024, M5/2025) | an event date (CAMPAIGN_END 2023-06-30) | whether fixed dates roll
   * to a working day | the due moment, or "không có hạn". Comments give the hand computation.
   */
  @ParameterizedTest(name = "[{index}] \"{0}\" → {6}")
  @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
      # S1, issued Monday 30/01/2023: "trước ngày X" ends with X-1
      trước ngày 15/02/2023                         | -          | 2023-01-30 | -       | -                       | true  | 2023-02-14T23:59:59+07:00
      Trước ngày 15/02/2023.                        | -          | 2023-01-30 | -       | -                       | true  | 2023-02-14T23:59:59+07:00
      truoc ngay 15/02/2023                         | -          | 2023-01-30 | -       | -                       | true  | 2023-02-14T23:59:59+07:00
      trước  ngày 15 / 02 / 2023                    | -          | 2023-01-30 | -       | -                       | true  | 2023-02-14T23:59:59+07:00
      Quý I (trước ngày 15/3)                       | -          | 2023-01-30 | -       | -                       | true  | 2023-03-14T23:59:59+07:00
      06 tháng (trước ngày 15/6)                    | -          | 2023-01-30 | -       | -                       | true  | 2023-06-14T23:59:59+07:00
      Quý III (trước ngày 15/9)                     | -          | 2023-01-30 | -       | -                       | true  | 2023-09-14T23:59:59+07:00
      01 năm (trước ngày 15/12)                     | -          | 2023-01-30 | -       | -                       | true  | 2023-12-14T23:59:59+07:00
      # quarter windows end with the quarter's last day: 31/03/2023 Friday; 31/03/2024 Sunday → Monday 01/04
      (xong trong quý I/2023)                       | -          | 2023-01-30 | -       | -                       | true  | 2023-03-31T23:59:59+07:00
      quý I/2023                                    | -          | 2023-01-30 | -       | -                       | true  | 2023-03-31T23:59:59+07:00
      Quý 1                                         | -          | 2024-03-01 | -       | -                       | true  | 2024-04-01T23:59:59+07:00
      trong quý III                                 | -          | 2024-03-01 | -       | -                       | true  | 2024-09-30T23:59:59+07:00
      # 31/12/2023 Sunday, 01/01/2024 Tết Dương lịch → Tuesday 02/01/2024
      trong quý IV năm 2023                         | -          | 2023-01-30 | -       | -                       | true  | 2024-01-02T23:59:59+07:00
      trước ngày 01/01/2024                         | -          | 2023-01-30 | -       | -                       | true  | 2024-01-02T23:59:59+07:00
      # S2, issued 31/05/2023: 02/07/2023 is a Sunday → Monday 03/07 when rolling, Sunday 02/07 when not
      **trước ngày 03 tháng 7 năm 2023**            | -          | 2023-05-31 | -       | -                       | true  | 2023-07-03T23:59:59+07:00
      **trước ngày 03 tháng 7 năm 2023**            | -          | 2023-05-31 | -       | -                       | false | 2023-07-02T23:59:59+07:00
      (ngày 26 tháng 6)                             | -          | 2023-05-31 | -       | -                       | true  | 2023-06-26T23:59:59+07:00
      Từ ngày 01 tháng 6 đến ngày 30 tháng 6 năm 2023 | -        | 2023-05-31 | -       | -                       | true  | 2023-06-30T23:59:59+07:00
      ngày 03 tháng 7 năm 2023                      | -          | 2023-05-31 | -       | -                       | true  | 2023-07-03T23:59:59+07:00
      03/7/2023                                     | -          | 2023-05-31 | -       | -                       | true  | 2023-07-03T23:59:59+07:00
      3-7-2023                                      | -          | 2023-05-31 | -       | -                       | true  | 2023-07-03T23:59:59+07:00
      # S4: 14/12/2024 is a Saturday → Monday 16/12; Saturday itself when not rolling
      từ khi ban hành kế hoạch đến ngày 14/12/2024  | -          | 2024-03-01 | -       | -                       | true  | 2024-12-16T23:59:59+07:00
      đến hết ngày 14/12/2024                       | -          | 2024-03-01 | -       | -                       | false | 2024-12-14T23:59:59+07:00
      từ ngày 15/12/2024 trở đi                     | -          | 2024-03-01 | -       | -                       | true  | không có hạn
      # S5 (2025): the month's last day, Saturday 31/05/2025 → Monday 02/06
      trong tháng 5 năm 2025                        | -          | 2025-04-15 | -       | -                       | true  | 2025-06-02T23:59:59+07:00
      trong tháng 5                                 | -          | 2025-04-15 | -       | -                       | true  | 2025-06-02T23:59:59+07:00
      trong thang 5 nam 2025                        | -          | 2025-04-15 | -       | -                       | true  | 2025-06-02T23:59:59+07:00
      trong tháng 2                                 | -          | 2024-01-10 | -       | -                       | true  | 2024-02-29T23:59:59+07:00
      ngay trong năm 2025                           | -          | 2025-04-15 | -       | -                       | true  | 2025-12-31T23:59:59+07:00
      năm 2025                                      | -          | 2025-04-15 | -       | -                       | true  | 2025-12-31T23:59:59+07:00
      6 tháng đầu năm 2025                          | -          | 2025-04-15 | -       | -                       | true  | 2025-06-30T23:59:59+07:00
      đến năm 2030                                  | -          | 2025-04-15 | -       | -                       | true  | 2030-12-31T23:59:59+07:00
      thường xuyên                                  | -          | 2025-04-15 | -       | -                       | true  | không có hạn
      kịp thời                                      | -          | 2025-04-15 | -       | -                       | true  | không có hạn
      Không có hạn                                  | -          | 2025-04-15 | -       | -                       | true  | không có hạn
      # closing dates of Nghị định 09/2019: the 14th of the period's last month, sent the same day
      theo quy định                                 | -          | 2023-01-30 | Q1/2023 | -                       | true  | 2023-03-14T23:59:59+07:00
      theo quy định                                 | -          | 2023-01-30 | H1/2023 | -                       | true  | 2023-06-14T23:59:59+07:00
      Theo quy định                                 | -          | 2023-01-30 | Y/2024  | -                       | true  | 2024-12-16T23:59:59+07:00
      9 tháng theo quy định                         | -          | 2023-01-30 | -       | -                       | true  | 2023-09-14T23:59:59+07:00
      6 tháng đầu năm theo quy định                 | -          | 2025-01-10 | -       | -                       | true  | 2025-06-16T23:59:59+07:00
      Định kỳ hằng năm báo cáo theo quy định        | -          | 2025-01-10 | Y/2026  | -                       | true  | 2026-12-14T23:59:59+07:00
      # 14/06/2025 is a Saturday → Monday 16/06
      Báo cáo quý theo quy định                     | -          | 2025-01-10 | Q2/2025 | -                       | true  | 2025-06-16T23:59:59+07:00
      # periods counted from an event (Bộ luật Dân sự Art. 147–148): first day not counted, always rolled
      trong vòng 15 ngày kể từ ngày ban hành        | -          | 2023-01-30 | -       | -                       | true  | 2023-02-14T23:59:59+07:00
      15 ngày kể từ ngày ban hành                   | -          | 2024-01-30 | -       | -                       | true  | 2024-02-15T23:59:59+07:00
      15 ngày kể từ ngày ban hành                   | -          | 2024-01-30 | -       | -                       | false | 2024-02-15T23:59:59+07:00
      15 ngày kể từ ngày ban hành kế hoạch          | -          | 2026-02-03 | -       | -                       | true  | 2026-02-23T23:59:59+07:00
      10 ngày làm việc kể từ ngày nhận được kế hoạch | -         | 2024-01-15 | -       | RECEIPT 2024-02-01      | true  | 2024-02-22T23:59:59+07:00
      trong thời hạn 05 (năm) ngày làm việc kể từ ngày ký | -    | 2025-04-25 | -       | -                       | true  | 2025-05-06T23:59:59+07:00
      chậm nhất 15 ngày sau khi kết thúc Tháng hành động | -     | 2023-05-31 | -       | CAMPAIGN_END 2023-06-30 | true  | 2023-07-17T23:59:59+07:00
      01 tháng kể từ ngày ban hành                  | -          | 2024-01-31 | -       | -                       | true  | 2024-02-29T23:59:59+07:00
      02 ngày làm việc kể từ ngày chốt số liệu      | -          | 2023-01-30 | Q1/2023 | -                       | true  | 2023-03-16T23:59:59+07:00
      # recurring: one date per period
      hằng quý trước ngày 15 của tháng cuối quý     | -          | 2023-01-30 | Q1/2023 | -                       | true  | 2023-03-14T23:59:59+07:00
      hằng quý trước ngày 15 của tháng cuối quý     | -          | 2024-01-10 | Q3/2024 | -                       | true  | 2024-09-16T23:59:59+07:00
      Hàng quý, chậm nhất ngày 20 của tháng cuối quý | -         | 2025-01-10 | Q2/2025 | -                       | true  | 2025-06-20T23:59:59+07:00
      hằng tháng trước ngày 20                      | -          | 2025-01-10 | M5/2025 | -                       | true  | 2025-05-19T23:59:59+07:00
      hằng năm trước ngày 15/12                     | -          | 2025-01-10 | Y/2025  | -                       | true  | 2025-12-15T23:59:59+07:00
      # other spellings of a fixed date
      chậm nhất ngày 20/6/2024                      | -          | 2024-03-01 | -       | -                       | true  | 2024-06-20T23:59:59+07:00
      Hạn chót: 20/06/2024                          | -          | 2024-03-01 | -       | -                       | true  | 2024-06-20T23:59:59+07:00
      Quý I/2024 (trước ngày 15/3)                  | -          | 2023-12-20 | -       | -                       | true  | 2024-03-14T23:59:59+07:00
      trước ngày 30/4/2025                          | -          | 2025-01-10 | -       | -                       | true  | 2025-04-29T23:59:59+07:00
      đến ngày 30/4/2025                            | -          | 2025-01-10 | -       | -                       | true  | 2025-05-05T23:59:59+07:00
      trước ngày 15/3                               | -          | 2026-01-05 | -       | -                       | true  | 2026-03-16T23:59:59+07:00
      # a date given beside the phrase
      ''                                            | 2024-03-20 | 2024-03-01 | -       | -                       | true  | 2024-03-20T23:59:59+07:00
      đến ngày 20/3/2024                            | 2024-03-20 | 2024-03-01 | -       | -                       | true  | 2024-03-20T23:59:59+07:00
      trước ngày 15/9                               | 2024-09-15 | 2024-03-01 | -       | -                       | true  | 2024-09-16T23:59:59+07:00
      Kết thúc Tháng hành động báo cáo kết quả      | 2023-07-03 | 2023-05-31 | -       | -                       | true  | 2023-07-03T23:59:59+07:00
      theo quy định                                 | 2024-12-20 | 2024-03-01 | Y/2024  | -                       | true  | 2024-12-20T23:59:59+07:00
      """)
  void dueMoment(String phrase, LocalDate date, LocalDate issued, String period, String event, boolean rolls,
      String expected) {
    DeadlineRule rule = DeadlineRules.parse(phrase, date);
    Optional<DueMoment> due = rule.resolve(context(issued, period, event, rolls));
    if (NO_DEADLINE.equals(expected)) {
      assertThat(rule).isInstanceOf(DeadlineRule.None.class);
      assertThat(rule.hasDueDate()).isFalse();
      assertThat(due).isEmpty();
    } else {
      assertThat(rule.hasDueDate()).isTrue();
      assertThat(due).get().extracting(DueMoment::at).isEqualTo(OffsetDateTime.parse(expected).toInstant());
    }
    assertThat(rule.phrase()).as("kept as written").isEqualTo(phrase);
  }

  /** Columns: the phrase | the date beside it | the issue date | the period | part of the Vietnamese refusal. */
  @ParameterizedTest(name = "[{index}] \"{0}\" refused")
  @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
      sau ngày 15/02/2023                             | -          | 2023-01-30 | -       | Không hiểu "sau" trong thời hạn "sau ngày 15/02/2023"
      trước ngày 15/02/2023 hoặc sớm hơn              | -          | 2023-01-30 | -       | Không hiểu "hoặc sớm hơn" trong thời hạn
      trước ngày 03 tháng 7 năm 2023 để tổng hợp      | -          | 2023-05-31 | -       | Không hiểu "để tổng hợp" trong thời hạn
      khi có yêu cầu                                  | -          | 2023-05-31 | -       | Không hiểu thời hạn "khi có yêu cầu". Hãy ghi theo một trong các mẫu
      khoảng giữa tháng 5                             | -          | 2025-04-15 | -       | Không hiểu "khoảng giữa" trong thời hạn
      quý V/2023                                      | -          | 2023-01-30 | -       | Không hiểu thời hạn "quý V/2023"
      trước ngày 30/02/2023                           | -          | 2023-01-30 | -       | ghi ngày không có trên lịch: 30/02/2023.
      trong tháng 13 năm 2025                         | -          | 2025-01-10 | -       | ghi tháng không có: tháng 13.
      trước ngày 31/12/9999                           | -          | 2023-01-30 | -       | ghi năm 9999, ngoài khoảng lịch làm việc hỗ trợ (1800–2199).
      ''                                              | 9999-12-31 | 2023-01-30 | -       | Ngày 31/12/9999 nằm ngoài khoảng lịch làm việc hỗ trợ (1800–2199).
      trong vòng 99999 ngày kể từ ngày ban hành       | -          | 2024-03-01 | -       | rơi ra ngoài khoảng lịch làm việc hỗ trợ (1800–2199).
      15/3/23                                         | -          | 2023-01-30 | -       | ghi năm 23: hãy ghi năm đủ 4 chữ số
      trước ngày 25/03/2024                           | 2024-03-20 | 2024-03-01 | -       | Thời hạn ghi bằng lời "trước ngày 25/03/2024" là ngày 25/03/2024, không khớp với ngày 20/03/2024.
      trong tháng 5                                   | 2025-05-20 | 2025-04-15 | -       | là ngày 31/05/2025, không khớp với ngày 20/05/2025.
      không có hạn                                    | 2024-03-20 | 2024-03-01 | -       | Thời hạn ghi "không có hạn" nhưng lại có ngày 20/03/2024.
      cuối năm                                        | -          | 2023-01-30 | -       | Thời hạn "cuối năm" chỉ ghi kỳ báo cáo, chưa ghi hạn.
      Định kỳ 06 tháng                                | -          | 2023-01-30 | -       | chỉ ghi kỳ báo cáo, chưa ghi hạn.
      hằng quý trước ngày 15                          | -          | 2023-01-30 | Q1/2023 | chưa rõ ngày 15 của tháng nào trong quý
      hằng quý trước ngày 15 của tháng cuối quý       | -          | 2023-01-30 | Y/2023  | áp dụng cho từng quý, không áp dụng cho kỳ Năm 2023.
      theo quy định                                   | -          | 2023-01-30 | -       | tính theo kỳ báo cáo, nhưng chưa có kỳ báo cáo nào để tính.
      15 ngày kể từ ngày ban hành                     | -          | -          | -       | tính từ ngày ban hành kế hoạch, nhưng chưa có ngày đó.
      15 ngày sau khi kết thúc Tháng hành động        | -          | 2023-05-31 | -       | tính từ ngày kết thúc đợt (tháng hành động), nhưng chưa có ngày đó.
      trước ngày 15/3                                 | -          | -          | -       | Thời hạn "trước ngày 15/3" không ghi năm.
      ''                                              | -          | 2023-01-30 | -       | Chưa ghi thời hạn.
      """)
  void refused(String phrase, LocalDate date, LocalDate issued, String period, String expected) {
    DeadlineContext context = context(issued, period, null, true);
    assertThatThrownBy(() -> DeadlineRules.parse(phrase, date).resolve(context))
        .isInstanceOf(DeadlinePhraseException.class).hasMessageContaining(expected);
  }

  @Test
  void aRefusalCarriesTheWordsThatFailed() {
    assertThatThrownBy(() -> DeadlineRules.parse("trước ngày 15/02/2023 hoặc sớm hơn"))
        .isInstanceOfSatisfying(DeadlinePhraseException.class, e -> {
          assertThat(e.unparsed()).isEqualTo("hoặc sớm hơn");
          assertThat(e.phrase()).isEqualTo("trước ngày 15/02/2023 hoặc sớm hơn");
        });
  }

  @Test
  void aRecurringRuleGivesOneDueDatePerQuarter() {
    DeadlineRule rule = DeadlineRules.parse("hằng quý trước ngày 15 của tháng cuối quý");
    assertThat(rule).isInstanceOf(DeadlineRule.Recurring.class);
    DeadlineContext plan = DeadlineContext.of(ROLLING, ND09).issuedOn(LocalDate.of(2023, 1, 30));
    List<LocalDate> due = ((DeadlineRule.Recurring) rule).periods(2023).stream()
        .map(quarter -> rule.resolve(plan.withPeriod(quarter)).orElseThrow().dueDay()).toList();
    assertThat(due).containsExactly(LocalDate.of(2023, 3, 14), LocalDate.of(2023, 6, 14), LocalDate.of(2023, 9, 14),
        LocalDate.of(2023, 12, 14));
  }

  @Test
  void theDueMomentShowsHowItWasReached() {
    // "trước ngày 15/3" in 2026: 15/03 named, exclusive; Saturday 14/03 the last day; due Monday 16/03
    DueMoment due = DeadlineRules.parse("trước ngày 15/3")
        .resolve(DeadlineContext.of(ROLLING, ND09).withReferenceYear(2026)).orElseThrow();
    assertThat(due).isEqualTo(new DueMoment(LocalDate.of(2026, 3, 15), false, LocalDate.of(2026, 3, 14),
        LocalDate.of(2026, 3, 16), OffsetDateTime.parse("2026-03-16T23:59:59+07:00").toInstant()));
  }

  @Test
  void aYearlessPhraseTakesTheYearOfTheDateGivenWithIt() {
    assertThat(DeadlineRules.parse("trước ngày 15/9", LocalDate.of(2024, 9, 15)))
        .isEqualTo(new DeadlineRule.OnDate("trước ngày 15/9", 15, 9, 2024, false));
    assertThat(DeadlineRules.parse("15 ngày kể từ ngày ban hành", LocalDate.of(2024, 3, 20)))
        .as("a rule naming no date: the date wins, the phrase is kept")
        .isEqualTo(new DeadlineRule.ExplicitDate("15 ngày kể từ ngày ban hành", LocalDate.of(2024, 3, 20)));
  }

  static DeadlineContext context(LocalDate issued, String period, String event, boolean rolls) {
    DeadlineContext context = DeadlineContext.of(rolls ? ROLLING : LITERAL, ND09).issuedOn(issued);
    if (period != null) {
      context = context.withPeriod(period(period));
    }
    if (event != null) {
      String[] parts = event.split(" ");
      context = context.withEvent(DeadlineEvent.valueOf(parts[0]), LocalDate.parse(parts[1]));
    }
    return context;
  }

  static ReportPeriod period(String written) {
    String[] parts = written.split("/");
    int year = Integer.parseInt(parts[1]);
    String kind = parts[0];
    return switch (kind.charAt(0)) {
      case 'Q' -> ReportPeriod.quarter(Integer.parseInt(kind.substring(1)), year);
      case 'H' -> new ReportPeriod(ReportPeriod.Kind.HALF_YEAR, Integer.parseInt(kind.substring(1)), year);
      case 'N' -> ReportPeriod.nineMonths(year);
      case 'M' -> ReportPeriod.month(Integer.parseInt(kind.substring(1)), year);
      default -> ReportPeriod.year(year);
    };
  }
}
