package vn.pcmt.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.Normalizer;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** The seeds' deadline phrases (DOMAIN 1.3) keep their meaning. */
class DeadlineTest {

  @Test
  void beforeADateMeansTheDayBefore() {
    Deadline deadline = Deadline.parse("trước ngày 15/02/2023");
    assertThat(deadline).isEqualTo(new Deadline("trước ngày 15/02/2023", LocalDate.of(2023, 2, 15), false));
    assertThat(deadline.lastDay()).isEqualTo(LocalDate.of(2023, 2, 14));
  }

  @Test
  void aDateWithoutYearTakesThePlansYear() {
    Deadline deadline = Deadline.parse("trước ngày 15/3", 2023);
    assertThat(deadline.date()).isEqualTo(LocalDate.of(2023, 3, 15));
    assertThat(deadline.lastDay()).isEqualTo(LocalDate.of(2023, 3, 14));
    assertThat(Deadline.parse("(ngày 26 tháng 6)", 2023))
        .isEqualTo(new Deadline("(ngày 26 tháng 6)", LocalDate.of(2023, 6, 26), true));
  }

  @Test
  void aDateWithoutYearAndWithoutPlanIsRefused() {
    assertThatThrownBy(() -> Deadline.parse("trước ngày 15/3")).isInstanceOf(DeadlinePhraseException.class)
        .hasMessage("Thời hạn \"trước ngày 15/3\" không ghi năm. Hãy ghi đủ ngày, tháng, năm, ví dụ "
            + "\"trước ngày 15/3/2023\".");
  }

  @Test
  void aDateInWords() {
    assertThat(Deadline.parse("03 tháng 7 năm 2023"))
        .isEqualTo(new Deadline("03 tháng 7 năm 2023", LocalDate.of(2023, 7, 3), true));
    // S2 verbatim, bold in the source
    Deadline s2 = Deadline.parse("**trước ngày 03 tháng 7 năm 2023**");
    assertThat(s2.date()).isEqualTo(LocalDate.of(2023, 7, 3));
    assertThat(s2.lastDay()).isEqualTo(LocalDate.of(2023, 7, 2));
    assertThat(s2.phrase()).isEqualTo("**trước ngày 03 tháng 7 năm 2023**");
  }

  @Test
  void withinAMonthMeansUntilItsLastDay() {
    assertThat(Deadline.parse("trong tháng 5 năm 2025"))
        .isEqualTo(new Deadline("trong tháng 5 năm 2025", LocalDate.of(2025, 5, 31), true));
    assertThat(Deadline.parse("trong tháng 5/2025").lastDay()).isEqualTo(LocalDate.of(2025, 5, 31));
    assertThat(Deadline.parse("trong tháng 2", 2024).lastDay()).isEqualTo(LocalDate.of(2024, 2, 29));
  }

  @Test
  void untilADateIncludesIt() {
    assertThat(Deadline.parse("đến ngày 14/12/2024"))
        .isEqualTo(new Deadline("đến ngày 14/12/2024", LocalDate.of(2024, 12, 14), true));
    assertThat(Deadline.parse("chậm nhất ngày 20/6/2024").lastDay()).isEqualTo(LocalDate.of(2024, 6, 20));
  }

  @Test
  void withinAQuarterOrAYear() {
    assertThat(Deadline.parse("(xong trong quý I/2023)").lastDay()).isEqualTo(LocalDate.of(2023, 3, 31));
    assertThat(Deadline.parse("trong quý III", 2024).lastDay()).isEqualTo(LocalDate.of(2024, 9, 30));
    assertThat(Deadline.parse("trong năm 2025").lastDay()).isEqualTo(LocalDate.of(2025, 12, 31));
  }

  @Test
  void spellingVariantsReadTheSame() {
    LocalDate expected = LocalDate.of(2023, 2, 14);
    assertThat(Deadline.parse("Trước ngày 15/02/2023.").lastDay()).isEqualTo(expected);
    assertThat(Deadline.parse("trước  ngày\u00A015 / 02 / 2023").lastDay()).isEqualTo(expected);
    // pasted from a PDF: decomposed accents
    String decomposed = Normalizer.normalize("trước ngày 15/02/2023", Normalizer.Form.NFD);
    assertThat(decomposed).isNotEqualTo("trước ngày 15/02/2023");
    assertThat(Deadline.parse(decomposed).lastDay()).isEqualTo(expected);
  }

  @Test
  void phrasesWithoutADateGetAVietnameseExplanation() {
    assertThatThrownBy(() -> Deadline.parse("thường xuyên")).isInstanceOf(DeadlinePhraseException.class)
        .hasMessageStartingWith("Thời hạn \"thường xuyên\" không ghi ngày cụ thể. Hãy ghi hạn bằng ngày, ví dụ "
            + "\"trước ngày 15/02/2023\"");
    assertThatThrownBy(() -> Deadline.parse("   ")).hasMessageStartingWith("Chưa ghi thời hạn.");
    assertThatThrownBy(() -> Deadline.parse(null)).hasMessageStartingWith("Chưa ghi thời hạn.");
  }

  @Test
  void unknownPhrasesAndImpossibleDatesAreRefused() {
    assertThatThrownBy(() -> Deadline.parse("sau ngày 15/02/2023")).isInstanceOf(DeadlinePhraseException.class)
        .hasMessageStartingWith("Không hiểu \"sau\" trong thời hạn \"sau ngày 15/02/2023\". Hãy ghi theo một trong "
            + "các mẫu: ");
    assertThatThrownBy(() -> Deadline.parse("trước ngày 30/02/2023"))
        .hasMessage("Thời hạn \"trước ngày 30/02/2023\" ghi ngày không có trên lịch: 30/02/2023.");
    assertThatThrownBy(() -> Deadline.parse("trong tháng 13 năm 2025"))
        .hasMessage("Thời hạn \"trong tháng 13 năm 2025\" ghi tháng không có: tháng 13.");
    DeadlinePhraseException e = org.junit.jupiter.api.Assertions.assertThrows(DeadlinePhraseException.class,
        () -> Deadline.parse("quý V/2023"));
    assertThat(e.phrase()).isEqualTo("quý V/2023");
  }
}
