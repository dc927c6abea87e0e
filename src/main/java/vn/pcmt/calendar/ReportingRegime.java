package vn.pcmt.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The reporting regime a deadline "theo quy định" takes its date from: per kind of periodic report, when its data is
 * cut off and when it must be sent. Read from {@code calendar/reporting-regime.yaml} (Nghị định 09/2019/NĐ-CP by
 * default); a province with its own regime (Khánh Hòa QĐ 01/2023, Kon Tum QĐ 06/2024) edits the file, not the code.
 */
public final class ReportingRegime {

  /** The file as an operator writes it; its header explains every field. */
  record File(String name, String source, Map<ReportPeriod.Kind, Report> reports) {
  }

  /**
   * One kind of periodic report.
   *
   * @param name tên báo cáo ("Báo cáo quý")
   * @param dataFromDay the day of the month before the period's first month its data starts from (15)
   * @param cutOffDay thời gian chốt số liệu: the day of the period's last month its data ends on (14)
   * @param send thời hạn gửi: how long after the cut-off the report is due; zero means on the cut-off day
   * @param recipient cơ quan nhận, as text for the official (optional)
   * @param method phương thức gửi, nhận (optional)
   */
  public record Report(String name, Integer dataFromDay, Integer cutOffDay, Send send, String recipient,
      String method) {
  }

  /** "02 ngày làm việc kể từ ngày chốt số liệu": amount and unit (DAYS or WORKING_DAYS). */
  public record Send(Integer amount, DurationUnit unit) {
  }

  /** The longest sending time accepted: a larger number is a typing mistake, not a regime. */
  private static final int LONGEST_SEND = 60;

  private final String name;
  private final Map<ReportPeriod.Kind, Report> reports;

  private ReportingRegime(File file) {
    List<String> problems = validate(file);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    this.name = file.name();
    this.reports = new EnumMap<>(file.reports());
  }

  /** Reads a regime file; a mistake in it names the entry and stops the start-up. */
  public static ReportingRegime read(InputStream in, String description) {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    try {
      return new ReportingRegime(yaml.readValue(in, File.class));
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read the reporting regime " + description + ": " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("The reporting regime " + description + " is invalid: " + e.getMessage(), e);
    }
  }

  /** "Nghị định 09/2019/NĐ-CP": which regime a "theo quy định" deadline followed, for the official. */
  public String name() {
    return name;
  }

  public Optional<Report> report(ReportPeriod.Kind kind) {
    return Optional.ofNullable(reports.get(kind));
  }

  /** The first day whose data the period's report covers: 15/12 of the year before for a 6-month report. */
  public LocalDate dataFrom(ReportPeriod period) {
    return period.start().minusMonths(1).withDayOfMonth(require(period).dataFromDay());
  }

  /** Thời gian chốt số liệu: the last day whose data the report covers (14/6 for a 6-month report). */
  public LocalDate cutOff(ReportPeriod period) {
    return LocalDate.of(period.year(), period.lastMonth(), require(period).cutOffDay());
  }

  /** The day the report is due, before any roll to a working day: the cut-off plus the sending time. */
  public LocalDate sendBy(ReportPeriod period, WorkingCalendar calendar) {
    Send send = require(period).send();
    return send.unit().after(cutOff(period), send.amount(), calendar);
  }

  /** Whether the regime gives a sending time after the cut-off (then the due day is a period's end, Art. 148). */
  boolean sendsAfterCutOff(ReportPeriod period) {
    return require(period).send().amount() > 0;
  }

  private Report require(ReportPeriod period) {
    Report report = reports.get(period.kind());
    if (report == null) {
      throw new DeadlinePhraseException(null, "Chế độ báo cáo " + name + " không quy định báo cáo "
          + period.kind().label() + ", nên không tính được hạn \"theo quy định\" cho kỳ " + period.label() + ".");
    }
    return report;
  }

  private static List<String> validate(File file) {
    List<String> problems = new ArrayList<>();
    if (file == null) {
      return List.of("the file is empty");
    }
    if (file.name() == null || file.name().isBlank()) {
      problems.add("name is missing");
    }
    if (file.reports() == null || file.reports().isEmpty()) {
      problems.add("reports is missing");
      return problems;
    }
    file.reports().forEach((kind, report) -> {
      if (report == null) {
        problems.add(kind + ": empty");
        return;
      }
      if (report.name() == null || report.name().isBlank()) {
        problems.add(kind + ": name is missing");
      }
      // 28 at most, so every month has the day
      if (report.dataFromDay() == null || report.dataFromDay() < 1 || report.dataFromDay() > 28) {
        problems.add(kind + ": dataFromDay must be 1–28, not " + report.dataFromDay());
      }
      if (report.cutOffDay() == null || report.cutOffDay() < 1 || report.cutOffDay() > 28) {
        problems.add(kind + ": cutOffDay must be 1–28, not " + report.cutOffDay());
      }
      Send send = report.send();
      if (send == null || send.amount() == null || send.unit() == null) {
        problems.add(kind + ": send needs amount and unit");
      } else if (send.amount() < 0 || send.amount() > LONGEST_SEND) {
        problems.add(kind + ": send.amount must be 0–" + LONGEST_SEND + ", not " + send.amount());
      } else if (send.unit() != DurationUnit.DAYS && send.unit() != DurationUnit.WORKING_DAYS) {
        problems.add(kind + ": send.unit must be DAYS or WORKING_DAYS, not " + send.unit());
      }
    });
    return problems;
  }
}
