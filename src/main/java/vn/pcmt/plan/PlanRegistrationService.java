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

  private final PlanRepository plans;
  private final AgencyDirectory directory;
  private final Validator validator;
  private final Deadlines deadlines;

  PlanRegistrationService(PlanRepository plans, AgencyDirectory directory, Validator validator, Deadlines deadlines) {
    this.plans = plans;
    this.directory = directory;
    this.validator = validator;
    this.deadlines = deadlines;
  }

  /** Throws {@link InvalidFormDataException} listing every problem, in Vietnamese. */
  @Transactional(readOnly = true)
  public void validate(PlanRegistration registration, Long existingPlanId) {
    FormValues problems = new FormValues();
    check(registration, existingPlanId, problems);
    problems.throwIfInvalid();
  }

  /**
   * Adds every problem of the registration beyond its form's own rules (vn.pcmt.engine.FormRules): against the
   * directory, across dates, duplicates. A field the form's rules already refused is not reported again.
   */
  @Transactional(readOnly = true)
  public void check(PlanRegistration registration, Long existingPlanId, FormValues problems) {
    List<FieldError> errors = new ArrayList<>();
    for (ConstraintViolation<PlanRegistration> violation : validator.validate(registration)) {
      errors.add(new FieldError(violation.getPropertyPath().toString(), violation.getMessage()));
    }
    LocalDate issueDate = registration.issueDate();
    if (issueDate != null) {
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
  }

  /** Validates and saves the registration: a new draft, or the revised draft of {@code existingPlanId}. */
  @Transactional
  public Plan register(PlanRegistration registration, Long existingPlanId, String registeredBy,
      String processInstanceId) {
    validate(registration, existingPlanId);
    Plan plan = existingPlanId == null
        ? new Plan(registeredBy, deadlines.now().toInstant())
        : plans.findById(existingPlanId).orElseThrow(() -> new IllegalStateException("No plan " + existingPlanId));
    LocalDate issueDate = registration.issueDate();
    plan.apply(registration, issuingAgency(registration, issueDate).orElseThrow().getCode(),
        standingAgency(registration, issueDate).orElseThrow().getCode());
    plan.attachProcess(processInstanceId);
    return plans.save(plan);
  }

  /** Marks the plan issued and returns who must act on it. */
  @Transactional
  public IssuedPlan issue(long planId) {
    Plan plan = get(planId);
    plan.markIssued(deadlines.now().toInstant());
    List<String> agencies = assignees(plan);
    return new IssuedPlan(plan, agencies,
        plan.getReportingPeriods().stream().map(ReportingPeriod::getId).toList());
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

  /** The duties of one agency in the plan, including those it has as member of a collective. */
  @Transactional(readOnly = true)
  public List<Assignment> dutiesOf(Plan plan, String agencyCode) {
    return plan.getAssignments().stream()
        .filter(a -> resolve(a.getTargetType(), a.getTarget(), plan.getIssueDate()).stream()
            .anyMatch(agency -> agency.getCode().equals(agencyCode)))
        .toList();
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
    for (int i = 0; i < registration.assignments().size(); i++) {
      PlanRegistration.AssignmentItem item = registration.assignments().get(i);
      if (item == null || isBlank(item.target())) {
        continue;
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
          case AGENCY -> "Cơ quan '" + target + "' không còn hoạt động vào ngày " + VN_DATE.format(issueDate) + ".";
          case KIND -> "Không có cơ quan loại '" + target + "' hoạt động vào ngày " + VN_DATE.format(issueDate) + ".";
          case CHILDREN_OF -> "Cơ quan '" + target + "' không có đơn vị trực thuộc hoạt động vào ngày "
              + VN_DATE.format(issueDate) + ".";
        }));
      }
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

  /** A just-issued plan and who must act on it. */
  public record IssuedPlan(Plan plan, List<String> agencies, List<Long> periodIds) {
  }
}
