package vn.pcmt.reporting;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

/**
 * The secretariat's consolidated report of one period, signed by leadership and sent to the plan's recipients, with
 * each indicator's consolidated figure and whether its target is met.
 */
@Entity
@Table(name = "consolidated_report")
public class ConsolidatedReport {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private Long planId;
  private Long periodId;
  private String summary;
  private String signedBy;
  private Instant sentAt;
  private String recipients;

  @ElementCollection
  @CollectionTable(name = "consolidated_figure", joinColumns = @JoinColumn(name = "report_id"))
  @OrderColumn(name = "position")
  private List<ConsolidatedFigure> figures = new ArrayList<>();

  protected ConsolidatedReport() {
  }

  ConsolidatedReport(long planId, long periodId, String summary, String signedBy, Instant sentAt, String recipients,
      List<ConsolidatedFigure> figures) {
    this.planId = planId;
    this.periodId = periodId;
    this.summary = summary;
    this.signedBy = signedBy;
    this.sentAt = sentAt;
    this.recipients = recipients;
    this.figures.addAll(figures);
  }

  public Long getPlanId() {
    return planId;
  }

  public Long getPeriodId() {
    return periodId;
  }

  public String getSummary() {
    return summary;
  }

  public String getSignedBy() {
    return signedBy;
  }

  public Instant getSentAt() {
    return sentAt;
  }

  public String getRecipients() {
    return recipients;
  }

  /** Each indicator's consolidated figure, in the plan's order. */
  public List<ConsolidatedFigure> getFigures() {
    return List.copyOf(figures);
  }
}
