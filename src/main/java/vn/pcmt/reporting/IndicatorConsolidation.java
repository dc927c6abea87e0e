package vn.pcmt.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import vn.pcmt.plan.Indicator;
import vn.pcmt.plan.IndicatorKind;
import vn.pcmt.plan.NumberText;
import vn.pcmt.reporting.PeriodicReportProcess.IndicatorTotalRow;

/**
 * How the agencies' figures of one indicator add up, by its kind, and whether the plan's figure meets the target.
 * A sum only where summing is right (count, amount, a figure against a past year); a percentage from the summed
 * numerators and denominators, never an average of the agencies' percentages; a criterion by how many agencies meet
 * it. Compared exactly (decimal arithmetic, no division before comparing), so 90% of 486/540 is not 89.99...
 */
final class IndicatorConsolidation {

  static final String MET = "Đạt";
  static final String NOT_MET = "Chưa đạt";
  static final String NO_TARGET = "Không đặt mục tiêu";
  static final String NO_FIGURES = "Chưa có số liệu";
  static final String NO_SUBJECTS = "Không có đối tượng để tính tỷ lệ";

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private IndicatorConsolidation() {
  }

  /**
   * The indicator over the figures received; {@code asked}: how many agencies owe this period's report (a criterion
   * every agency must meet is met only when every one of them reported it met).
   */
  static IndicatorTotalRow total(Indicator indicator, List<ReportFigure> received, int asked) {
    IndicatorKind kind = indicator.getKind();
    List<ReportFigure> figures = received.stream().filter(f -> f != null && f.fits(kind)).toList();
    return switch (kind) {
      case COUNT, AMOUNT, RELATIVE -> sum(indicator, figures);
      case PERCENTAGE -> percentage(indicator, figures);
      case CRITERION -> criterion(indicator, figures, asked);
    };
  }

  /** One agency's figure in words: "12 xã", "18/20 (90%)", "Đạt"; empty when it gave none. */
  static String result(Indicator indicator, ReportFigure figure) {
    if (figure == null || !figure.fits(indicator.getKind())) {
      return "";
    }
    return switch (indicator.getKind()) {
      case COUNT, AMOUNT, RELATIVE -> NumberText.withUnit(BigDecimal.valueOf(figure.getValue()), indicator.getUnit());
      case PERCENTAGE -> fraction(BigDecimal.valueOf(figure.getNumerator()), BigDecimal.valueOf(figure.getDenominator()));
      case CRITERION -> figure.getMet() ? MET : "Không đạt";
    };
  }

  private static IndicatorTotalRow sum(Indicator indicator, List<ReportFigure> figures) {
    BigDecimal sum = figures.stream().map(f -> BigDecimal.valueOf(f.getValue())).reduce(BigDecimal.ZERO, BigDecimal::add);
    String result = NumberText.withUnit(sum, indicator.getUnit());
    BigDecimal target = indicator.getKind() == IndicatorKind.RELATIVE ? indicator.relativeThreshold()
        : indicator.getTarget() == null ? null : BigDecimal.valueOf(indicator.getTarget());
    if (indicator.getKind() == IndicatorKind.RELATIVE && !figures.isEmpty()) {
      BigDecimal baseline = BigDecimal.valueOf(indicator.getBaseline());
      BigDecimal change = sum.subtract(baseline).multiply(HUNDRED).divide(baseline, 2, RoundingMode.HALF_UP);
      result += " (" + (change.signum() < 0 ? "giảm " : "tăng ") + NumberText.of(change.abs()) + "% so với năm "
          + indicator.getBaselineYear() + ")";
    }
    Boolean met = figures.isEmpty() || target == null ? null : indicator.getComparison().holds(sum, target);
    return row(indicator, indicator.targetText(), sum, null, null, figures.size(), null,
        figures.isEmpty() ? NO_FIGURES : result, met, figures.isEmpty() ? NO_FIGURES : target == null ? NO_TARGET
            : assessment(met));
  }

  private static IndicatorTotalRow percentage(Indicator indicator, List<ReportFigure> figures) {
    BigDecimal numerator = figures.stream().map(f -> BigDecimal.valueOf(f.getNumerator()))
        .reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal denominator = figures.stream().map(f -> BigDecimal.valueOf(f.getDenominator()))
        .reduce(BigDecimal.ZERO, BigDecimal::add);
    if (figures.isEmpty() || denominator.signum() == 0) {
      String why = figures.isEmpty() ? NO_FIGURES : NO_SUBJECTS;
      return row(indicator, indicator.targetText(), null, figures.isEmpty() ? null : numerator,
          figures.isEmpty() ? null : denominator, figures.size(), null,
          figures.isEmpty() ? NO_FIGURES : fraction(numerator, denominator), null, why);
    }
    BigDecimal share = numerator.multiply(HUNDRED).divide(denominator, 2, RoundingMode.HALF_UP);
    // numerator / denominator against target %: numerator × 100 against target × denominator, nothing rounded
    Boolean met = indicator.getTarget() == null ? null : indicator.getComparison().holds(numerator.multiply(HUNDRED),
        BigDecimal.valueOf(indicator.getTarget()).multiply(denominator));
    return row(indicator, indicator.targetText(), share, numerator, denominator, figures.size(), null,
        fraction(numerator, denominator), met, met == null ? NO_TARGET : assessment(met));
  }

  private static IndicatorTotalRow criterion(Indicator indicator, List<ReportFigure> figures, int asked) {
    int meeting = (int) figures.stream().filter(ReportFigure::getMet).count();
    int required = indicator.getTarget() != null ? indicator.getTarget().intValue() : Math.max(asked, figures.size());
    String targetText = indicator.getTarget() != null ? indicator.targetText()
        : "Tất cả " + required + " cơ quan đạt";
    Boolean met = figures.isEmpty() ? null : meeting >= required;
    return row(indicator, targetText, BigDecimal.valueOf(meeting), null, null, figures.size(), meeting,
        figures.isEmpty() ? NO_FIGURES : meeting + "/" + figures.size() + " cơ quan đạt", met,
        met == null ? NO_FIGURES : assessment(met));
  }

  /** "486/540 (90%)"; "0/0" when nothing is counted. */
  private static String fraction(BigDecimal numerator, BigDecimal denominator) {
    String text = NumberText.of(numerator) + "/" + NumberText.of(denominator);
    return denominator.signum() == 0 ? text
        : text + " (" + NumberText.of(numerator.multiply(HUNDRED).divide(denominator, 2, RoundingMode.HALF_UP)) + "%)";
  }

  private static String assessment(boolean met) {
    return met ? MET : NOT_MET;
  }

  private static IndicatorTotalRow row(Indicator indicator, String targetText, BigDecimal total, BigDecimal numerator,
      BigDecimal denominator, int agencies, Integer agenciesMet, String result, Boolean met, String assessment) {
    return new IndicatorTotalRow(indicator.getId(), indicator.getName(), indicator.getKind().name(),
        indicator.getKind().label(), indicator.getUnit(), indicator.getTarget(), targetText,
        total == null ? null : total.doubleValue(), numerator == null ? null : numerator.doubleValue(),
        denominator == null ? null : denominator.doubleValue(), agencies, agenciesMet, result, met, assessment);
  }
}
