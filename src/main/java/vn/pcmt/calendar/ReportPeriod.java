package vn.pcmt.calendar;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A reporting period as plans and Nghị định 09/2019/NĐ-CP name them: "Quý I/2023", "6 tháng đầu năm 2023",
 * "9 tháng", "năm 2023", "tháng 5/2025". A period is a run of whole months of one year.
 *
 * @param kind how long the period is
 * @param number which one in its year: the month (1–12), the quarter (1–4), the half (1 = "đầu năm", 2 = "cuối
 *     năm"); 1 for nine months and for the year
 * @param year the calendar year
 */
public record ReportPeriod(Kind kind, int number, int year) {

  /** The kinds of periodic report (Nghị định 09/2019/NĐ-CP Điều 12 names the same five). */
  public enum Kind {
    MONTH(1, 12, "tháng"),
    QUARTER(3, 4, "quý"),
    HALF_YEAR(6, 2, "6 tháng"),
    NINE_MONTHS(9, 1, "9 tháng"),
    YEAR(12, 1, "năm");

    private final int months;
    private final int perYear;
    private final String label;

    Kind(int months, int perYear, String label) {
      this.months = months;
      this.perYear = perYear;
      this.label = label;
    }

    public int months() {
      return months;
    }

    /** How many periods of this kind a year has (nine months: one, counted from January). */
    public int perYear() {
      return perYear;
    }

    /** Vietnamese, as in "báo cáo quý". */
    public String label() {
      return label;
    }
  }

  public ReportPeriod {
    if (kind == null) {
      throw new IllegalArgumentException("kind");
    }
    if (number < 1 || number > kind.perYear()) {
      throw new IllegalArgumentException("No " + kind + " number " + number);
    }
  }

  public static ReportPeriod month(int month, int year) {
    return new ReportPeriod(Kind.MONTH, month, year);
  }

  public static ReportPeriod quarter(int quarter, int year) {
    return new ReportPeriod(Kind.QUARTER, quarter, year);
  }

  /** The first half, "6 tháng đầu năm": the period of the 6-month report. */
  public static ReportPeriod firstHalf(int year) {
    return new ReportPeriod(Kind.HALF_YEAR, 1, year);
  }

  public static ReportPeriod nineMonths(int year) {
    return new ReportPeriod(Kind.NINE_MONTHS, 1, year);
  }

  public static ReportPeriod year(int year) {
    return new ReportPeriod(Kind.YEAR, 1, year);
  }

  /** Every period of the kind in the year, in order: the four quarters of 2023. */
  public static List<ReportPeriod> all(Kind kind, int year) {
    return IntStream.rangeClosed(1, kind.perYear()).mapToObj(n -> new ReportPeriod(kind, n, year)).toList();
  }

  /** The period's first month (1–12); nine months and halves start where their number puts them. */
  public int firstMonth() {
    return kind == Kind.NINE_MONTHS ? 1 : (number - 1) * kind.months() + 1;
  }

  public int lastMonth() {
    return firstMonth() + kind.months() - 1;
  }

  public LocalDate start() {
    return LocalDate.of(year, firstMonth(), 1);
  }

  public LocalDate end() {
    return YearMonth.of(year, lastMonth()).atEndOfMonth();
  }

  /** Vietnamese, as officials write it: "Quý I/2023", "6 tháng đầu năm 2023", "Tháng 5/2025", "Năm 2023". */
  public String label() {
    return switch (kind) {
      case MONTH -> "Tháng " + number + "/" + year;
      case QUARTER -> "Quý " + List.of("I", "II", "III", "IV").get(number - 1) + "/" + year;
      case HALF_YEAR -> "6 tháng " + (number == 1 ? "đầu" : "cuối") + " năm " + year;
      case NINE_MONTHS -> "9 tháng năm " + year;
      case YEAR -> "Năm " + year;
    };
  }
}
