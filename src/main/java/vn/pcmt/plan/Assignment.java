package vn.pcmt.plan;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A duty the plan gives to an agency or a collective, as written in the plan (before expansion). */
@Entity
@Table(name = "plan_assignment")
public class Assignment {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private int position;
  @Enumerated(EnumType.STRING)
  private TargetType targetType;
  private String target;
  @Enumerated(EnumType.STRING)
  private AssignmentRole role;
  private String duty;

  protected Assignment() {
  }

  Assignment(int position, TargetType targetType, String target, AssignmentRole role, String duty) {
    this.position = position;
    this.targetType = targetType;
    this.target = target;
    this.role = role;
    this.duty = duty;
  }

  public Long getId() {
    return id;
  }

  public TargetType getTargetType() {
    return targetType;
  }

  public String getTarget() {
    return target;
  }

  public AssignmentRole getRole() {
    return role;
  }

  public String getDuty() {
    return duty;
  }
}
