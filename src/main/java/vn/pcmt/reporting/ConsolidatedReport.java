package vn.pcmt.reporting;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The secretariat's consolidated report of one period, signed by leadership and sent to the plan's recipients. */
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

  protected ConsolidatedReport() {
  }

  ConsolidatedReport(long planId, long periodId, String summary, String signedBy, Instant sentAt, String recipients) {
    this.planId = planId;
    this.periodId = periodId;
    this.summary = summary;
    this.signedBy = signedBy;
    this.sentAt = sentAt;
    this.recipients = recipients;
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
}
