package vn.pcmt.commendation;

import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A collective or individual proposed for commendation, with Home Affairs' appraisal and the chairman's decision. */
@Entity
@Table(name = "commendation_nominee")
public class Nominee {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private Long planId;
  private String proposedBy;
  private String kind;
  private String name;
  private String reason;
  private Boolean recommended;
  private String awardForm;
  private Boolean awarded;
  private String decisionNumber;
  private LocalDate decisionDate;

  protected Nominee() {
  }

  Nominee(long planId, String proposedBy, String kind, String name, String reason) {
    this.planId = planId;
    this.proposedBy = proposedBy;
    this.kind = kind;
    this.name = name;
    this.reason = reason;
  }

  void decide(Boolean recommended, String awardForm, boolean awarded, String decisionNumber, LocalDate decisionDate) {
    this.recommended = recommended;
    this.awardForm = awardForm;
    this.awarded = awarded;
    this.decisionNumber = decisionNumber;
    this.decisionDate = decisionDate;
  }

  public Long getId() {
    return id;
  }

  public Long getPlanId() {
    return planId;
  }

  public String getProposedBy() {
    return proposedBy;
  }

  public String getKind() {
    return kind;
  }

  public String getName() {
    return name;
  }

  public String getReason() {
    return reason;
  }

  public Boolean getRecommended() {
    return recommended;
  }

  public String getAwardForm() {
    return awardForm;
  }

  public Boolean getAwarded() {
    return awarded;
  }

  public String getDecisionNumber() {
    return decisionNumber;
  }

  public LocalDate getDecisionDate() {
    return decisionDate;
  }
}
