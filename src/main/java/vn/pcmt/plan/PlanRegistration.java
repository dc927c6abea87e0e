package vn.pcmt.plan;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/**
 * What the secretariat registers: the JSON API's request body, and what the start form's fields are read into.
 * Each field's own rules (required, lengths, the target not below zero) are those of the register-plan form file,
 * checked on its variables (vn.pcmt.engine.FormRules); here only what the form cannot say: a plan assigns someone and
 * reports at least once, each line of the legal bases and recipients fits its column. Rules across fields and against
 * the directory are in {@link PlanRegistrationService}.
 */
public record PlanRegistration(
    String planNumber,
    String planTitle,
    LocalDate issueDate,
    String issuingAgency,
    String standingAgency,
    List<@Size(max = 2000, message = "Một căn cứ dài quá 2000 ký tự.") String> legalBases,
    LocalDate subPlanDeadline,
    String subPlanDeadlinePhrase,
    @NotEmpty(message = "Kế hoạch phải phân công nhiệm vụ cho ít nhất một cơ quan.")
    List<AssignmentItem> assignments,
    @NotEmpty(message = "Kế hoạch phải có ít nhất một kỳ báo cáo.")
    List<PeriodItem> reportingPeriods,
    List<IndicatorItem> indicators,
    List<@Size(max = 1000, message = "Một nơi nhận dài quá 1000 ký tự.") String> recipients,
    boolean yearEndCommendation) {

  public List<String> legalBasesOrEmpty() {
    return legalBases == null ? List.of() : legalBases;
  }

  public List<String> recipientsOrEmpty() {
    return recipients == null ? List.of() : recipients;
  }

  public List<IndicatorItem> indicatorsOrEmpty() {
    return indicators == null ? List.of() : indicators;
  }

  /** One assignment: {@code target} is an agency code, a kind (DEPARTMENT) or a parent agency's code. */
  public record AssignmentItem(TargetType targetType, String target, AssignmentRole role, String duty) {

    public TargetType targetTypeOrDefault() {
      return targetType == null ? TargetType.AGENCY : targetType;
    }
  }

  public record PeriodItem(String label, LocalDate dueDate, String deadlinePhrase) {
  }

  public record IndicatorItem(String name, String unit, Double target) {
  }
}
