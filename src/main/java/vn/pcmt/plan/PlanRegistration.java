package vn.pcmt.plan;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What the secretariat registers: the JSON API's request body, and what the start form's fields are read into.
 * Each field's own rules (required, lengths, the target not below zero) are those of the register-plan form file,
 * checked on its variables (vn.pcmt.engine.FormRules); here only what the form cannot say: a plan assigns someone,
 * each line of the legal bases and recipients fits its column, a period has a due date once its words are read, what
 * each assignment owes. Rules across fields and against the directory are in {@link PlanRegistrationService}.
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
    List<@Valid AssignmentItem> assignments,
    List<@Valid PeriodItem> reportingPeriods,
    List<IndicatorItem> indicators,
    List<@Size(max = 1000, message = "Một nơi nhận dài quá 1000 ký tự.") String> recipients,
    boolean yearEndCommendation,
    LocalDate campaignFrom,
    LocalDate campaignTo) {

  /** A registration without a campaign window. */
  public PlanRegistration(String planNumber, String planTitle, LocalDate issueDate, String issuingAgency,
      String standingAgency, List<String> legalBases, LocalDate subPlanDeadline, String subPlanDeadlinePhrase,
      List<AssignmentItem> assignments, List<PeriodItem> reportingPeriods, List<IndicatorItem> indicators,
      List<String> recipients, boolean yearEndCommendation) {
    this(planNumber, planTitle, issueDate, issuingAgency, standingAgency, legalBases, subPlanDeadline,
        subPlanDeadlinePhrase, assignments, reportingPeriods, indicators, recipients, yearEndCommendation, null, null);
  }

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
   * Left out (null), an obligation follows the role ({@link AssignmentRole#owesByDefault()}). The target, role and
   * duty are the start form's fields (its rules check them); what it owes is the JSON API's and is checked here.
   *
   * @param owesSubPlan           writes its own implementation plan (kế hoạch triển khai)
   * @param subPlanDeadline       its own sub-plan deadline, when the plan gives it one other than the plan's
   * @param reportsOn             labels of the periods it reports on; an empty list: none
   * @param proposesCommendation  proposes collectives and individuals for commendation at year end
   */
  public record AssignmentItem(
      TargetType targetType,
      String target,
      AssignmentRole role,
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

  /** A period; a due date left out is computed from the deadline as the plan words it ({@code WrittenDeadlines}). */
  public record PeriodItem(
      String label,
      @NotNull(message = "Chưa nhập hạn báo cáo: nhập ngày, hoặc ghi thời hạn như trong kế hoạch (ví dụ: trước ngày 15/3).")
      LocalDate dueDate,
      String deadlinePhrase) {
  }

  /**
   * One indicator. Left out, {@code kind} is COUNT and {@code comparison} AT_LEAST (a number to reach, as every plan
   * registered before kinds were known). {@code target}: a number, a percentage, how many agencies must meet a
   * criterion (none: all), or for RELATIVE the change in percent from the {@code baseline} of {@code baselineYear}
   * (+5: "tăng 5%", −10: "giảm 10%"). Rules across these fields: {@link IndicatorRules}.
   */
  public record IndicatorItem(
      String name,
      String unit,
      IndicatorKind kind,
      Comparison comparison,
      Double target,
      Double baseline,
      Integer baselineYear) {

    /** A count to reach at least ({@code target} may be null: no target). */
    public IndicatorItem(String name, String unit, Double target) {
      this(name, unit, null, null, target, null, null);
    }

    public IndicatorKind kindOrDefault() {
      return kind == null ? IndicatorKind.COUNT : kind;
    }

    public Comparison comparisonOrDefault() {
      return comparison == null ? Comparison.AT_LEAST : comparison;
    }
  }
}
