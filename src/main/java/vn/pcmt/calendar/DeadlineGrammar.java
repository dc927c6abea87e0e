package vn.pcmt.calendar;

import java.time.DateTimeException;
import java.time.MonthDay;
import java.util.List;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The deadline phrases plans write (DOMAIN 1.3), read from the folded text of {@link PhraseText} (lower case, no
 * diacritics). A phrase is an optional period label ("Quý I", "06 tháng", "hằng năm") followed by one form; each form
 * is a pattern that must match the whole rest. When none does, the refusal quotes the words no form could read:
 * what is left after the longest form that matched from the start, or what lies around a form found further in.
 * Deliberately narrow: a phrase it does not know is refused, not guessed at, because a wrong guess moves an
 * agency's deadline.
 */
final class DeadlineGrammar {

  static final String EXAMPLES = "\"trước ngày 15/02/2023\", \"trước ngày 15/3\" (năm của kế hoạch), \"đến ngày "
      + "14/12/2024\", \"chậm nhất ngày 20/6/2024\", \"03 tháng 7 năm 2023\", \"trong tháng 5 năm 2025\", \"trong quý "
      + "I/2023\", \"trong vòng 15 ngày kể từ ngày ban hành\", \"hằng quý trước ngày 15 của tháng cuối quý\", \"theo "
      + "quy định\", \"không có hạn\"";

  private static final String LEAD = "(?:(?:thoi han|han|xong|hoan thanh) )?";
  /** "trước" makes the named day late; every other word keeps it in time. */
  private static final String PREFIX = "truoc|(?:den|toi)(?: het)?|cham nhat(?: la| vao)?|han chot(?: la)?|trong|vao";
  private static final String YEAR = "(?<y>\\d+)";
  private static final String QUARTER = "(?<q>iv|iii|ii|i|[1-4])";

  /** "15/02/2023", "3-7-2023", "15/3", "ngày 03 tháng 7 năm 2023", "26 tháng 6"; groups named after {@code p}. */
  private static String date(String p) {
    return "(?:ngay )?(?:(?<" + p + "d>\\d{1,2})[/.-](?<" + p + "m>\\d{1,2})(?:[/.-](?<" + p + "y>\\d+))?"
        + "|(?<" + p + "wd>\\d{1,2}) thang (?<" + p + "wm>\\d{1,2})(?: nam (?<" + p + "wy>\\d+))?)";
  }

  private static final String EVENT = "(?:(?:ngay|khi|thoi diem) )?(?:"
      + "(?<issue>(?:ke hoach (?:duoc )?)?(?:ban hanh|ky)(?: ke hoach| van ban)?(?: nay)?)"
      + "|(?<receipt>nhan(?: duoc)?(?: ke hoach| van ban)?(?: nay)?)"
      + "|(?<periodend>(?:ket thuc|het) ky bao cao)"
      + "|(?<campaign>ket thuc(?: thang hanh dong(?: phong chong ma tuy)?| dot cao diem| chien dich| dot"
      + "| giai doan)?)"
      + "|(?<cutoff>chot so lieu))";

  /**
   * A period named before the deadline: "Quý I (trước ngày 15/3)", "06 tháng theo quy định", "hằng năm ...", "báo cáo
   * quý ...".
   */
  private static final Pattern LABEL = Pattern.compile("(?:bao cao )?(?:dinh ky )?(?:"
      + "(?:hang|bao cao) (?<every>quy|thang|nam)"
      + "|quy (?<lq>iv|iii|ii|i|[1-4])(?:(?:/|-| nam )(?<lqy>\\d+))?"
      + "|0?6 thang(?: (?<lh>dau|cuoi) nam)?(?: (?<lhy>\\d{4}))?"
      + "|0?9 thang(?: dau nam)?(?: (?<lny>\\d{4}))?"
      + "|(?:0?1 nam|ca nam|cuoi nam|nam)(?: (?<lyy>\\d{4}))?"
      + "|thang (?<lm>\\d{1,2})(?:(?:/|-| nam )(?<lmy>\\d+))?)(?= |$)");

  private record Form(Pattern pattern, Pattern anywhere, BiFunction<Matcher, String, DeadlineRule> build) {
    static Form of(String regex, BiFunction<Matcher, String, DeadlineRule> build) {
      return new Form(Pattern.compile("(?:" + regex + ")(?= |$)"),
          Pattern.compile("(?<![^ ])(?:" + regex + ")(?= |$)"), build);
    }
  }

  private static final List<Form> FORMS = List.of(
      Form.of("khong (?:co )?(?:thoi )?han|khong (?:quy dinh|ghi|dat) (?:thoi )?han|thuong xuyen(?: lien tuc)?"
          + "|kip thoi|lien tuc|tu " + date("z") + " tro di", (m, phrase) -> new DeadlineRule.None(phrase)),
      Form.of("(?:bao cao )?theo (?:quy dinh|che do bao cao)(?: (?:cua phap luat|hien hanh))?"
          + "(?: (?:tai )?nghi dinh (?:so )?09/2019/nd-cp)?|(?:bao cao )?theo nghi dinh (?:so )?09/2019/nd-cp",
          (m, phrase) -> new DeadlineRule.ByRegime(phrase, null, null, null)),
      Form.of(LEAD + "(?:tu (?:(?:khi|sau khi) (?:ban hanh|ky)(?: ke hoach)?|" + date("f") + ") )?"
          + "(?:(?<pre>" + PREFIX + ") )?" + date("a"), DeadlineGrammar::onDate),
      Form.of(LEAD + "(?:(?:trong|(?:den|toi) het|ngay trong) )?thang (?<m>\\d{1,2})(?:(?:/|-| nam )" + YEAR + ")?",
          (m, phrase) -> window(phrase, ReportPeriod.Kind.MONTH, month(phrase, m.group("m")), m.group("y"))),
      Form.of(LEAD + "(?:(?:trong|(?:den|toi) het) )?quy " + QUARTER + "(?:(?:/|-| nam )" + YEAR + ")?",
          (m, phrase) -> window(phrase, ReportPeriod.Kind.QUARTER, quarter(m.group("q")), m.group("y"))),
      Form.of(LEAD + "(?:(?:trong|(?:den|toi) het) )?(?:0?(?<six>6) thang (?<h>dau|cuoi)|0?9 thang dau) nam"
          + "(?: " + YEAR + ")?", (m, phrase) -> m.group("six") == null
              ? window(phrase, ReportPeriod.Kind.NINE_MONTHS, 1, m.group("y"))
              : window(phrase, ReportPeriod.Kind.HALF_YEAR, "dau".equals(m.group("h")) ? 1 : 2, m.group("y"))),
      Form.of(LEAD + "(?:(?:ngay trong|trong|(?:den|toi)(?: het)?) )?nam " + YEAR,
          (m, phrase) -> window(phrase, ReportPeriod.Kind.YEAR, 1, m.group("y"))),
      Form.of(LEAD + "(?:(?:trong(?: vong| thoi han| thoi gian)?|cham nhat(?: la)?|khong qua) )?(?<n>\\d{1,5}) "
          + "(?<u>ngay lam viec|ngay|tuan|thang|nam) (?:ke tu|tinh tu|sau khi|sau|tu) " + EVENT,
          DeadlineGrammar::afterEvent),
      Form.of("(?:dinh ky )?hang (?<every>quy|thang|nam)(?: (?:bao cao|gui bao cao))? (?:(?<pre>" + PREFIX + ") )?"
          + "ngay (?<d>\\d{1,2})(?:(?: cua)? thang cuoi (?<last>quy|ky)|(?:/|-| thang )(?<m>\\d{1,2}))?",
          DeadlineGrammar::recurring));

  private DeadlineGrammar() {
  }

  /** The rule the phrase states, or a refusal quoting the words that failed. */
  static DeadlineRule read(PhraseText text) {
    String folded = text.folded();
    String phrase = text.written();
    DeadlineRule whole = form(folded, 0, phrase);
    if (whole != null) {
      return whole;
    }
    Matcher label = LABEL.matcher(folded);
    int rest = label.lookingAt() ? label.end() + 1 : -1;
    if (rest > 0 && rest <= folded.length()) {
      DeadlineRule labelled = form(folded, rest, phrase);
      if (labelled != null) {
        return withLabel(labelled, label, phrase);
      }
    } else if (rest > folded.length()) {
      throw new DeadlinePhraseException(phrase, text.display(), "Thời hạn \"" + phrase.strip() + "\" chỉ ghi kỳ "
          + "báo cáo, chưa ghi hạn. Hãy ghi thêm ngày, ví dụ \"Quý I (trước ngày 15/3)\", hoặc \"" + text.display()
          + " theo quy định\" để lấy hạn theo chế độ báo cáo.");
    }
    throw notUnderstood(text, rest);
  }

  private static DeadlineRule form(String folded, int from, String phrase) {
    for (Form form : FORMS) {
      Matcher m = form.pattern().matcher(folded).region(from, folded.length());
      if (m.matches()) {
        return form.build().apply(m, phrase);
      }
    }
    return null;
  }

  /** The words no form could read, quoted from the display text. */
  private static DeadlinePhraseException notUnderstood(PhraseText text, int afterLabel) {
    String folded = text.folded();
    int longest = -1;
    for (int start : afterLabel > 0 ? new int[] {0, afterLabel} : new int[] {0}) {
      for (Form form : FORMS) {
        Matcher m = form.pattern().matcher(folded).region(start, folded.length());
        if (m.lookingAt() && m.end() > start) {
          longest = Math.max(longest, m.end());
        }
      }
    }
    if (longest > 0) {
      return refusal(text, text.words(longest, folded.length()));
    }
    int foundAt = folded.length();
    int foundEnd = folded.length();
    for (Form form : FORMS) {
      Matcher m = form.anywhere().matcher(folded);
      if (m.find(Math.max(afterLabel, 0)) && (m.start() < foundAt || m.start() == foundAt && m.end() > foundEnd)) {
        foundAt = m.start();
        foundEnd = m.end();
      }
    }
    if (foundAt < folded.length()) {
      String before = text.words(Math.max(afterLabel, 0), foundAt);
      String after = text.words(foundEnd, folded.length());
      return refusal(text, before.isEmpty() ? after : after.isEmpty() ? before : before + "\" và \"" + after);
    }
    if (afterLabel > 0) {
      return refusal(text, text.words(afterLabel, folded.length()));
    }
    return new DeadlinePhraseException(text.written(), text.display(), "Không hiểu thời hạn \""
        + text.written().strip() + "\". Hãy ghi theo một trong các mẫu: " + EXAMPLES + ".");
  }

  private static DeadlinePhraseException refusal(PhraseText text, String unparsed) {
    return new DeadlinePhraseException(text.written(), unparsed, "Không hiểu \"" + unparsed + "\" trong thời hạn \""
        + text.written().strip() + "\". Hãy ghi theo một trong các mẫu: " + EXAMPLES + ".");
  }

  private static DeadlineRule onDate(Matcher m, String phrase) {
    boolean numeric = m.group("ad") != null;
    int day = Integer.parseInt(numeric ? m.group("ad") : m.group("awd"));
    int month = month(phrase, numeric ? m.group("am") : m.group("awm"));
    Integer year = year(phrase, numeric ? m.group("ay") : m.group("awy"));
    String pre = m.group("pre");
    DeadlineRule.OnDate rule = new DeadlineRule.OnDate(phrase, day, month, year, pre == null || !pre.equals("truoc"));
    if (year != null) {
      rule.date(year);
    } else {
      try {
        MonthDay.of(month, day);
      } catch (DateTimeException e) {
        throw new DeadlinePhraseException(phrase, "Thời hạn \"" + phrase.strip() + "\" ghi ngày không có trên lịch: "
            + String.format("%02d/%02d", day, month) + ".");
      }
    }
    return rule;
  }

  private static DeadlineRule window(String phrase, ReportPeriod.Kind kind, int number, String year) {
    return new DeadlineRule.Window(phrase, kind, number, year(phrase, year));
  }

  private static DeadlineRule afterEvent(Matcher m, String phrase) {
    int amount = Integer.parseInt(m.group("n"));
    if (amount == 0) {
      throw new DeadlinePhraseException(phrase, "Thời hạn \"" + phrase.strip() + "\" ghi 0 ngày: hãy ghi số ngày "
          + "lớn hơn 0.");
    }
    DurationUnit unit = switch (m.group("u")) {
      case "ngay lam viec" -> DurationUnit.WORKING_DAYS;
      case "ngay" -> DurationUnit.DAYS;
      case "tuan" -> DurationUnit.WEEKS;
      case "thang" -> DurationUnit.MONTHS;
      default -> DurationUnit.YEARS;
    };
    DeadlineEvent event = m.group("issue") != null ? DeadlineEvent.ISSUE
        : m.group("receipt") != null ? DeadlineEvent.RECEIPT
        : m.group("periodend") != null ? DeadlineEvent.PERIOD_END
        : m.group("campaign") != null ? DeadlineEvent.CAMPAIGN_END
        : DeadlineEvent.DATA_CUT_OFF;
    return new DeadlineRule.AfterEvent(phrase, amount, unit, event);
  }

  private static DeadlineRule recurring(Matcher m, String phrase) {
    ReportPeriod.Kind every = kind(m.group("every"));
    int day = Integer.parseInt(m.group("d"));
    Integer month = m.group("m") == null ? null : month(phrase, m.group("m"));
    boolean lastMonth = m.group("last") != null;
    String problem = null;
    if (every == ReportPeriod.Kind.QUARTER && !lastMonth) {
      problem = "chưa rõ ngày " + day + " của tháng nào trong quý. Hãy ghi, ví dụ, \"hằng quý trước ngày " + day
          + " của tháng cuối quý\".";
    } else if (every == ReportPeriod.Kind.YEAR && month == null) {
      problem = "chưa rõ tháng. Hãy ghi, ví dụ, \"hằng năm trước ngày " + day + "/12\".";
    } else if (every == ReportPeriod.Kind.MONTH && (month != null || lastMonth)
        || every == ReportPeriod.Kind.QUARTER && month != null) {
      problem = "vừa ghi hằng " + every.label() + " vừa ghi một tháng cố định.";
    } else if (day < 1 || day > (month != null ? MonthDay.of(month, 1).getMonth().minLength()
        : every == ReportPeriod.Kind.QUARTER ? 30 : 28)) {
      // 30 for the last months of quarters (31/3, 30/6, 30/9, 31/12), 28 for every month, 28/2 for a year's February
      problem = "ghi ngày " + day + ", không có trong mọi kỳ.";
    }
    if (problem != null) {
      throw new DeadlinePhraseException(phrase, "Thời hạn \"" + phrase.strip() + "\" " + problem);
    }
    String pre = m.group("pre");
    return new DeadlineRule.Recurring(phrase, every, day, month, pre == null || !pre.equals("truoc"));
  }

  /** A label's period completes the form after it: "06 tháng theo quy định", "Quý I/2024 (trước ngày 15/3)". */
  private static DeadlineRule withLabel(DeadlineRule rule, Matcher label, String phrase) {
    ReportPeriod.Kind kind;
    Integer number = null;
    String year;
    if (label.group("every") != null) {
      kind = kind(label.group("every"));
      year = null;
    } else if (label.group("lq") != null) {
      kind = ReportPeriod.Kind.QUARTER;
      number = quarter(label.group("lq"));
      year = label.group("lqy");
    } else if (label.group("lm") != null) {
      kind = ReportPeriod.Kind.MONTH;
      number = month(phrase, label.group("lm"));
      year = label.group("lmy");
    } else if (label.group(0).contains("6 thang")) {
      kind = ReportPeriod.Kind.HALF_YEAR;
      number = "cuoi".equals(label.group("lh")) ? 2 : 1;
      year = label.group("lhy");
    } else if (label.group(0).contains("9 thang")) {
      kind = ReportPeriod.Kind.NINE_MONTHS;
      number = 1;
      year = label.group("lny");
    } else {
      kind = ReportPeriod.Kind.YEAR;
      number = 1;
      year = label.group("lyy");
    }
    Integer labelYear = year(phrase, year);
    if (rule instanceof DeadlineRule.ByRegime) {
      return new DeadlineRule.ByRegime(phrase, kind, number, labelYear);
    }
    if (labelYear != null && rule instanceof DeadlineRule.OnDate d && d.year() == null) {
      return new DeadlineRule.OnDate(phrase, d.day(), d.month(), labelYear, d.inclusive());
    }
    if (labelYear != null && rule instanceof DeadlineRule.Window w && w.year() == null) {
      return new DeadlineRule.Window(phrase, w.kind(), w.number(), labelYear);
    }
    return rule;
  }

  private static ReportPeriod.Kind kind(String every) {
    return switch (every) {
      case "quy" -> ReportPeriod.Kind.QUARTER;
      case "thang" -> ReportPeriod.Kind.MONTH;
      default -> ReportPeriod.Kind.YEAR;
    };
  }

  private static int quarter(String written) {
    return switch (written) {
      case "i", "1" -> 1;
      case "ii", "2" -> 2;
      case "iii", "3" -> 3;
      default -> 4;
    };
  }

  private static int month(String phrase, String written) {
    int month = Integer.parseInt(written);
    if (month < 1 || month > 12) {
      throw new DeadlinePhraseException(phrase, "Thời hạn \"" + phrase.strip() + "\" ghi tháng không có: tháng "
          + month + ".");
    }
    return month;
  }

  /** A written year, within the working-day calendar's range; null when none is written. */
  private static Integer year(String phrase, String written) {
    if (written == null) {
      return null;
    }
    if (written.length() != 4) {
      throw new DeadlinePhraseException(phrase, "Thời hạn \"" + phrase.strip() + "\" ghi năm " + written
          + ": hãy ghi năm đủ 4 chữ số, ví dụ 2023.");
    }
    int year = Integer.parseInt(written);
    DeadlineRules.checkYear(phrase, year);
    return year;
  }
}
