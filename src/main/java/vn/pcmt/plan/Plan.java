package vn.pcmt.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

/** A plan (kế hoạch) as registered and issued: the data every step of its process reads. */
@Entity
@Table(name = "plan")
public class Plan {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private String planNumber;
  private String title;
  private String issuingAgency;
  private String standingAgency;
  private LocalDate issueDate;
  private LocalDate subPlanDeadline;
  private String subPlanDeadlinePhrase;
  private boolean yearEndCommendation;
  private LocalDate campaignFrom;
  private LocalDate campaignTo;
  @Enumerated(EnumType.STRING)
  private PlanStatus status;
  private String processInstanceId;
  private String registeredBy;
  private Instant registeredAt;
  private Instant issuedAt;
  private Instant closedAt;

  @ElementCollection
  @CollectionTable(name = "plan_legal_basis", joinColumns = @JoinColumn(name = "plan_id"))
  @OrderColumn(name = "position")
  @Column(name = "text")
  private List<String> legalBases = new ArrayList<>();

  @ElementCollection
  @CollectionTable(name = "plan_recipient", joinColumns = @JoinColumn(name = "plan_id"))
  @OrderColumn(name = "position")
  @Column(name = "text")
  private List<String> recipients = new ArrayList<>();

  @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
  @JoinColumn(name = "plan_id", nullable = false)
  @OrderBy("position")
  private List<Assignment> assignments = new ArrayList<>();

  @OneToMany(mappedBy = "plan", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("position")
  private List<ReportingPeriod> reportingPeriods = new ArrayList<>();

  @OneToMany(mappedBy = "plan", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("position")
  private List<Indicator> indicators = new ArrayList<>();

  protected Plan() {
  }

  Plan(String registeredBy, Instant registeredAt) {
    this.status = PlanStatus.DRAFT;
    this.registeredBy = registeredBy;
    this.registeredAt = registeredAt;
  }

  /** Takes the registration's data; periods and indicators are replaced only while the plan is a draft. */
  void apply(PlanRegistration registration, String issuingAgency, String standingAgency) {
    if (status != PlanStatus.DRAFT) {
      throw new IllegalStateException("Plan " + id + " is " + status + " and can no longer be edited");
    }
    this.planNumber = registration.planNumber().trim();
    this.title = registration.planTitle().trim();
    this.issuingAgency = issuingAgency;
    this.standingAgency = standingAgency;
    this.issueDate = registration.issueDate();
    this.subPlanDeadline = registration.subPlanDeadline();
    this.subPlanDeadlinePhrase = registration.subPlanDeadlinePhrase();
    this.yearEndCommendation = registration.yearEndCommendation();
    this.campaignFrom = registration.campaignFrom();
    this.campaignTo = registration.campaignTo();
    replace(legalBases, registration.legalBasesOrEmpty());
    replace(recipients, registration.recipientsOrEmpty());
    assignments.clear();
    int position = 0;
    for (PlanRegistration.AssignmentItem item : registration.assignments()) {
      assignments.add(new Assignment(position++, item, registration));
    }
    reportingPeriods.clear();
    position = 0;
    for (PlanRegistration.PeriodItem item : registration.reportingPeriodsOrEmpty()) {
      reportingPeriods.add(new ReportingPeriod(this, position++, item.label().trim(), item.dueDate(),
          item.deadlinePhrase()));
    }
    indicators.clear();
    position = 0;
    for (PlanRegistration.IndicatorItem item : registration.indicatorsOrEmpty()) {
      indicators.add(new Indicator(this, position++, item));
    }
  }

  private static void replace(List<String> target, List<String> values) {
    target.clear();
    values.stream().map(String::trim).filter(s -> !s.isEmpty()).forEach(target::add);
  }

  void attachProcess(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  void markIssued(Instant at) {
    this.status = PlanStatus.ISSUED;
    this.issuedAt = at;
  }

  void markClosed(Instant at) {
    this.status = PlanStatus.CLOSED;
    this.closedAt = at;
  }

  public Long getId() {
    return id;
  }

  public String getPlanNumber() {
    return planNumber;
  }

  public String getTitle() {
    return title;
  }

  public String getIssuingAgency() {
    return issuingAgency;
  }

  public String getStandingAgency() {
    return standingAgency;
  }

  public LocalDate getIssueDate() {
    return issueDate;
  }

  public LocalDate getSubPlanDeadline() {
    return subPlanDeadline;
  }

  public String getSubPlanDeadlinePhrase() {
    return subPlanDeadlinePhrase;
  }

  /** The first day of the plan's campaign window (Tháng hành động), if it has one. */
  public LocalDate getCampaignFrom() {
    return campaignFrom;
  }

  public LocalDate getCampaignTo() {
    return campaignTo;
  }

  public boolean isYearEndCommendation() {
    return yearEndCommendation;
  }

  public PlanStatus getStatus() {
    return status;
  }

  public String getProcessInstanceId() {
    return processInstanceId;
  }

  public String getRegisteredBy() {
    return registeredBy;
  }

  public Instant getRegisteredAt() {
    return registeredAt;
  }

  public Instant getIssuedAt() {
    return issuedAt;
  }

  public Instant getClosedAt() {
    return closedAt;
  }

  public List<String> getLegalBases() {
    return List.copyOf(legalBases);
  }

  public List<String> getRecipients() {
    return List.copyOf(recipients);
  }

  public List<Assignment> getAssignments() {
    return List.copyOf(assignments);
  }

  public List<ReportingPeriod> getReportingPeriods() {
    return List.copyOf(reportingPeriods);
  }

  public List<Indicator> getIndicators() {
    return List.copyOf(indicators);
  }
}
