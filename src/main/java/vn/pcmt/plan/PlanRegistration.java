package vn.pcmt.plan;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * What the secretariat registers: the JSON API's request body, and what the start form's fields are read into.
 * Field rules are here; rules across fields and against the directory are in {@link PlanRegistrationService}.
 */
public record PlanRegistration(
    @NotBlank(message = "Chưa nhập số, ký hiệu kế hoạch.")
    @Size(max = 64, message = "Số, ký hiệu kế hoạch dài quá 64 ký tự.")
    String planNumber,
    @NotBlank(message = "Chưa nhập tên (trích yếu) kế hoạch.")
    @Size(max = 1000, message = "Tên kế hoạch dài quá 1000 ký tự.")
    String planTitle,
    @NotNull(message = "Chưa nhập ngày ban hành.")
    LocalDate issueDate,
    String issuingAgency,
    String standingAgency,
    List<@Size(max = 2000, message = "Một căn cứ dài quá 2000 ký tự.") String> legalBases,
    LocalDate subPlanDeadline,
    @Size(max = 255, message = "Hạn ghi trong kế hoạch dài quá 255 ký tự.")
    String subPlanDeadlinePhrase,
    @NotEmpty(message = "Kế hoạch phải phân công nhiệm vụ cho ít nhất một cơ quan.")
    List<@Valid AssignmentItem> assignments,
    List<@Valid PeriodItem> reportingPeriods,
    List<@Valid IndicatorItem> indicators,
    List<@Size(max = 1000, message = "Một nơi nhận dài quá 1000 ký tự.") String> recipients,
    boolean yearEndCommendation) {

  public List<String> legalBasesOrEmpty() {
    return legalBases == null ? List.of() : legalBases;
  }

  public List<String> recipientsOrEmpty() {
    return recipients == null ? List.of() : recipients;
  }

  /** The reporting periods; none for a plan without periodic reports. */
  public List<PeriodItem> reportingPeriodsOrEmpty() {
    return reportingPeriods == null ? List.of() : reportingPeriods;
  }

  public List<IndicatorItem> indicatorsOrEmpty() {
    return indicators == null ? List.of() : indicators;
  }

  /**
   * One assignment: {@code target} is an agency code, a kind (DEPARTMENT) or a parent agency's code; and what it owes.
   * Left out (null), an obligation follows the role ({@link AssignmentRole#owesByDefault()}).
   *
   * @param owesSubPlan           writes its own implementation plan (kế hoạch triển khai)
   * @param subPlanDeadline       its own sub-plan deadline, when the plan gives it one other than the plan's
   * @param reportsOn             labels of the periods it reports on; an empty list: none
   * @param proposesCommendation  proposes collectives and individuals for commendation at year end
   */
  public record AssignmentItem(
      TargetType targetType,
      @NotBlank(message = "Chưa nhập cơ quan được giao nhiệm vụ.")
      String target,
      @NotNull(message = "Chưa chọn vai trò (chủ trì, phối hợp, đề nghị).")
      AssignmentRole role,
      @NotBlank(message = "Chưa nhập nội dung nhiệm vụ.")
      @Size(max = 4000, message = "Nội dung nhiệm vụ dài quá 4000 ký tự.")
      String duty,
      Boolean owesSubPlan,
      LocalDate subPlanDeadline,
      @Size(max = 255, message = "Hạn ghi trong kế hoạch dài quá 255 ký tự.")
      String subPlanDeadlinePhrase,
      List<@NotBlank(message = "Tên kỳ báo cáo không được để trống.") String> reportsOn,
      Boolean proposesCommendation) {

    /** An assignment whose obligations follow its role. */
    public AssignmentItem(TargetType targetType, String target, AssignmentRole role, String duty) {
      this(targetType, target, role, duty, null, null, null, null, null);
    }

    public TargetType targetTypeOrDefault() {
      return targetType == null ? TargetType.AGENCY : targetType;
    }

    /** Owes a sub-plan: as written, else by role when the plan asks for sub-plans at all. */
    public boolean owesSubPlanIn(PlanRegistration plan) {
      return owesSubPlan != null ? owesSubPlan
          : role != null && role.owesByDefault() && (plan.subPlanDeadline() != null || plan.subPlanDeadlinePhrase() != null);
    }

    /** Reports on every period: nothing written and a role that reports by default. */
    public boolean reportsOnAllPeriods() {
      return reportsOn == null && role != null && role.owesByDefault();
    }

    public List<String> reportsOnOrEmpty() {
      return reportsOn == null ? List.of() : reportsOn;
    }

    public boolean proposesCommendationIn(PlanRegistration plan) {
      return plan.yearEndCommendation()
          && (proposesCommendation != null ? proposesCommendation : role != null && role.owesByDefault());
    }
  }

  public record PeriodItem(
      @NotBlank(message = "Chưa nhập tên kỳ báo cáo (ví dụ: Quý I).")
      @Size(max = 128, message = "Tên kỳ báo cáo dài quá 128 ký tự.")
      String label,
      @NotNull(message = "Chưa nhập hạn báo cáo: nhập ngày, hoặc ghi thời hạn như trong kế hoạch (ví dụ: trước ngày 15/3).")
      LocalDate dueDate,
      @Size(max = 255, message = "Hạn ghi trong kế hoạch dài quá 255 ký tự.")
      String deadlinePhrase) {
  }

  public record IndicatorItem(
      @NotBlank(message = "Chưa nhập tên chỉ tiêu.")
      @Size(max = 1000, message = "Tên chỉ tiêu dài quá 1000 ký tự.")
      String name,
      @Size(max = 64, message = "Đơn vị tính dài quá 64 ký tự.")
      String unit,
      @PositiveOrZero(message = "Mục tiêu của chỉ tiêu không được âm.")
      Double target) {
  }
}
