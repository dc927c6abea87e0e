package vn.pcmt.calendar;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the deadline phrases plans use (DOMAIN 1.3) into a {@link Deadline}. Deliberately narrow: a phrase it does
 * not know is refused with a message saying how to write it, rather than guessed at, because a wrong guess moves
 * an agency's deadline.
 */
final class DeadlineParser {

  private static final String MONTH = "(?<month>\\d{1,2})";
  private static final String YEAR = "(?<year>\\d{4})";

  /** "trước ngày X": before X, so X itself is late ("trước ngày 15/3" fits the data cut-off on the 14th). */
  private static final String BEFORE = "trước(?: ngày)?";
  /** Phrases whose date is still in time: up to and including it. */
  private static final String UNTIL = "(?:(?:đến|tới) hết ngày|(?:đến|tới) ngày|(?:đến|tới) hết"
      + "|chậm nhất(?: là| vào)?(?: ngày)?|hạn chót(?: là)?(?: ngày)?|trong ngày|vào ngày|ngày)";

  /** 15/02/2023, 15/3, 15-02-2023, 15.02.2023. */
  private static final String NUMERIC_DATE = "(?<day>\\d{1,2})[/.-]" + MONTH + "(?:[/.-]" + YEAR + ")?";
  /** 03 tháng 7 năm 2023, 26 tháng 6 (group names differ from the numeric date's: Java allows no repeats). */
  private static final String WORDED_DATE = "(?<wday>\\d{1,2}) tháng (?<wmonth>\\d{1,2})(?:,? năm (?<wyear>\\d{4}))?";

  private static final Pattern DATE = Pattern.compile(
      "(?<prefix>" + BEFORE + "|" + UNTIL + ")? ?(?:" + NUMERIC_DATE + "|" + WORDED_DATE + ")");
  /** "trong tháng 5 năm 2025", "trong tháng 5/2025", "đến hết tháng 5": the whole month is in time. */
  private static final Pattern MONTH_WINDOW = Pattern.compile(
      "(?:trong |(?:đến|tới) hết )?tháng " + MONTH + "(?:(?:/| năm )" + YEAR + ")?");
  /** "(xong trong quý I/2023)", "trong quý 2 năm 2024": the whole quarter is in time. */
  private static final Pattern QUARTER_WINDOW = Pattern.compile("(?:xong |hoàn thành )?(?:trong |(?:đến|tới) hết )?"
      + "qu[ýí] (?<quarter>iv|i{1,3}|[1-4])(?:(?:/| năm )" + YEAR + ")?");
  /** "trong năm 2025", "đến hết năm 2025". */
  private static final Pattern YEAR_WINDOW = Pattern.compile("(?:trong|(?:đến|tới) hết) năm " + YEAR);

  private static final String EXAMPLES = "\"trước ngày 15/02/2023\", \"trước ngày 15/3\" (năm của kế hoạch), "
      + "\"đến ngày 14/12/2024\", \"03 tháng 7 năm 2023\", \"trong tháng 5 năm 2025\", \"trong quý I/2023\"";

  private DeadlineParser() {
  }

  static Deadline parse(String phrase, Integer planYear) {
    if (phrase == null || phrase.isBlank()) {
      throw new DeadlinePhraseException(phrase, "Chưa ghi thời hạn. Hãy ghi theo một trong các mẫu: " + EXAMPLES
          + ".");
    }
    String text = normalize(phrase);
    Matcher m = DATE.matcher(text);
    if (m.matches()) {
      boolean numeric = m.group("day") != null;
      int day = Integer.parseInt(numeric ? m.group("day") : m.group("wday"));
      int month = Integer.parseInt(numeric ? m.group("month") : m.group("wmonth"));
      int year = year(phrase, numeric ? m.group("year") : m.group("wyear"), planYear);
      boolean before = m.group("prefix") != null && m.group("prefix").startsWith("trước");
      return new Deadline(phrase, date(phrase, year, month, day), !before);
    }
    m = MONTH_WINDOW.matcher(text);
    if (m.matches()) {
      YearMonth month = month(phrase, year(phrase, m.group("year"), planYear), Integer.parseInt(m.group("month")));
      return new Deadline(phrase, month.atEndOfMonth(), true);
    }
    m = QUARTER_WINDOW.matcher(text);
    if (m.matches()) {
      int quarter = quarter(m.group("quarter"));
      YearMonth last = YearMonth.of(year(phrase, m.group("year"), planYear), quarter * 3);
      return new Deadline(phrase, last.atEndOfMonth(), true);
    }
    m = YEAR_WINDOW.matcher(text);
    if (m.matches()) {
      return new Deadline(phrase, LocalDate.of(year(phrase, m.group("year"), planYear), 12, 31), true);
    }
    if (!text.matches(".*\\d.*")) {
      // "thường xuyên", "kịp thời", "theo quy định", "cuối năm": real phrases, but no date to count to
      throw new DeadlinePhraseException(phrase, "Thời hạn \"" + phrase.trim() + "\" không ghi ngày cụ thể. "
          + "Hãy ghi hạn bằng ngày, ví dụ " + EXAMPLES + ".");
    }
    throw new DeadlinePhraseException(phrase, "Không hiểu thời hạn \"" + phrase.trim() + "\". Hãy ghi theo một "
        + "trong các mẫu: " + EXAMPLES + ".");
  }

  /**
   * One spelling for the patterns: composed Unicode (text pasted from Word or a PDF is often decomposed), lower
   * case, no markdown bold or surrounding brackets (S2 has "**trước ngày 03 tháng 7 năm 2023**", S1 "(xong trong
   * quý I/2023)"), single spaces, no space around the separators of a date.
   */
  static String normalize(String phrase) {
    String text = Normalizer.normalize(phrase, Normalizer.Form.NFC).replace('\u00A0', ' ').replace("*", "")
        .toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").trim();
    text = text.replaceAll("[.,;:]+$", "").trim();
    while (text.startsWith("(") && text.endsWith(")")) {
      text = text.substring(1, text.length() - 1).trim();
    }
    return text.replaceAll("(\\d) ?([/.-]) ?(\\d)", "$1$2$3");
  }

  private static int year(String phrase, String written, Integer planYear) {
    if (written == null) {
      if (planYear == null) {
        throw new DeadlinePhraseException(phrase, "Thời hạn \"" + phrase.trim() + "\" không ghi năm. Hãy ghi đủ "
            + "ngày, tháng, năm, ví dụ \"trước ngày 15/3/2023\".");
      }
      return planYear;
    }
    int year = Integer.parseInt(written);
    if (year < LunarCalendar.MIN_YEAR || year > LunarCalendar.MAX_YEAR) {
      throw new DeadlinePhraseException(phrase, "Thời hạn \"" + phrase.trim() + "\" ghi năm " + year
          + ", ngoài khoảng " + LunarCalendar.MIN_YEAR + "–" + LunarCalendar.MAX_YEAR + ".");
    }
    return year;
  }

  private static LocalDate date(String phrase, int year, int month, int day) {
    try {
      return LocalDate.of(year, month, day);
    } catch (DateTimeException e) {
      throw new DeadlinePhraseException(phrase, "Thời hạn \"" + phrase.trim() + "\" ghi ngày không có trên lịch: "
          + String.format("%02d/%02d/%d", day, month, year) + ".");
    }
  }

  private static YearMonth month(String phrase, int year, int month) {
    if (month < 1 || month > 12) {
      throw new DeadlinePhraseException(phrase, "Thời hạn \"" + phrase.trim() + "\" ghi tháng không có: tháng "
          + month + ".");
    }
    return YearMonth.of(year, month);
  }

  private static int quarter(String written) {
    return switch (written) {
      case "i", "1" -> 1;
      case "ii", "2" -> 2;
      case "iii", "3" -> 3;
      default -> 4;
    };
  }
}
