package vn.pcmt.plan;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One indicator (chỉ tiêu) of a plan; agencies report a figure for it every period. */
@Entity
@Table(name = "indicator")
public class Indicator {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @ManyToOne(optional = false)
  @JoinColumn(name = "plan_id")
  private Plan plan;
  private int position;
  private String name;
  private String unit;
  private Double target;

  protected Indicator() {
  }

  Indicator(Plan plan, int position, String name, String unit, Double target) {
    this.plan = plan;
    this.position = position;
    this.name = name;
    this.unit = unit;
    this.target = target;
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

  public Double getTarget() {
    return target;
  }
}
