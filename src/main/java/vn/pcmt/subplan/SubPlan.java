package vn.pcmt.subplan;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An agency's own implementation plan (kế hoạch triển khai) for a plan, as its head sent it. */
@Entity
@Table(name = "agency_sub_plan")
public class SubPlan {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private Long planId;
  private String agencyCode;
  private String documentNumber;
  private LocalDate documentDate;
  private String summary;
  private Instant submittedAt;
  private Instant acceptedAt;

  protected SubPlan() {
  }

  SubPlan(long planId, String agencyCode) {
    this.planId = planId;
    this.agencyCode = agencyCode;
  }

  void submit(String documentNumber, LocalDate documentDate, String summary, Instant at) {
    this.documentNumber = documentNumber;
    this.documentDate = documentDate;
    this.summary = summary;
    this.submittedAt = at;
    this.acceptedAt = null;
  }

  void accept(Instant at) {
    this.acceptedAt = at;
  }

  public Long getPlanId() {
    return planId;
  }

  public String getAgencyCode() {
    return agencyCode;
  }

  public String getDocumentNumber() {
    return documentNumber;
  }

  public LocalDate getDocumentDate() {
    return documentDate;
  }

  public String getSummary() {
    return summary;
  }

  public Instant getSubmittedAt() {
    return submittedAt;
  }

  public Instant getAcceptedAt() {
    return acceptedAt;
  }
}
