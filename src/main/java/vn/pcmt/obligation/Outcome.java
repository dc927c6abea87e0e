package vn.pcmt.obligation;

/** How an obligation ended, fixed when the plan closes. */
public enum Outcome {
  ON_TIME("Đúng hạn"),
  LATE("Trễ hạn"),
  NEVER("Không thực hiện");

  private final String label;

  Outcome(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
