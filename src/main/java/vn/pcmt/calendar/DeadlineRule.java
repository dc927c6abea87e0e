package vn.pcmt.calendar;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A deadline as a plan writes it, understood: a date, a window, a period counted from an event, a recurring day of
 * each period, the reporting regime ("theo quy định"), or no deadline at all. Made by
 * {@link DeadlineRules#parse(String, LocalDate)}; {@link #resolve(DeadlineContext)} turns it into a due moment, which
 * is the end of the last day in time, moved to the next working day when that day is off:
 *
 * <ul>
 *   <li>a date the plan fixes moves only if {@code pcmt.calendar.roll-deadlines-to-working-day} is on (a province may
 *       read fixed dates literally);</li>
 *   <li>a period counted from an event always moves (Bộ luật Dân sự 2015 Art. 148 says so for every period).</li>
 * </ul>
 *
 * <p>Every kind keeps the phrase as written, so officials see the words of their plan beside the date.
 */
public sealed interface DeadlineRule {

  /** The words as written; empty when only a date was given. */
  String phrase();

  /** The due moment in the context; empty only for {@link None}. */
  Optional<DueMoment> resolve(DeadlineContext context);

  /** False only for {@link None}: the task has no due date ("không có hạn"), on purpose. */
  default boolean hasDueDate() {
    return !(this instanceof None);
  }

  /** A date entered as a date: in time up to and including it. The phrase beside it, if any, is kept as written. */
  record ExplicitDate(String phrase, LocalDate date) implements DeadlineRule {
    @Override
    public Optional<DueMoment> resolve(DeadlineContext context) {
      return Optional.of(fixed(context, phrase, date, true));
    }
  }

  /**
   * A date named in words: "trước ngày 15/02/2023" (exclusive: 14/02 is the last day), "đến ngày 14/12/2024",
   * "chậm nhất ngày 20/6/2024", "hạn chót 20/6/2024", "ngày 03 tháng 7 năm 2023" (inclusive).
   *
   * @param year null for "trước ngày 15/3": the context's reference year
   */
  record OnDate(String phrase, int day, int month, Integer year, boolean inclusive) implements DeadlineRule {
    @Override
    public Optional<DueMoment> resolve(DeadlineContext context) {
      return Optional.of(fixed(context, phrase, date(context), inclusive));
    }

    /** The date the words name, in the context's reference year if they name none. */
    public LocalDate date(DeadlineContext context) {
      return date(year != null ? year : context.year(phrase));
    }

    /** The date the words name, in {@code referenceYear} if they name none. */
    public LocalDate date(int referenceYear) {
      return dateOf(phrase, year != null ? year : referenceYear, month, day);
    }
  }

  /**
   * A whole period is in time, up to its last day: "trong tháng 5 năm 2025", "(xong trong quý I/2023)", "6 tháng đầu
   * năm 2025", "trong năm 2025".
   *
   * @param number the month, quarter or half (as {@link ReportPeriod#number()})
   * @param year null for "trong tháng 5": the context's reference year
   */
  record Window(String phrase, ReportPeriod.Kind kind, int number, Integer year) implements DeadlineRule {
    @Override
    public Optional<DueMoment> resolve(DeadlineContext context) {
      return Optional.of(fixed(context, phrase, period(context).end(), true));
    }

    public ReportPeriod period(DeadlineContext context) {
      return period(year != null ? year : context.year(phrase));
    }

    /** The period the words name, in {@code referenceYear} if they name no year. */
    public ReportPeriod period(int referenceYear) {
      return new ReportPeriod(kind, number, year != null ? year : referenceYear);
    }
  }

  /**
   * A period counted from an event: "15 ngày kể từ ngày ban hành", "trong vòng 15 ngày kể từ ngày ban hành", "05 ngày
   * làm việc kể từ ngày nhận được kế hoạch". The event's day is not counted (Art. 147); the last day is in time, and
   * when it is off the period ends on the next working day (Art. 148).
   */
  record AfterEvent(String phrase, int amount, DurationUnit unit, DeadlineEvent event) implements DeadlineRule {
    @Override
    public Optional<DueMoment> resolve(DeadlineContext context) {
      LocalDate from = context.eventDate(event, phrase);
      LocalDate last = inRange(phrase, () -> unit.after(from, amount, context.deadlines().calendar()));
      return Optional.of(counted(context, phrase, last));
    }
  }

  /**
   * A day in each period: "hằng quý trước ngày 15 của tháng cuối quý" (15/3, 15/6, 15/9, 15/12, exclusive), "hằng
   * tháng chậm nhất ngày 20", "hằng năm trước ngày 15/12". Resolved for the context's period.
   *
   * @param month null: the period's last month; else the month (yearly rules)
   */
  record Recurring(String phrase, ReportPeriod.Kind every, int day, Integer month, boolean inclusive)
      implements DeadlineRule {
    @Override
    public Optional<DueMoment> resolve(DeadlineContext context) {
      ReportPeriod period = context.period(phrase);
      if (period.kind() != every) {
        throw new DeadlinePhraseException(phrase, "Thời hạn \"" + phrase.strip() + "\" áp dụng cho từng "
            + every.label() + ", không áp dụng cho kỳ " + period.label() + ".");
      }
      int inMonth = month != null ? month : period.lastMonth();
      return Optional.of(fixed(context, phrase, dateOf(phrase, period.year(), inMonth, day), inclusive));
    }

    /** The periods of a year this rule gives a due date for: the four quarters for "hằng quý". */
    public List<ReportPeriod> periods(int year) {
      return ReportPeriod.all(every, year);
    }
  }

  /**
   * "theo quy định": the reporting regime's due date for the period ({@link ReportingRegime}). The phrase may name the
   * period ("6 tháng đầu năm theo quy định", "hằng năm theo quy định"); what it does not name comes from the context.
   *
   * @param kind null when the phrase names no kind: the context's period
   * @param number null when the phrase names no number: the context period's (or 1 for the year)
   * @param year null when the phrase names no year: the context period's, else the reference year
   */
  record ByRegime(String phrase, ReportPeriod.Kind kind, Integer number, Integer year) implements DeadlineRule {
    @Override
    public Optional<DueMoment> resolve(DeadlineContext context) {
      ReportPeriod period = period(context);
      ReportingRegime regime = context.regime();
      LocalDate due = inRange(phrase,
          () -> regime.sendBy(period, context.deadlines().calendar()));
      return Optional.of(regime.sendsAfterCutOff(period) ? counted(context, phrase, due)
          : fixed(context, phrase, due, true));
    }

    public ReportPeriod period(DeadlineContext context) {
      if (kind == null) {
        return context.period(phrase);
      }
      ReportPeriod given = context.period();
      boolean sameKind = given != null && given.kind() == kind;
      if (number == null && !sameKind && kind.perYear() > 1) {
        // "hằng quý theo quy định" with no quarter to resolve it for
        throw new DeadlinePhraseException(phrase, "Thời hạn \"" + phrase.strip() + "\" tính theo từng "
            + kind.label() + ", nhưng chưa rõ " + kind.label() + " nào"
            + (given == null ? "." : " (kỳ báo cáo là " + given.label() + ")."));
      }
      int n = number != null ? number : sameKind ? given.number() : 1;
      int y = year != null ? year : sameKind ? given.year() : context.year(phrase);
      return new ReportPeriod(kind, n, y);
    }
  }

  /** No due date, on purpose: "không có hạn", "thường xuyên", "kịp thời", "từ ngày 15/12/2024 trở đi". */
  record None(String phrase) implements DeadlineRule {
    @Override
    public Optional<DueMoment> resolve(DeadlineContext context) {
      return Optional.empty();
    }
  }

  /** A date the plan fixes: rolled to a working day only if the deployment rolls fixed dates. */
  private static DueMoment fixed(DeadlineContext context, String phrase, LocalDate date, boolean inclusive) {
    LocalDate last = inclusive ? date : date.minusDays(1);
    Deadlines deadlines = context.deadlines();
    LocalDate due = inRange(phrase, () -> deadlines.dueDate(last));
    return new DueMoment(date, inclusive, last, due, deadlines.endOf(due).toInstant());
  }

  /** The last day of a counted period: always rolled (Art. 148). */
  private static DueMoment counted(DeadlineContext context, String phrase, LocalDate last) {
    Deadlines deadlines = context.deadlines();
    LocalDate due = inRange(phrase, () -> deadlines.nextWorkingDay(last));
    return new DueMoment(last, true, last, due, deadlines.endOf(due).toInstant());
  }

  private static LocalDate dateOf(String phrase, int year, int month, int day) {
    try {
      return LocalDate.of(year, month, day);
    } catch (DateTimeException e) {
      throw new DeadlinePhraseException(phrase, "Thời hạn \"" + phrase.strip() + "\" ghi ngày không có trên lịch: "
          + String.format("%02d/%02d/%d", day, month, year) + ".");
    }
  }

  /** A computation the working-day calendar refuses (a year past 2199) becomes a refusal the official can read. */
  private static LocalDate inRange(String phrase, Supplier<LocalDate> day) {
    LocalDate result;
    try {
      result = day.get();
    } catch (DeadlinePhraseException e) {
      throw e;
    } catch (IllegalArgumentException | DateTimeException | ArithmeticException e) {
      result = null;
    }
    if (result == null || DeadlineRules.dateProblem(result) != null) {
      throw new DeadlinePhraseException(phrase, "Thời hạn " + (phrase.isBlank() ? "" : "\"" + phrase.strip() + "\" ")
          + "rơi ra ngoài khoảng lịch làm việc hỗ trợ (" + DeadlineRules.supportedRange() + ").");
    }
    return result;
  }
}
