package vn.pcmt.plan;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A duty the plan gives to an agency or a collective, as written in the plan (before expansion), and what it owes:
 * a sub-plan, reports on all or some periods, commendation proposals (role defaults already applied).
 */
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
  private boolean owesSubPlan;
  private LocalDate subPlanDeadline;
  private String subPlanDeadlinePhrase;
  private boolean reportsOnAllPeriods;
  @ElementCollection
  @CollectionTable(name = "plan_assignment_period", joinColumns = @JoinColumn(name = "assignment_id"))
  @Column(name = "period_label")
  private Set<String> reportsOn = new LinkedHashSet<>();
  private boolean proposesCommendation;

  protected Assignment() {
  }

  Assignment(int position, PlanRegistration.AssignmentItem item, PlanRegistration plan) {
    this.position = position;
    this.targetType = item.targetTypeOrDefault();
    this.target = item.target().trim();
    this.role = item.role();
    this.duty = item.duty().trim();
    this.owesSubPlan = item.owesSubPlanIn(plan);
    this.subPlanDeadline = owesSubPlan ? item.subPlanDeadline() : null;
    this.subPlanDeadlinePhrase = owesSubPlan ? item.subPlanDeadlinePhrase() : null;
    this.reportsOnAllPeriods = item.reportsOnAllPeriods();
    item.reportsOnOrEmpty().stream().map(String::trim).forEach(reportsOn::add);
    this.proposesCommendation = item.proposesCommendationIn(plan);
  }

  public boolean owesSubPlan() {
    return owesSubPlan;
  }

  /** Its own sub-plan deadline, or null for the plan's. */
  public LocalDate getSubPlanDeadline() {
    return subPlanDeadline;
  }

  public String getSubPlanDeadlinePhrase() {
    return subPlanDeadlinePhrase;
  }

  /** Whether the assignment reports on the period of that label. */
  public boolean reportsOn(String periodLabel) {
    return reportsOnAllPeriods || reportsOn.contains(periodLabel);
  }

  public boolean reportsOnAllPeriods() {
    return reportsOnAllPeriods;
  }

  /** The periods it reports on when not all of them. */
  public Set<String> getReportsOn() {
    return Set.copyOf(reportsOn);
  }

  public boolean proposesCommendation() {
    return proposesCommendation;
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
