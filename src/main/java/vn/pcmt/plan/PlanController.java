package vn.pcmt.plan;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.pcmt.calendar.Deadlines;
import vn.pcmt.agency.AgencyGroups;
import vn.pcmt.obligation.Obligation;
import vn.pcmt.obligation.ObligationService;

/**
 * The plans' JSON API. Registration starts the same process as Tasklist's start form, with the same fields, so both
 * are checked by the same rules; the engine checks that the caller may start plans.
 */
@RestController
@RequestMapping("/api/plans")
class PlanController {

  private final PlanRegistrationService plans;
  private final ObligationService obligations;
  private final RuntimeService runtime;
  private final IdentityService identity;
  private final Deadlines deadlines;

  PlanController(PlanRegistrationService plans, ObligationService obligations, RuntimeService runtime,
      IdentityService identity, Deadlines deadlines) {
    this.deadlines = deadlines;
    this.plans = plans;
    this.obligations = obligations;
    this.runtime = runtime;
    this.identity = identity;
  }

  @PostMapping
  ResponseEntity<RegisteredPlan> register(@RequestBody PlanRegistration registration) {
    // Task_RegisterPlan checks the fields by the start form's rules, then against the directory, as for Tasklist's
    // start form: a refusal rolls the start back, and the 400 lists every problem
    ProcessInstanceWithVariables instance = runtime.createProcessInstanceByKey(PlanLifecycleProcess.KEY)
        .setVariables(PlanRegistrationForm.write(registration))
        .executeWithVariablesInReturn();
    long planId = PlanLifecycleProcess.PLAN_ID.get(instance.getVariables());
    Plan plan = plans.get(planId);
    return ResponseEntity.created(URI.create("/api/plans/" + planId))
        .body(new RegisteredPlan(planId, plan.getPlanNumber(), plan.getStatus(), instance.getId()));
  }

  @GetMapping("/{planId}")
  PlanView get(@PathVariable long planId) {
    return plans.read(planId, this::view);
  }

  private PlanView view(Plan plan) {
    return new PlanView(plan.getId(), plan.getPlanNumber(), plan.getTitle(), plan.getIssuingAgency(),
        plan.getStandingAgency(), plan.getIssueDate(), plan.getStatus(), plan.getLegalBases(),
        plan.getSubPlanDeadline(), plan.getSubPlanDeadlinePhrase(),
        plan.getSubPlanDeadline() == null ? null
            : deadlines.lastDay(plan.getSubPlanDeadline(), plan.getSubPlanDeadlinePhrase())
                .equals(plan.getSubPlanDeadline()),
        plan.getSubPlanDeadline() == null ? null
            : deadlines.dueDate(deadlines.lastDay(plan.getSubPlanDeadline(), plan.getSubPlanDeadlinePhrase())),
        plan.getAssignments().stream().map(a -> new AssignmentView(a.getTargetType(), a.getTarget(), a.getRole(),
            a.getDuty(), a.owesSubPlan(), a.getSubPlanDeadline(), a.getSubPlanDeadlinePhrase(),
            a.reportsOnAllPeriods() ? null : a.getReportsOn(), a.proposesCommendation())).toList(),
        plan.getStatus() == PlanStatus.DRAFT ? List.of() : plans.assignees(plan),
        plan.getReportingPeriods().stream().map(p -> new PeriodView(p.getId(), p.getLabel(), p.getDueDate(),
            p.getDeadlinePhrase(), deadlines.lastDay(p.getDueDate(), p.getDeadlinePhrase()).equals(p.getDueDate()),
            deadlines.dueDate(deadlines.lastDay(p.getDueDate(), p.getDeadlinePhrase())))).toList(),
        plan.getIndicators().stream().map(i -> new IndicatorView(i.getId(), i.getName(), i.getUnit(), i.getKind(),
            i.getComparison(), i.getTarget(), i.getBaseline(), i.getBaselineYear(), i.targetText())).toList(),
        plan.getRecipients(), plan.isYearEndCommendation(), plan.getProcessInstanceId(), obligations(plan),
        plan.getCampaignFrom(), plan.getCampaignTo());
  }

  private Obligations obligations(Plan plan) {
    if (plan.getStatus() == PlanStatus.DRAFT) {
      return null;
    }
    Map<String, List<String>> reports = new java.util.LinkedHashMap<>();
    plan.getReportingPeriods().forEach(p -> reports.put(p.getLabel(), plans.reporting(plan, p.getLabel())));
    return new Obligations(plans.owingSubPlan(plan), reports,
        plan.isYearEndCommendation() ? plans.proposingCommendation(plan) : List.of());
  }

  /**
   * Which agency delivered each step on time, late or never. Only the plan's secretariat and leadership see it: it
   * shows every agency's record.
   */
  @GetMapping("/{planId}/summary")
  PlanSummary summary(@PathVariable long planId) {
    return plans.read(planId, this::summary);
  }

  private PlanSummary summary(Plan plan) {
    long planId = plan.getId();
    requireOneOf(plan.getStandingAgency(), AgencyGroups.headGroupOf(plan.getIssuingAgency()), "camunda-admin");
    Map<Long, String> periodLabels = new java.util.HashMap<>();
    plan.getReportingPeriods().forEach(p -> periodLabels.put(p.getId(), p.getLabel()));
    List<Obligation> all = obligations.ofPlan(planId);
    return new PlanSummary(plan.getId(), plan.getPlanNumber(), plan.getStatus(), plan.getClosedAt(),
        all.stream().map(o -> new ObligationView(o.getAgencyCode(), o.getKind().name(), o.getKind().label(),
            o.getPeriodId() == null ? null : periodLabels.get(o.getPeriodId()), o.getDueAt(), o.getDeliveredAt(),
            o.getOutcome() == null ? null : o.getOutcome().name(),
            o.getOutcome() == null ? null : o.getOutcome().label())).toList());
  }

  private void requireOneOf(String... groups) {
    Authentication authentication = identity.getCurrentAuthentication();
    List<String> memberOf = authentication == null || authentication.getGroupIds() == null ? List.of()
        : authentication.getGroupIds();
    if (List.of(groups).stream().noneMatch(memberOf::contains)) {
      throw new AuthorizationException("Only the plan's secretariat and leadership see its summary");
    }
  }

  record RegisteredPlan(long planId, String planNumber, PlanStatus status, String processInstanceId) {
  }

  /** An assignment and what it owes; {@code reportsOn} null: every period. */
  record AssignmentView(TargetType targetType, String target, AssignmentRole role, String duty, boolean owesSubPlan,
      LocalDate subPlanDeadline, String subPlanDeadlinePhrase, java.util.Set<String> reportsOn,
      boolean proposesCommendation) {
  }

  /** Who owes what once the plan is issued, collectives expanded: per obligation, the agencies' codes. */
  record Obligations(List<String> subPlan, Map<String, List<String>> reports, List<String> commendationProposals) {
  }

  /**
   * A period's deadline: the date and phrase as written, whether that day itself is still in time ("trước ngày X":
   * no), and the day the report is really due (the last day in time, rolled to a working day if configured).
   */
  record PeriodView(long id, String label, LocalDate dueDate, String deadlinePhrase, boolean dueDateInTime,
      LocalDate dueDay) {
  }

  /** An indicator as registered, with its target in words ("Tối thiểu 12 xã"). */
  record IndicatorView(long id, String name, String unit, IndicatorKind kind, Comparison comparison, Double target,
      Double baseline, Integer baselineYear, String targetText) {
  }

  record PlanView(long id, String planNumber, String planTitle, String issuingAgency, String standingAgency,
      LocalDate issueDate, PlanStatus status, List<String> legalBases, LocalDate subPlanDeadline,
      String subPlanDeadlinePhrase, Boolean subPlanDeadlineInTime, LocalDate subPlanDueDay, List<AssignmentView> assignments, List<String> assignedAgencies,
      List<PeriodView> reportingPeriods, List<IndicatorView> indicators, List<String> recipients,
      boolean yearEndCommendation, String processInstanceId, Obligations obligations, LocalDate campaignFrom,
      LocalDate campaignTo) {
  }

  record ObligationView(String agency, String kind, String kindLabel, String period, Instant dueAt,
      Instant deliveredAt, String outcome, String outcomeLabel) {
  }

  record PlanSummary(long planId, String planNumber, PlanStatus status, Instant closedAt,
      List<ObligationView> obligations) {
  }
}
