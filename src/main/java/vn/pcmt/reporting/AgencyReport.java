package vn.pcmt.reporting;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;

/** One agency's report for one period: its narrative and a figure per indicator. */
@Entity
@Table(name = "agency_report")
public class AgencyReport {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private Long planId;
  private Long periodId;
  private String agencyCode;
  private String narrative;
  private Instant submittedAt;

  @ElementCollection
  @CollectionTable(name = "report_figure", joinColumns = @JoinColumn(name = "report_id"))
  @MapKeyColumn(name = "indicator_id")
  private Map<Long, ReportFigure> figures = new HashMap<>();

  protected AgencyReport() {
  }

  AgencyReport(long planId, long periodId, String agencyCode) {
    this.planId = planId;
    this.periodId = periodId;
    this.agencyCode = agencyCode;
  }

  void submit(String narrative, Map<Long, ReportFigure> figures, Instant at) {
    this.narrative = narrative;
    this.figures.clear();
    this.figures.putAll(figures);
    this.submittedAt = at;
  }

  public Long getPlanId() {
    return planId;
  }

  public Long getPeriodId() {
    return periodId;
  }

  public String getAgencyCode() {
    return agencyCode;
  }

  public String getNarrative() {
    return narrative;
  }

  public Instant getSubmittedAt() {
    return submittedAt;
  }

  /** The figure per indicator id; an indicator the agency left empty is absent. */
  public Map<Long, ReportFigure> getFigures() {
    return Map.copyOf(figures);
  }
}
