package vn.pcmt.reporting;

import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import vn.pcmt.plan.IndicatorKind;

/**
 * What one agency reported for one indicator, by the indicator's kind: a number (count, amount, a figure compared
 * with a past year), a fraction (numerator and denominator of a percentage), or whether it meets a criterion.
 */
@Embeddable
public class ReportFigure {

  @Column(name = "figure")
  private Double value;
  private Double numerator;
  private Double denominator;
  private Boolean met;

  protected ReportFigure() {
  }

  private ReportFigure(Double value, Double numerator, Double denominator, Boolean met) {
    this.value = value;
    this.numerator = numerator;
    this.denominator = denominator;
    this.met = met;
  }

  public static ReportFigure value(double value) {
    return new ReportFigure(value, null, null, null);
  }

  public static ReportFigure fraction(double numerator, double denominator) {
    return new ReportFigure(null, numerator, denominator, null);
  }

  public static ReportFigure criterion(boolean met) {
    return new ReportFigure(null, null, null, met);
  }

  /** Whether it holds what an indicator of that kind needs. */
  boolean fits(IndicatorKind kind) {
    return switch (kind) {
      case PERCENTAGE -> numerator != null && denominator != null;
      case CRITERION -> met != null;
      case COUNT, AMOUNT, RELATIVE -> value != null;
    };
  }

  public Double getValue() {
    return value;
  }

  public Double getNumerator() {
    return numerator;
  }

  public Double getDenominator() {
    return denominator;
  }

  public Boolean getMet() {
    return met;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ReportFigure that && Objects.equals(value, that.value)
        && Objects.equals(numerator, that.numerator) && Objects.equals(denominator, that.denominator)
        && Objects.equals(met, that.met);
  }

  @Override
  public int hashCode() {
    return Objects.hash(value, numerator, denominator, met);
  }

  @Override
  public String toString() {
    return met != null ? (met ? "đạt" : "không đạt") : numerator != null ? numerator + "/" + denominator
        : String.valueOf(value);
  }
}
