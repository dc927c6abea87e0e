package vn.pcmt.plan;

public enum PlanStatus {
  /** Registered by the secretariat, waiting for leadership's approval (or being revised). */
  DRAFT,
  /** Issued: agencies are working on it. */
  ISSUED,
  /** Closed with its summary. */
  CLOSED
}
