package vn.pcmt.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A deadline as a plan words it, kept with its meaning: "trước ngày 15/02/2023" is met on 14/02 and late on 15/02,
 * "đến ngày 14/12/2024" is met on 14/12. Store all three parts, so the text officials read and the date the code
 * counts with cannot drift apart.
 *
 * @param phrase the words as written ("trước ngày 15/3")
 * @param date the date as written (15/03 of the plan's year); for "trong tháng 5 năm 2025" the month's last day
 * @param inclusive whether that date itself is still in time: false for "trước ngày X" (before X), true otherwise
 */
public record Deadline(String phrase, LocalDate date, boolean inclusive) {

  public Deadline {
    Objects.requireNonNull(phrase, "phrase");
    Objects.requireNonNull(date, "date");
  }

  /** The last day a delivery is in time, before any roll to a working day ({@link Deadlines#dueAt(Deadline)}). */
  public LocalDate lastDay() {
    return inclusive ? date : date.minusDays(1);
  }

  /**
   * Reads a phrase that names a date: "trước ngày 15/02/2023", "trước ngày 15/3" (the plan's year), "03 tháng 7 năm
   * 2023", "trong tháng 5 năm 2025", "trong quý I/2023", "đến ngày 14/12/2024". The other forms
   * ({@link DeadlineRules}) name no date of their own and are refused here.
   *
   * @param planYear the year a phrase without one means: the year of the plan's issue
   * @throws DeadlinePhraseException with a Vietnamese message for the official, if the phrase names no date
   */
  public static Deadline parse(String phrase, int planYear) {
    return of(phrase, planYear);
  }

  /** As {@link #parse(String, int)}, for a phrase that must name its year. */
  public static Deadline parse(String phrase) {
    return of(phrase, null);
  }

  private static Deadline of(String phrase, Integer planYear) {
    DeadlineRule rule = DeadlineRules.parse(phrase);
    if (rule instanceof DeadlineRule.OnDate d) {
      return new Deadline(phrase, d.date(year(phrase, d.year(), planYear)), d.inclusive());
    }
    if (rule instanceof DeadlineRule.Window w) {
      return new Deadline(phrase, w.period(year(phrase, w.year(), planYear)).end(), true);
    }
    throw new DeadlinePhraseException(phrase, "Thời hạn \"" + phrase.strip() + "\" không ghi ngày cụ thể. Hãy ghi "
        + "hạn bằng ngày, ví dụ " + DeadlineGrammar.EXAMPLES + ".");
  }

  private static int year(String phrase, Integer written, Integer planYear) {
    if (written != null) {
      return written;
    }
    if (planYear == null) {
      throw new DeadlinePhraseException(phrase, "Thời hạn \"" + phrase.strip() + "\" không ghi năm. Hãy ghi đủ "
          + "ngày, tháng, năm, ví dụ \"trước ngày 15/3/2023\".");
    }
    return planYear;
  }
}
