package vn.pcmt.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * The entry point for deadlines as plans write them: {@link #parse(String, LocalDate)} reads a phrase, with or
 * without the date a form gave beside it, into a {@link DeadlineRule}; the rule's
 * {@link DeadlineRule#resolve(DeadlineContext)} gives the due moment. docs/plans.md ("Deadlines as written") lists
 * every accepted form.
 *
 * <p>The rules between a phrase and a date given with it:
 * <ul>
 *   <li>only a date: an {@link DeadlineRule.ExplicitDate}, in time up to and including it;</li>
 *   <li>a phrase that names a date ("trước ngày 15/3", "trong tháng 5"): the date must be the one the phrase names
 *       (the phrase's year taken from the date when it names none), else refused; the phrase says whether the day
 *       is in time;</li>
 *   <li>a phrase that cannot be understood, or names no date ("theo quy định", "15 ngày kể từ ngày ban hành",
 *       "thường xuyên"): the date wins, the phrase is kept as written;</li>
 *   <li>"không có hạn" with a date: refused, they contradict each other;</li>
 *   <li>no date: the phrase alone, refused with the words that failed if it cannot be understood.</li>
 * </ul>
 */
public final class DeadlineRules {

  private static final DateTimeFormatter VN_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private DeadlineRules() {
  }

  /** A phrase alone: "trước ngày 15/02/2023", "trong vòng 15 ngày kể từ ngày ban hành", "theo quy định", ... */
  public static DeadlineRule parse(String phrase) {
    return parse(phrase, null);
  }

  /**
   * A phrase, a date, or both, as a registration form gives them.
   *
   * @param phrase the words as written (may be null or blank when a date is given)
   * @param explicitDate the date entered beside it (may be null)
   * @throws DeadlinePhraseException with a Vietnamese message quoting the words that failed, or naming the
   *     contradiction
   */
  public static DeadlineRule parse(String phrase, LocalDate explicitDate) {
    if (explicitDate != null) {
      String problem = dateProblem(explicitDate);
      if (problem != null) {
        throw new DeadlinePhraseException(phrase, problem);
      }
    }
    PhraseText text = PhraseText.of(phrase == null ? "" : phrase);
    if (text.isBlank()) {
      if (explicitDate != null) {
        return new DeadlineRule.ExplicitDate(phrase == null ? "" : phrase, explicitDate);
      }
      throw new DeadlinePhraseException(phrase, "Chưa ghi thời hạn. Hãy ghi ngày, hoặc ghi theo một trong các mẫu: "
          + DeadlineGrammar.EXAMPLES + ".");
    }
    DeadlineRule rule;
    try {
      rule = DeadlineGrammar.read(text);
    } catch (DeadlinePhraseException e) {
      if (explicitDate != null && e.unparsed() != null) {
        // words the grammar cannot read beside a date: the date is what the official meant
        return new DeadlineRule.ExplicitDate(phrase, explicitDate);
      }
      throw e;
    }
    return explicitDate == null ? rule : agree(rule, text, explicitDate);
  }

  /** The rule when it agrees with the date given beside it; the phrase's year-less date takes the date's year. */
  private static DeadlineRule agree(DeadlineRule rule, PhraseText text, LocalDate date) {
    String phrase = text.written();
    LocalDate named = null;
    DeadlineRule completed = rule;
    if (rule instanceof DeadlineRule.OnDate d) {
      named = d.date(date.getYear());
      completed = new DeadlineRule.OnDate(phrase, d.day(), d.month(), named.getYear(), d.inclusive());
    } else if (rule instanceof DeadlineRule.Window w) {
      ReportPeriod period = w.period(date.getYear());
      named = period.end();
      completed = new DeadlineRule.Window(phrase, w.kind(), w.number(), period.year());
    } else if (rule instanceof DeadlineRule.None && text.folded().startsWith("khong")) {
      throw new DeadlinePhraseException(phrase, "Thời hạn ghi \"" + phrase.strip() + "\" nhưng lại có ngày "
          + VN_DATE.format(date) + ". Hãy bỏ ngày, hoặc ghi thời hạn theo ngày đó.");
    }
    if (named == null) {
      // the words name no date of their own ("theo quy định", "15 ngày kể từ ngày ban hành"): the date wins
      return new DeadlineRule.ExplicitDate(phrase, date);
    }
    if (!named.equals(date)) {
      throw new DeadlinePhraseException(phrase, "Thời hạn ghi bằng lời \"" + phrase.strip() + "\" là ngày "
          + VN_DATE.format(named) + ", không khớp với ngày " + VN_DATE.format(date) + ".");
    }
    return completed;
  }

  /**
   * Why a date cannot be a deadline, in Vietnamese, or null: the working-day calendar (and the lunar calendar under
   * it) covers 1800–2199 only, so 31/12/9999 is refused here rather than failing when a task is created.
   */
  public static String dateProblem(LocalDate date) {
    if (date != null && (date.getYear() < LunarCalendar.MIN_YEAR || date.getYear() > LunarCalendar.MAX_YEAR)) {
      return "Ngày " + VN_DATE.format(date) + " nằm ngoài khoảng lịch làm việc hỗ trợ (" + supportedRange() + ").";
    }
    return null;
  }

  static String supportedRange() {
    return LunarCalendar.MIN_YEAR + "–" + LunarCalendar.MAX_YEAR;
  }

  static void checkYear(String phrase, int year) {
    if (year < LunarCalendar.MIN_YEAR || year > LunarCalendar.MAX_YEAR) {
      throw new DeadlinePhraseException(phrase, "Thời hạn \"" + phrase.strip() + "\" ghi năm " + year
          + ", ngoài khoảng lịch làm việc hỗ trợ (" + supportedRange() + ").");
    }
  }

  static void checkInRange(String phrase, LocalDate date) {
    String problem = dateProblem(date);
    if (problem != null) {
      throw new DeadlinePhraseException(phrase, problem);
    }
  }
}
