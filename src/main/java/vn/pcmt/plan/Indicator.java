package vn.pcmt.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * One indicator (chỉ tiêu) of a plan; agencies report on it every period. Its kind says what they report and how the
 * reports add up; its target, on which side (at least, at most), says when the plan's figure meets it.
 */
@Entity
@Table(name = "indicator")
public class Indicator {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @ManyToOne(optional = false)
  @JoinColumn(name = "plan_id")
  private Plan plan;
  private int position;
  private String name;
  private String unit;
  @Enumerated(EnumType.STRING)
  private IndicatorKind kind;
  @Enumerated(EnumType.STRING)
  private Comparison comparison;
  /**
   * COUNT, AMOUNT: the number; PERCENTAGE: the percentage (0–100); CRITERION: how many agencies must meet it (null:
   * all); RELATIVE: the change from the baseline in percent (+5, −10).
   */
  private Double target;
  /** RELATIVE only: the figure of the baseline year. */
  private Double baseline;
  private Integer baselineYear;

  protected Indicator() {
  }

  Indicator(Plan plan, int position, PlanRegistration.IndicatorItem item) {
    this.plan = plan;
    this.position = position;
    this.name = item.name().trim();
    this.unit = item.unit() == null || item.unit().isBlank() ? null : item.unit().strip();
    this.kind = item.kindOrDefault();
    this.comparison = item.comparisonOrDefault();
    this.target = item.target();
    this.baseline = kind == IndicatorKind.RELATIVE ? item.baseline() : null;
    this.baselineYear = kind == IndicatorKind.RELATIVE ? item.baselineYear() : null;
  }

  /**
   * RELATIVE: the figure the plan must reach, baseline × (100 + p) / 100 ("tăng 5% so với năm 2023" of 200: 210);
   * null for other kinds.
   */
  public BigDecimal relativeThreshold() {
    if (kind != IndicatorKind.RELATIVE || baseline == null || target == null) {
      return null;
    }
    return BigDecimal.valueOf(baseline).multiply(HUNDRED.add(BigDecimal.valueOf(target)))
        .divide(HUNDRED, 6, RoundingMode.HALF_UP).stripTrailingZeros();
  }

  /** The target in the plan's words: "Tối thiểu 12 xã", "Tối thiểu 100%", "Tất cả cơ quan đạt", "Tăng từ 5% ...". */
  public String targetText() {
    if (kind == IndicatorKind.CRITERION) {
      return target == null ? "Tất cả cơ quan đạt" : "Ít nhất " + NumberText.of(target) + " cơ quan đạt";
    }
    if (target == null) {
      return "Không đặt mục tiêu";
    }
    if (kind == IndicatorKind.RELATIVE) {
      return relativeText();
    }
    String unitText = kind == IndicatorKind.PERCENTAGE ? "%" : unit;
    return comparison.label() + " " + NumberText.withUnit(BigDecimal.valueOf(target), unitText);
  }

  /** "Tăng từ 5% trở lên so với năm 2023 (200 vụ): tối thiểu 210 vụ", and the other three sides alike. */
  private String relativeText() {
    BigDecimal change = BigDecimal.valueOf(target);
    String size = NumberText.of(change.abs()) + "%";
    boolean rise = change.signum() >= 0;
    String words = change.signum() == 0 ? (comparison == Comparison.AT_LEAST ? "Không thấp hơn" : "Không cao hơn")
        : (rise ? "Tăng " : "Giảm ") + (comparison == Comparison.AT_LEAST == rise ? "từ " + size + " trở lên"
            : "không quá " + size);
    return words + " so với năm " + baselineYear + " (" + NumberText.withUnit(BigDecimal.valueOf(baseline), unit)
        + "): " + comparison.label().toLowerCase(java.util.Locale.ROOT) + " "
        + NumberText.withUnit(relativeThreshold(), unit);
  }

  public Long getId() {
    return id;
  }

  public Plan getPlan() {
    return plan;
  }

  public int getPosition() {
    return position;
  }

  public String getName() {
    return name;
  }

  public String getUnit() {
    return unit;
  }

  public IndicatorKind getKind() {
    return kind;
  }

  public Comparison getComparison() {
    return comparison;
  }

  public Double getTarget() {
    return target;
  }

  public Double getBaseline() {
    return baseline;
  }

  public Integer getBaselineYear() {
    return baselineYear;
  }
}
