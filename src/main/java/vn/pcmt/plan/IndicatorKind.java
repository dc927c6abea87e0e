package vn.pcmt.plan;

/**
 * What an indicator (chỉ tiêu) counts, which decides what each agency reports and how the reports add up
 * (docs/plans.md, "Indicators").
 */
public enum IndicatorKind {
  /** A number of things ("tối thiểu 12 xã", "không có điểm bán lẻ"): each agency a number, summed. */
  COUNT("Số lượng"),
  /**
   * A share ("100% hộ gia đình ký cam kết"): each agency its numerator and denominator; the plan's share is the sum of
   * the numerators over the sum of the denominators, never an average of the agencies' percentages.
   */
  PERCENTAGE("Tỷ lệ (%)"),
  /** Money or area, in its unit: summed. */
  AMOUNT("Giá trị (tiền, diện tích)"),
  /** Met or not by each agency ("01 hòm thư tố giác ở mỗi bản"): how many agencies meet it. */
  CRITERION("Tiêu chí đạt/không đạt"),
  /** Against a past year ("tăng từ 5% trở lên so với năm 2023"): the sum compared with baseline × (1 + p). */
  RELATIVE("So với năm gốc");

  private final String label;

  IndicatorKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Each agency reports one number (not a fraction, not a yes/no). */
  public boolean reportsValue() {
    return this == COUNT || this == AMOUNT || this == RELATIVE;
  }
}
