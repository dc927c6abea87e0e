package vn.pcmt.calendar;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a deadline rule needs to become a date: the calendar and its roll setting, the reporting regime, and the
 * plan's facts (its issue date, the year a year-less phrase means, the period a report is for, the dates of events
 * a relative deadline counts from). Built with {@link #of} and the {@code with...} methods; each returns a new
 * context.
 *
 * @param referenceYear the year "trước ngày 15/3" or "trong tháng 5" means; the issue date's year when null
 */
public record DeadlineContext(Deadlines deadlines, ReportingRegime regime, LocalDate issueDate, Integer referenceYear,
    ReportPeriod period, Map<DeadlineEvent, LocalDate> events) {

  public DeadlineContext {
    Objects.requireNonNull(deadlines, "deadlines");
    Objects.requireNonNull(regime, "regime");
    events = Map.copyOf(events == null ? Map.of() : events);
  }

  public static DeadlineContext of(Deadlines deadlines, ReportingRegime regime) {
    return new DeadlineContext(deadlines, regime, null, null, null, Map.of());
  }

  public DeadlineContext issuedOn(LocalDate date) {
    return new DeadlineContext(deadlines, regime, date, referenceYear, period, events);
  }

  public DeadlineContext withReferenceYear(int year) {
    return new DeadlineContext(deadlines, regime, issueDate, year, period, events);
  }

  public DeadlineContext withPeriod(ReportPeriod reportPeriod) {
    return new DeadlineContext(deadlines, regime, issueDate, referenceYear, reportPeriod, events);
  }

  public DeadlineContext withEvent(DeadlineEvent event, LocalDate date) {
    Map<DeadlineEvent, LocalDate> more = new EnumMap<>(DeadlineEvent.class);
    more.putAll(events);
    more.put(event, date);
    return new DeadlineContext(deadlines, regime, issueDate, referenceYear, period, more);
  }

  /** The year a phrase without one means; refused when neither it nor the issue date is known. */
  int year(String phrase) {
    if (referenceYear != null) {
      return referenceYear;
    }
    if (issueDate != null) {
      return issueDate.getYear();
    }
    throw new DeadlinePhraseException(phrase, "Thời hạn \"" + phrase.strip() + "\" không ghi năm. Hãy ghi đủ "
        + "ngày, tháng, năm, ví dụ \"trước ngày 15/3/2023\".");
  }

  /** The period a report is for; refused when the rule needs one and none is given. */
  ReportPeriod period(String phrase) {
    if (period == null) {
      throw new DeadlinePhraseException(phrase, "Thời hạn \"" + phrase.strip() + "\" tính theo kỳ báo cáo, "
          + "nhưng chưa có kỳ báo cáo nào để tính.");
    }
    return period;
  }

  /** The day an event happened: the issue date, the period's end and cut-off come from the context's own facts. */
  LocalDate eventDate(DeadlineEvent event, String phrase) {
    LocalDate date = switch (event) {
      case ISSUE -> issueDate;
      case PERIOD_END -> events.getOrDefault(event, period == null ? null : period.end());
      case DATA_CUT_OFF -> events.getOrDefault(event, period == null ? null : regime.cutOff(period));
      default -> events.get(event);
    };
    if (date == null) {
      throw new DeadlinePhraseException(phrase, "Thời hạn \"" + phrase.strip() + "\" tính từ " + event.label()
          + ", nhưng chưa có ngày đó.");
    }
    return date;
  }
}
