package vn.pcmt.plan;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.pcmt.agency.Agency;
import vn.pcmt.agency.AgencyDirectory;
import vn.pcmt.agency.AgencyRole;
import vn.pcmt.calendar.Deadlines;
import vn.pcmt.engine.FormValues;
import vn.pcmt.engine.InvalidFormDataException;

/**
 * Registers, issues and closes plans, and says who owes what. Every rule a registration must meet is checked by
 * {@link RegistrationRules}, for the Tasklist start form and the JSON API alike, and a refused registration changes
 * nothing.
 */
@Service
public class PlanRegistrationService {

  static final DateTimeFormatter VN_DATE = Deadlines.VN_DATE;

  private final PlanRepository plans;
  private final AgencyDirectory directory;
  private final Deadlines deadlines;
  private final RegistrationRules rules;
  private final AssignmentTargets targets;

  PlanRegistrationService(PlanRepository plans, AgencyDirectory directory, Deadlines deadlines,
      RegistrationRules rules, AssignmentTargets targets) {
    this.plans = plans;
    this.directory = directory;
    this.deadlines = deadlines;
    this.rules = rules;
    this.targets = targets;
  }

  /**
   * The registration as it will be saved (deadlines written in words only get their date), or
   * {@link InvalidFormDataException} listing every problem, in Vietnamese.
   */
  @Transactional(readOnly = true)
  public PlanRegistration validate(PlanRegistration written, Long existingPlanId) {
    FormValues problems = new FormValues();
    PlanRegistration registration = check(written, existingPlanId, problems);
    problems.throwIfInvalid();
    return registration;
  }

  /**
   * Adds every problem of the registration beyond its form's own rules (vn.pcmt.engine.FormRules): deadlines written
   * in words, against the directory, across dates, duplicates ({@link RegistrationRules}). Returns the registration as
   * it will be saved (deadlines in words only get their date).
   */
  @Transactional(readOnly = true)
  public PlanRegistration check(PlanRegistration written, Long existingPlanId, FormValues problems) {
    return rules.check(written, existingPlanId, problems);
  }

  /** Validates and saves the registration: a new draft, or the revised draft of {@code existingPlanId}. */
  @Transactional
  public Plan register(PlanRegistration written, Long existingPlanId, String registeredBy,
      String processInstanceId) {
    PlanRegistration registration = validate(written, existingPlanId);
    Plan plan = existingPlanId == null
        ? new Plan(registeredBy, deadlines.now().toInstant())
        : plans.findById(existingPlanId).orElseThrow(() -> new IllegalStateException("No plan " + existingPlanId));
    LocalDate issueDate = registration.issueDate();
    plan.apply(registration, targets.issuing(registration, issueDate).orElseThrow().getCode(),
        targets.standing(registration, issueDate).orElseThrow().getCode());
    plan.attachProcess(processInstanceId);
    return plans.save(plan);
  }

  /** Marks the plan issued and returns who owes a sub-plan, and the reporting periods. */
  @Transactional
  public IssuedPlan issue(long planId) {
    Plan plan = get(planId);
    plan.markIssued(deadlines.now().toInstant());
    return new IssuedPlan(plan, owingSubPlan(plan),
        plan.getReportingPeriods().stream().map(ReportingPeriod::getId).toList());
  }

  /** The agencies that owe a sub-plan. */
  @Transactional(readOnly = true)
  public List<String> owingSubPlan(Plan plan) {
    return owing(plan, Assignment::owesSubPlan);
  }

  /** The agencies that report on the period of that label: only those whose assignment says so. */
  @Transactional(readOnly = true)
  public List<String> reporting(Plan plan, String periodLabel) {
    return owing(plan, assignment -> assignment.reportsOn(periodLabel));
  }

  /** The agencies that propose commendations at year end. */
  @Transactional(readOnly = true)
  public List<String> proposingCommendation(Plan plan) {
    return owing(plan, Assignment::proposesCommendation);
  }

  /**
   * The sub-plan deadline of one agency, as written: its own assignment's when the plan gives it one (the earliest,
   * when several of its assignments do), else the plan's.
   */
  @Transactional(readOnly = true)
  public WrittenDeadline subPlanDeadlineOf(Plan plan, String agencyCode) {
    return dutiesOf(plan, agencyCode).stream().filter(Assignment::owesSubPlan)
        .filter(a -> a.getSubPlanDeadline() != null)
        .min(java.util.Comparator.comparing(Assignment::getSubPlanDeadline))
        .map(a -> new WrittenDeadline(a.getSubPlanDeadline(), a.getSubPlanDeadlinePhrase()))
        .orElseGet(() -> new WrittenDeadline(plan.getSubPlanDeadline(), plan.getSubPlanDeadlinePhrase()));
  }

  /**
   * Agencies of the assignments that owe something, collectives expanded on the issue date, each once, in order; an
   * agency that has ended since is replaced by its successors on the day the tasks are created.
   */
  private List<String> owing(Plan plan, java.util.function.Predicate<Assignment> owes) {
    Set<String> result = new java.util.LinkedHashSet<>();
    for (Assignment assignment : plan.getAssignments()) {
      if (owes.test(assignment)) {
        for (Agency agency : targets.resolve(assignment.getTargetType(), assignment.getTarget(), plan.getIssueDate())) {
          result.addAll(holdersOf(agency.getCode()));
        }
      }
    }
    return List.copyOf(result);
  }

  @Transactional
  public Plan close(long planId) {
    Plan plan = get(planId);
    plan.markClosed(deadlines.now().toInstant());
    return plan;
  }

  /** Reads a plan and what hangs off it in one transaction (its collections load lazily). */
  @Transactional(readOnly = true)
  public <T> T read(long planId, java.util.function.Function<Plan, T> reader) {
    return reader.apply(get(planId));
  }

  @Transactional(readOnly = true)
  public Plan get(long planId) {
    return plans.findById(planId).orElseThrow(() -> new PlanNotFoundException(planId));
  }

  /**
   * Every agency the plan addresses, collectives expanded to the agencies valid on the issue date, each once, in the
   * order the plan names them.
   */
  @Transactional(readOnly = true)
  public List<String> assignees(Plan plan) {
    Map<String, Agency> result = new LinkedHashMap<>();
    for (Assignment assignment : plan.getAssignments()) {
      for (Agency agency : targets.resolve(assignment.getTargetType(), assignment.getTarget(), plan.getIssueDate())) {
        result.putIfAbsent(agency.getCode(), agency);
      }
    }
    return List.copyOf(result.keySet());
  }

  /**
   * The duties of one agency in the plan, including those it has as member of a collective and those it took over
   * from an agency that ended (its predecessor in the directory).
   */
  @Transactional(readOnly = true)
  public List<Assignment> dutiesOf(Plan plan, String agencyCode) {
    return plan.getAssignments().stream()
        .filter(a -> targets.resolve(a.getTargetType(), a.getTarget(), plan.getIssueDate()).stream()
            .anyMatch(agency -> holdersOf(agency.getCode()).contains(agencyCode)))
        .toList();
  }

  /**
   * Who holds an addressed agency's duties today: itself, or its successors after it ended. An ended agency nobody
   * took over keeps them, so its new tasks wait where the secretariat is told of them ({@code AgencySuccession}).
   */
  private List<String> holdersOf(String code) {
    List<String> successors = directory.successorsOn(code, deadlines.today());
    return successors.isEmpty() ? List.of(code) : successors;
  }

  /** The home-affairs agency (Sở Nội vụ) valid when the plan was issued. */
  @Transactional(readOnly = true)
  public Optional<Agency> homeAffairs(LocalDate on) {
    return directory.withRole(AgencyRole.HOME_AFFAIRS, on);
  }

  /** An assignment as one line of text: "Chủ trì: <duty>". */
  public static final class DutyText {

    public static final DateTimeFormatter VN_DATE = PlanRegistrationService.VN_DATE;

    private DutyText() {
    }

    public static String of(Assignment assignment) {
      return assignment.getRole().label() + ": " + assignment.getDuty();
    }
  }

  /** A just-issued plan, the agencies that owe a sub-plan, and its reporting periods. */
  public record IssuedPlan(Plan plan, List<String> subPlanAgencies, List<Long> periodIds) {
  }

  /** A deadline as the plan writes it: the date and, when given, the phrase ("trước ngày 15/02/2023"). */
  public record WrittenDeadline(LocalDate date, String phrase) {
  }
}
