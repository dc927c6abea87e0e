package vn.pcmt.plan;

import java.math.BigDecimal;

/** Which side of its target an indicator must reach: "tối thiểu", "từ ... trở lên" or "tối đa", "không quá". */
public enum Comparison {
  AT_LEAST("Tối thiểu"),
  AT_MOST("Tối đa");

  private final String label;

  Comparison(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Whether {@code actual} meets {@code target} on this side (equal meets both). */
  public boolean holds(BigDecimal actual, BigDecimal target) {
    int order = actual.compareTo(target);
    return this == AT_LEAST ? order >= 0 : order <= 0;
  }
}
