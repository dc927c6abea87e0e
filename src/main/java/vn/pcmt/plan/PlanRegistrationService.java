package vn.pcmt.plan;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.pcmt.agency.Agency;
import vn.pcmt.agency.AgencyDirectory;
import vn.pcmt.agency.AgencyKind;
import vn.pcmt.agency.AgencyRole;
import vn.pcmt.calendar.Deadlines;
import vn.pcmt.engine.FormValues;
import vn.pcmt.engine.InvalidFormDataException;
import vn.pcmt.engine.InvalidFormDataException.FieldError;

/**
 * Registers, issues and closes plans. Every rule a registration must meet is checked here, for the Tasklist start
 * form and the JSON API alike, and a refused registration changes nothing.
 */
@Service
public class PlanRegistrationService {

  static final DateTimeFormatter VN_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
  static final int MAX_YEARS_AHEAD = 20;

  private final PlanRepository plans;
  private final AgencyDirectory directory;
  private final Validator validator;
  private final Deadlines deadlines;
  private final WrittenDeadlines writtenDeadlines;

  PlanRegistrationService(PlanRepository plans, AgencyDirectory directory, Validator validator, Deadlines deadlines,
      WrittenDeadlines writtenDeadlines) {
    this.plans = plans;
    this.directory = directory;
    this.validator = validator;
    this.deadlines = deadlines;
    this.writtenDeadlines = writtenDeadlines;
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
   * in words, against the directory, across dates, duplicates. A field the form's rules already refused is not
   * reported again. Returns the registration as it will be saved (deadlines in words only get their date).
   */
  @Transactional(readOnly = true)
  public PlanRegistration check(PlanRegistration written, Long existingPlanId, FormValues problems) {
    List<FieldError> errors = new ArrayList<>();
    PlanRegistration registration = writtenDeadlines.complete(written, errors);
    Set<String> unreadPhrases = new HashSet<>();
    errors.forEach(e -> unreadPhrases.add(e.field().replace("DeadlinePhrase", "Deadline").replace(".deadlinePhrase", ".dueDate")));
    for (ConstraintViolation<PlanRegistration> violation : validator.validate(registration)) {
      String field = violation.getPropertyPath().toString();
      if (!unreadPhrases.contains(field)) {
        errors.add(new FieldError(field, violation.getMessage()));
      }
    }
    IndicatorRules.check(registration, errors);
    LocalDate issueDate = registration.issueDate();
    int beforeRangeChecks = errors.size();
    if (issueDate != null && (issueDate.isBefore(EARLIEST) || issueDate.isAfter(deadlines.today().plusYears(1)))) {
      errors.add(new FieldError("issueDate", "Ngày ban hành " + VN_DATE.format(issueDate) + " nằm ngoài khoảng cho phép"
          + " (từ " + VN_DATE.format(EARLIEST) + " đến " + VN_DATE.format(deadlines.today().plusYears(1)) + ")."));
      issueDate = null;
    }
    if (issueDate != null) {
      checkDateRange("subPlanDeadline", registration.subPlanDeadline(), issueDate, errors);
      if (registration.reportingPeriods() != null) {
        for (int i = 0; i < registration.reportingPeriods().size(); i++) {
          PlanRegistration.PeriodItem period = registration.reportingPeriods().get(i);
          checkDateRange("reportingPeriods[" + i + "].dueDate", period == null ? null : period.dueDate(), issueDate,
              errors);
        }
      }
      if (registration.assignments() != null) {
        for (int i = 0; i < registration.assignments().size(); i++) {
          PlanRegistration.AssignmentItem item = registration.assignments().get(i);
          checkDateRange("assignments[" + i + "].subPlanDeadline", item == null ? null : item.subPlanDeadline(),
              issueDate, errors);
        }
      }
    }
    // the rules below compute with the dates: only when every date is one they can compute with
    if (issueDate != null && errors.size() == beforeRangeChecks) {
      checkDirectoryAgencies(registration, issueDate, errors);
      checkDates(registration, issueDate, errors);
      checkAssignments(registration, issueDate, errors);
      checkDuplicate(registration, existingPlanId, errors);
    }
    errors.sort((a, b) -> a.field().compareTo(b.field()));
    Set<String> refused = new HashSet<>();
    errors.stream().map(FieldError::field).filter(problems::has).forEach(refused::add);
    errors.stream().filter(error -> !refused.contains(error.field()))
        .forEach(error -> problems.add(error.field(), error.message()));
    return registration;
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
    plan.apply(registration, issuingAgency(registration, issueDate).orElseThrow().getCode(),
        standingAgency(registration, issueDate).orElseThrow().getCode());
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
        for (Agency agency : resolve(assignment.getTargetType(), assignment.getTarget(), plan.getIssueDate())) {
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
      for (Agency agency : resolve(assignment.getTargetType(), assignment.getTarget(), plan.getIssueDate())) {
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
        .filter(a -> resolve(a.getTargetType(), a.getTarget(), plan.getIssueDate()).stream()
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

  private List<Agency> resolve(TargetType type, String target, LocalDate on) {
    String code = target == null ? "" : target.trim();
    return switch (type == null ? TargetType.AGENCY : type) {
      case AGENCY -> directory.find(code).filter(a -> a.isValidOn(on)).map(List::of).orElse(List.of());
      case KIND -> kindOf(code).map(kind -> directory.ofKind(kind, on)).orElse(List.of());
      case CHILDREN_OF -> directory.childrenOf(code, on);
    };
  }

  private static Optional<AgencyKind> kindOf(String code) {
    try {
      return Optional.of(AgencyKind.valueOf(code));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private Optional<Agency> issuingAgency(PlanRegistration registration, LocalDate on) {
    return isBlank(registration.issuingAgency())
        ? directory.withRole(AgencyRole.ISSUER, on)
        : directory.find(registration.issuingAgency().trim()).filter(a -> a.isValidOn(on));
  }

  private Optional<Agency> standingAgency(PlanRegistration registration, LocalDate on) {
    return isBlank(registration.standingAgency())
        ? directory.withRole(AgencyRole.SECRETARIAT, on)
        : directory.find(registration.standingAgency().trim()).filter(a -> a.isValidOn(on));
  }

  private void checkDirectoryAgencies(PlanRegistration registration, LocalDate issueDate, List<FieldError> errors) {
    if (issuingAgency(registration, issueDate).isEmpty()) {
      errors.add(new FieldError("issuingAgency", isBlank(registration.issuingAgency())
          ? "Danh bạ chưa có cơ quan ban hành kế hoạch."
          : "Không tìm thấy cơ quan ban hành '" + registration.issuingAgency().trim() + "' trong danh bạ (còn hoạt động ngày "
              + VN_DATE.format(issueDate) + ")."));
    }
    if (standingAgency(registration, issueDate).isEmpty()) {
      errors.add(new FieldError("standingAgency", isBlank(registration.standingAgency())
          ? "Danh bạ chưa có cơ quan thường trực."
          : "Không tìm thấy cơ quan thường trực '" + registration.standingAgency().trim() + "' trong danh bạ."));
    }
    if (registration.yearEndCommendation() && homeAffairs(issueDate).isEmpty()) {
      errors.add(new FieldError("yearEndCommendation",
          "Danh bạ chưa có cơ quan thẩm định khen thưởng (Sở Nội vụ) nên không thể tổ chức khen thưởng."));
    }
  }

  private void checkDates(PlanRegistration registration, LocalDate issueDate, List<FieldError> errors) {
    if (registration.subPlanDeadline() != null && registration.subPlanDeadline().isBefore(issueDate)) {
      errors.add(new FieldError("subPlanDeadline", "Hạn gửi kế hoạch triển khai ("
          + VN_DATE.format(registration.subPlanDeadline()) + ") trước ngày ban hành (" + VN_DATE.format(issueDate) + ")."));
    }
    String subPlanPhrase = Deadlines.phraseProblem(registration.subPlanDeadline(), registration.subPlanDeadlinePhrase());
    if (subPlanPhrase != null) {
      errors.add(new FieldError("subPlanDeadlinePhrase", subPlanPhrase));
    }
    if (registration.reportingPeriods() == null) {
      return;
    }
    Set<String> labels = new HashSet<>();
    for (int i = 0; i < registration.reportingPeriods().size(); i++) {
      PlanRegistration.PeriodItem period = registration.reportingPeriods().get(i);
      if (period == null) {
        continue;
      }
      if (period.dueDate() != null && period.dueDate().isBefore(issueDate)) {
        errors.add(new FieldError("reportingPeriods[" + i + "].dueDate", "Hạn báo cáo kỳ '" + period.label() + "' ("
            + VN_DATE.format(period.dueDate()) + ") trước ngày ban hành (" + VN_DATE.format(issueDate) + ")."));
      }
      String periodPhrase = Deadlines.phraseProblem(period.dueDate(), period.deadlinePhrase());
      if (periodPhrase != null) {
        errors.add(new FieldError("reportingPeriods[" + i + "].deadlinePhrase", periodPhrase));
      }
      if (period.label() != null && !labels.add(period.label().trim())) {
        errors.add(new FieldError("reportingPeriods[" + i + "].label",
            "Kỳ báo cáo '" + period.label().trim() + "' bị trùng."));
      }
    }
  }

  private void checkAssignments(PlanRegistration registration, LocalDate issueDate, List<FieldError> errors) {
    if (registration.assignments() == null) {
      return;
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < registration.assignments().size(); i++) {
      PlanRegistration.AssignmentItem item = registration.assignments().get(i);
      if (item == null || isBlank(item.target())) {
        continue;
      }
      checkObligations(registration, item, "assignments[" + i + "]", issueDate, errors);
      String key = item.targetTypeOrDefault() + "|" + item.target().trim() + "|" + item.role() + "|"
          + (item.duty() == null ? "" : item.duty().strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT));
      if (!seen.add(key)) {
        errors.add(new FieldError("assignments[" + i + "]", "Nhiệm vụ giao cho '" + item.target().trim()
            + "' bị nhập trùng (cùng cơ quan, vai trò và nội dung với một dòng phía trên)."));
      }
      String target = item.target().trim();
      String field = "assignments[" + i + "].target";
      TargetType type = item.targetTypeOrDefault();
      if (type == TargetType.KIND && kindOf(target).isEmpty()) {
        errors.add(new FieldError(field, "Không có loại cơ quan '" + target + "'. Các loại: "
            + String.join(", ", java.util.Arrays.stream(AgencyKind.values()).map(Enum::name).toList()) + "."));
      } else if (type != TargetType.KIND && directory.find(target).isEmpty()) {
        errors.add(new FieldError(field, "Không tìm thấy cơ quan có mã '" + target + "' trong danh bạ."));
      } else if (resolve(type, target, issueDate).isEmpty()) {
        errors.add(new FieldError(field, switch (type) {
          case AGENCY -> activityOn(directory.find(target).orElseThrow(), issueDate);
          case KIND -> "Không có cơ quan loại '" + target + "' hoạt động vào ngày " + VN_DATE.format(issueDate) + ".";
          case CHILDREN_OF -> "Cơ quan '" + target + "' không có đơn vị trực thuộc hoạt động vào ngày "
              + VN_DATE.format(issueDate) + ".";
        }));
      }
    }
  }

  /** What an assignment owes must fit the plan: known periods, a sub-plan deadline after the issue date. */
  private void checkObligations(PlanRegistration registration, PlanRegistration.AssignmentItem item, String path,
      LocalDate issueDate, List<FieldError> errors) {
    Set<String> labels = new HashSet<>();
    if (registration.reportingPeriods() != null) {
      registration.reportingPeriods().stream().filter(p -> p != null && p.label() != null)
          .forEach(p -> labels.add(p.label().trim()));
    }
    List<String> reportsOn = item.reportsOnOrEmpty();
    for (int j = 0; j < reportsOn.size(); j++) {
      String label = reportsOn.get(j) == null ? "" : reportsOn.get(j).trim();
      if (!label.isEmpty() && !labels.contains(label)) {
        errors.add(new FieldError(path + ".reportsOn[" + j + "]", "Kế hoạch không có kỳ báo cáo '" + label
            + "'. Các kỳ: " + String.join(", ", labels) + "."));
      }
    }
    if (!item.owesSubPlanIn(registration)) {
      if (item.subPlanDeadline() != null || !isBlank(item.subPlanDeadlinePhrase())) {
        errors.add(new FieldError(path + ".subPlanDeadline", "Cơ quan '" + item.target().trim()
            + "' không phải gửi kế hoạch triển khai nên không có hạn gửi kế hoạch."));
      }
      return;
    }
    LocalDate own = item.subPlanDeadline();
    if (own != null && own.isBefore(issueDate)) {
      errors.add(new FieldError(path + ".subPlanDeadline", "Hạn gửi kế hoạch triển khai của '" + item.target().trim()
          + "' (" + VN_DATE.format(own) + ") trước ngày ban hành (" + VN_DATE.format(issueDate) + ")."));
    }
    String phraseProblem = Deadlines.phraseProblem(own, item.subPlanDeadlinePhrase());
    if (own != null && phraseProblem != null) {
      errors.add(new FieldError(path + ".subPlanDeadlinePhrase", phraseProblem));
    }
    if (own == null && registration.subPlanDeadline() == null) {
      errors.add(new FieldError(path + ".subPlanDeadline", "Cơ quan '" + item.target().trim()
          + "' phải gửi kế hoạch triển khai nhưng chưa có hạn: nhập hạn của cơ quan này hoặc hạn chung của kế hoạch."));
    }
  }

  /** Why an agency cannot be assigned on a date: not founded yet, or ended (merged, dissolved). */
  private static String activityOn(Agency agency, LocalDate date) {
    if (agency.getValidFrom() != null && date.isBefore(agency.getValidFrom())) {
      return "Cơ quan '" + agency.getCode() + "' chưa hoạt động vào ngày " + VN_DATE.format(date)
          + " (hoạt động từ ngày " + VN_DATE.format(agency.getValidFrom()) + ").";
    }
    return "Cơ quan '" + agency.getCode() + "' không còn hoạt động vào ngày " + VN_DATE.format(date)
        + (agency.getValidTo() == null ? "." : " (đã kết thúc ngày " + VN_DATE.format(agency.getValidTo()) + ").");
  }

  /**
   * Every date of a registration stays where the application can compute with it: the issue date from 2000 to
   * next year, deadlines within {@value #MAX_YEARS_AHEAD} years of it (a programme runs to 2030; 9999 is a typing
   * mistake that would fail every due-date computation later).
   */
  private static void checkDateRange(String field, LocalDate date, LocalDate issueDate, List<FieldError> errors) {
    if (date != null && (date.isBefore(EARLIEST) || date.isAfter(issueDate.plusYears(MAX_YEARS_AHEAD)))) {
      errors.add(new FieldError(field, "Ngày " + VN_DATE.format(date) + " nằm ngoài khoảng cho phép (từ "
          + VN_DATE.format(EARLIEST) + " đến " + MAX_YEARS_AHEAD + " năm sau ngày ban hành)."));
    }
  }

  private void checkDuplicate(PlanRegistration registration, Long existingPlanId, List<FieldError> errors) {
    if (isBlank(registration.planNumber())) {
      return;
    }
    issuingAgency(registration, registration.issueDate()).flatMap(issuer ->
        plans.findByPlanNumberAndIssuingAgencyAndIssueDate(registration.planNumber().trim(), issuer.getCode(),
            registration.issueDate()))
        .filter(existing -> !existing.getId().equals(existingPlanId))
        .ifPresent(existing -> errors.add(new FieldError("planNumber", "Kế hoạch số " + existing.getPlanNumber()
            + " ngày " + VN_DATE.format(existing.getIssueDate()) + " đã được đăng ký.")));
  }

  private static boolean isBlank(String text) {
    return text == null || text.isBlank();
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
