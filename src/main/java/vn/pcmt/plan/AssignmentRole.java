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

  public String label() {
    return label;
  }
}
