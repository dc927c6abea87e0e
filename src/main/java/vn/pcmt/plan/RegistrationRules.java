package vn.pcmt.plan;

import static vn.pcmt.plan.PlanRegistrationService.VN_DATE;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.pcmt.agency.Agency;
import vn.pcmt.agency.AgencyDirectory;
import vn.pcmt.agency.AgencyRole;
import vn.pcmt.calendar.Deadlines;
import vn.pcmt.engine.FormValues;
import vn.pcmt.engine.InvalidFormDataException.FieldError;

/**
 * Every rule a registration must meet beyond its form's own (vn.pcmt.engine.FormRules): deadlines written in words,
 * dates the application can compute with, agencies that exist on the issue date, what each assignment owes, duplicates.
 * The Tasklist start form and the JSON API go through the same rules.
 */
@Component
class RegistrationRules {

  static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
  static final int MAX_YEARS_AHEAD = 20;

  private final PlanRepository plans;
  private final AgencyDirectory directory;
  private final Validator validator;
  private final Deadlines deadlines;
  private final WrittenDeadlines writtenDeadlines;
  private final AssignmentTargets targets;

  RegistrationRules(PlanRepository plans, AgencyDirectory directory, Validator validator, Deadlines deadlines,
      WrittenDeadlines writtenDeadlines, AssignmentTargets targets) {
    this.plans = plans;
    this.directory = directory;
    this.validator = validator;
    this.deadlines = deadlines;
    this.writtenDeadlines = writtenDeadlines;
    this.targets = targets;
  }

  /**
   * Adds every problem of the registration beyond its form's own rules (vn.pcmt.engine.FormRules): deadlines written
   * in words, against the directory, across dates, duplicates. A field the form's rules already refused is not
   * reported again. Returns the registration as it will be saved (deadlines in words only get their date).
   */
  @Transactional(readOnly = true)
  PlanRegistration check(PlanRegistration written, Long existingPlanId, FormValues problems) {
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
      checkDateRange("campaignFrom", registration.campaignFrom(), issueDate, errors);
      checkDateRange("campaignTo", registration.campaignTo(), issueDate, errors);
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

  private void checkDirectoryAgencies(PlanRegistration registration, LocalDate issueDate, List<FieldError> errors) {
    if (targets.issuing(registration, issueDate).isEmpty()) {
      errors.add(new FieldError("issuingAgency", isBlank(registration.issuingAgency())
          ? "Danh bạ chưa có cơ quan ban hành kế hoạch."
          : "Không tìm thấy cơ quan ban hành '" + registration.issuingAgency().trim() + "' trong danh bạ (còn hoạt động ngày "
              + VN_DATE.format(issueDate) + ")."));
    }
    if (targets.standing(registration, issueDate).isEmpty()) {
      errors.add(new FieldError("standingAgency", isBlank(registration.standingAgency())
          ? "Danh bạ chưa có cơ quan thường trực."
          : "Không tìm thấy cơ quan thường trực '" + registration.standingAgency().trim() + "' trong danh bạ."));
    }
    if (registration.yearEndCommendation() && directory.withRole(AgencyRole.HOME_AFFAIRS, issueDate).isEmpty()) {
      errors.add(new FieldError("yearEndCommendation",
          "Danh bạ chưa có cơ quan thẩm định khen thưởng (Sở Nội vụ) nên không thể tổ chức khen thưởng."));
    }
  }

  private void checkDates(PlanRegistration registration, LocalDate issueDate, List<FieldError> errors) {
    checkCampaign(registration, issueDate, errors);
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
      if (type == TargetType.KIND && targets.kind(target).isEmpty()) {
        errors.add(new FieldError(field, "Không có loại cơ quan '" + target + "' trong danh bạ. Các loại: "
            + String.join(", ", directory.kinds().stream().map(k -> k.code() + " (" + k.label() + ")").toList()) + "."));
      } else if (type != TargetType.KIND && directory.find(target).isEmpty()) {
        errors.add(new FieldError(field, "Không tìm thấy cơ quan có mã '" + target + "' trong danh bạ."));
      } else if (targets.resolve(type, target, issueDate).isEmpty()) {
        errors.add(new FieldError(field, switch (type) {
          case AGENCY -> activityOn(directory.find(target).orElseThrow(), issueDate);
          case KIND -> "Không có cơ quan loại '" + target + "' hoạt động vào ngày " + VN_DATE.format(issueDate) + ".";
          case CHILDREN_OF -> "Cơ quan '" + target + "' không có đơn vị trực thuộc hoạt động vào ngày "
              + VN_DATE.format(issueDate) + ".";
        }));
      }
    }
  }

  /** A campaign window has both ends, in order, not before the plan. */
  private static void checkCampaign(PlanRegistration registration, LocalDate issueDate, List<FieldError> errors) {
    LocalDate from = registration.campaignFrom();
    LocalDate to = registration.campaignTo();
    if (from == null && to == null) {
      return;
    }
    if (from == null || to == null) {
      errors.add(new FieldError(from == null ? "campaignFrom" : "campaignTo",
          "Đợt cao điểm (tháng hành động) cần cả ngày bắt đầu và ngày kết thúc."));
    } else if (to.isBefore(from)) {
      errors.add(new FieldError("campaignTo", "Ngày kết thúc đợt (" + VN_DATE.format(to) + ") trước ngày bắt đầu ("
          + VN_DATE.format(from) + ")."));
    } else if (to.isBefore(issueDate)) {
      errors.add(new FieldError("campaignTo", "Đợt kết thúc ngày " + VN_DATE.format(to) + ", trước ngày ban hành ("
          + VN_DATE.format(issueDate) + ")."));
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
    targets.issuing(registration, registration.issueDate()).flatMap(issuer ->
        plans.findByPlanNumberAndIssuingAgencyAndIssueDate(registration.planNumber().trim(), issuer.getCode(),
            registration.issueDate()))
        .filter(existing -> !existing.getId().equals(existingPlanId))
        .ifPresent(existing -> errors.add(new FieldError("planNumber", "Kế hoạch số " + existing.getPlanNumber()
            + " ngày " + VN_DATE.format(existing.getIssueDate()) + " đã được đăng ký.")));
  }

  private static boolean isBlank(String text) {
    return text == null || text.isBlank();
  }
}
