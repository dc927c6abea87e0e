package vn.pcmt.reporting;

import jakarta.persistence.Embeddable;

import vn.pcmt.reporting.PeriodicReportProcess.IndicatorTotalRow;

/** One indicator of a consolidated report as leadership signed it: the plan's figure and whether the target is met. */
@Embeddable
public class ConsolidatedFigure {

  private Long indicatorId;
  private Double total;
  private Double numerator;
  private Double denominator;
  private int agencies;
  private Integer agenciesMet;
  private String result;
  private Boolean met;
  private String assessment;

  protected ConsolidatedFigure() {
  }

  static ConsolidatedFigure of(IndicatorTotalRow row) {
    ConsolidatedFigure figure = new ConsolidatedFigure();
    figure.indicatorId = row.indicatorId();
    figure.total = row.total();
    figure.numerator = row.numerator();
    figure.denominator = row.denominator();
    figure.agencies = row.agencies() == null ? 0 : row.agencies();
    figure.agenciesMet = row.agenciesMet();
    figure.result = row.result() == null ? "" : row.result();
    figure.met = row.met();
    figure.assessment = row.assessment() == null ? "" : row.assessment();
    return figure;
  }

  public Long getIndicatorId() {
    return indicatorId;
  }

  /** The sum, the percentage, or how many agencies meet a criterion. */
  public Double getTotal() {
    return total;
  }

  public Double getNumerator() {
    return numerator;
  }

  public Double getDenominator() {
    return denominator;
  }

  /** How many agencies reported a figure. */
  public int getAgencies() {
    return agencies;
  }

  public Integer getAgenciesMet() {
    return agenciesMet;
  }

  public String getResult() {
    return result;
  }

  /** Whether the target is met; null without a target or without figures. */
  public Boolean getMet() {
    return met;
  }

  public String getAssessment() {
    return assessment;
  }
}
