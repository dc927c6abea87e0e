package vn.pcmt.plan;

/** The role an assignment gives (DOMAIN.md 1.1). */
public enum AssignmentRole {
  /** Chủ trì / giao: leads the duty. */
  LEAD("Chủ trì"),
  /** Phối hợp: supports the lead. */
  COORDINATING("Phối hợp"),
  /** Đề nghị: a request to a body outside the issuer's command (court, procuracy, the Front). */
  REQUESTED("Đề nghị");

  private final String label;

  AssignmentRole(String label) {
    this.label = label;
  }

  /**
   * What an assignment of this role owes when the plan does not say: the lead body writes its sub-plan (when the plan
   * asks for sub-plans), reports every period and proposes commendations; coordinating and requested bodies (the
   * Front, mass organisations, the press, the courts) owe nothing unless the plan names it.
   */
  public boolean owesByDefault() {
    return this == LEAD;
  }

  public String label() {
    return label;
  }
}
