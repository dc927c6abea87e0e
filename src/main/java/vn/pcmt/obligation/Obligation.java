package vn.pcmt.obligation;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One thing one agency owes one plan, with its due moment and when it was delivered. The table answers "who
 * delivered what, on time, late or never" without reading process variables.
 */
@Entity
@Table(name = "obligation")
public class Obligation {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private Long planId;
  private String agencyCode;
  @Enumerated(EnumType.STRING)
  private ObligationKind kind;
  private Long periodId;
  private Instant dueAt;
  private Instant deliveredAt;
  @Enumerated(EnumType.STRING)
  private Outcome outcome;
  private String processInstanceId;

  protected Obligation() {
  }

  Obligation(long planId, String agencyCode, ObligationKind kind, Long periodId, Instant dueAt,
      String processInstanceId) {
    this.planId = planId;
    this.agencyCode = agencyCode;
    this.kind = kind;
    this.periodId = periodId;
    this.dueAt = dueAt;
    this.processInstanceId = processInstanceId;
  }

  void reopen(Instant dueAt, String processInstanceId) {
    this.dueAt = dueAt;
    this.processInstanceId = processInstanceId;
  }

  /** Another agency takes the obligation over (re-routed from the monitor). */
  void reassign(String agencyCode) {
    this.agencyCode = agencyCode;
  }

  /** The first delivery counts: a sub-plan returned for revision was still sent on that day. */
  void deliver(Instant at) {
    if (deliveredAt == null) {
      deliveredAt = at;
    }
  }

  Outcome settle() {
    outcome = deliveredAt == null ? Outcome.NEVER : deliveredAt.isAfter(dueAt) ? Outcome.LATE : Outcome.ON_TIME;
    return outcome;
  }

  public Long getId() {
    return id;
  }

  public Long getPlanId() {
    return planId;
  }

  public String getAgencyCode() {
    return agencyCode;
  }

  public ObligationKind getKind() {
    return kind;
  }

  public Long getPeriodId() {
    return periodId;
  }

  public Instant getDueAt() {
    return dueAt;
  }

  public Instant getDeliveredAt() {
    return deliveredAt;
  }

  public Outcome getOutcome() {
    return outcome;
  }

  public String getProcessInstanceId() {
    return processInstanceId;
  }
}
