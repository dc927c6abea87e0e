package vn.pcmt.obligation;

/** What an agency owes a plan. */
public enum ObligationKind {
  SUB_PLAN("Kế hoạch triển khai"),
  REPORT("Báo cáo định kỳ"),
  COMMENDATION_PROPOSAL("Đề xuất khen thưởng");

  private final String label;

  ObligationKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
