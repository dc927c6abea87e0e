package vn.pcmt.plan;

import static vn.pcmt.plan.PlanLifecycleProcess.ASSIGNMENTS;
import static vn.pcmt.plan.PlanLifecycleProcess.CAMPAIGN_FROM;
import static vn.pcmt.plan.PlanLifecycleProcess.CAMPAIGN_TO;
import static vn.pcmt.plan.PlanLifecycleProcess.INDICATORS;
import static vn.pcmt.plan.PlanLifecycleProcess.ISSUE_DATE;
import static vn.pcmt.plan.PlanLifecycleProcess.ISSUING_AGENCY;
import static vn.pcmt.plan.PlanLifecycleProcess.LEGAL_BASES;
import static vn.pcmt.plan.PlanLifecycleProcess.PLAN_NUMBER;
import static vn.pcmt.plan.PlanLifecycleProcess.PLAN_TITLE;
import static vn.pcmt.plan.PlanLifecycleProcess.RECIPIENTS;
import static vn.pcmt.plan.PlanLifecycleProcess.REPORTING_PERIODS;
import static vn.pcmt.plan.PlanLifecycleProcess.STANDING_AGENCY;
import static vn.pcmt.plan.PlanLifecycleProcess.SUB_PLAN_DEADLINE;
import static vn.pcmt.plan.PlanLifecycleProcess.SUB_PLAN_DEADLINE_PHRASE;
import static vn.pcmt.plan.PlanLifecycleProcess.YEAR_END_COMMENDATION;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.VariableScope;

import vn.pcmt.engine.FormValues;
import vn.pcmt.engine.InvalidFormDataException;
import vn.pcmt.plan.PlanLifecycleProcess.AssignmentRow;
import vn.pcmt.plan.PlanLifecycleProcess.IndicatorRow;
import vn.pcmt.plan.PlanLifecycleProcess.PeriodRow;

/**
 * The register-plan form's fields, read into a {@link PlanRegistration} and written from one. The JSON API starts the
 * process with the same fields, so both paths go through the same registration step.
 */
public final class PlanRegistrationForm {

  private PlanRegistrationForm() {
  }

  /** Reads the fields; throws {@link InvalidFormDataException} if a date or a choice cannot be read. */
  public static PlanRegistration read(VariableScope form) {
    FormValues values = new FormValues();
    PlanRegistration registration = read(form, values);
    values.throwIfInvalid();
    return registration;
  }

  /**
   * Reads the fields, adding a problem for a date or a choice that cannot be read unless the form's rules already
   * refused it (what cannot be read is then null).
   */
  public static PlanRegistration read(VariableScope form, FormValues values) {
    List<AssignmentRow> assignmentRows = values.list(() -> ASSIGNMENTS.get(form), ASSIGNMENTS.name());
    List<PeriodRow> periodRows = values.list(() -> REPORTING_PERIODS.get(form), REPORTING_PERIODS.name());
    List<IndicatorRow> indicatorRows = values.list(() -> INDICATORS.get(form), INDICATORS.name());

    List<PlanRegistration.AssignmentItem> assignments = new ArrayList<>();
    for (int i = 0; i < assignmentRows.size(); i++) {
      AssignmentRow row = assignmentRows.get(i);
      String path = ASSIGNMENTS.name() + "[" + i + "]";
      assignments.add(new PlanRegistration.AssignmentItem(
          values.enumValue(TargetType.class, row.targetType(), path + ".targetType", "Loại đối tượng"),
          row.target(),
          values.enumValue(AssignmentRole.class, row.role(), path + ".role", "Vai trò"),
          row.duty(), row.owesSubPlan(),
          values.date(row.subPlanDeadline(), path + ".subPlanDeadline", "Hạn gửi kế hoạch triển khai của cơ quan"),
          row.subPlanDeadlinePhrase(), row.reportsOn(), row.proposesCommendation()));
    }
    List<PlanRegistration.PeriodItem> periods = new ArrayList<>();
    for (int i = 0; i < periodRows.size(); i++) {
      PeriodRow row = periodRows.get(i);
      periods.add(new PlanRegistration.PeriodItem(row.label(),
          values.date(row.dueDate(), REPORTING_PERIODS.name() + "[" + i + "].dueDate", "Hạn báo cáo"),
          row.deadlinePhrase()));
    }
    List<PlanRegistration.IndicatorItem> indicators = new ArrayList<>();
    for (int i = 0; i < indicatorRows.size(); i++) {
      IndicatorRow row = indicatorRows.get(i);
      String path = INDICATORS.name() + "[" + i + "]";
      indicators.add(new PlanRegistration.IndicatorItem(row.name(), row.unit(),
          values.enumValue(IndicatorKind.class, row.kind(), path + ".kind", "Loại chỉ tiêu"),
          values.enumValue(Comparison.class, row.comparison(), path + ".comparison", "So sánh với mục tiêu"),
          row.target(), row.baseline(), row.baselineYear()));
    }

    PlanRegistration registration = new PlanRegistration(
        PLAN_NUMBER.get(form), PLAN_TITLE.get(form),
        values.date(ISSUE_DATE.get(form), ISSUE_DATE.name(), "Ngày ban hành"),
        ISSUING_AGENCY.get(form), STANDING_AGENCY.get(form),
        lines(LEGAL_BASES.get(form)),
        values.date(SUB_PLAN_DEADLINE.get(form), SUB_PLAN_DEADLINE.name(), "Hạn gửi kế hoạch triển khai"),
        SUB_PLAN_DEADLINE_PHRASE.get(form),
        assignments, periods, indicators,
        lines(RECIPIENTS.get(form)),
        // read as is: a value other than true/false is the form's to refuse (checkbox), not a failure here
        Boolean.TRUE.equals(form.getVariable(YEAR_END_COMMENDATION.name())),
        values.date(CAMPAIGN_FROM.get(form), CAMPAIGN_FROM.name(), "Đợt cao điểm: từ ngày"),
        values.date(CAMPAIGN_TO.get(form), CAMPAIGN_TO.name(), "Đợt cao điểm: đến ngày"));
    return registration;
  }

  public static Map<String, Object> write(PlanRegistration registration) {
    Map<String, Object> form = new HashMap<>();
    PLAN_NUMBER.put(form, registration.planNumber());
    PLAN_TITLE.put(form, registration.planTitle());
    ISSUE_DATE.put(form, registration.issueDate() == null ? null : registration.issueDate().toString());
    ISSUING_AGENCY.put(form, registration.issuingAgency());
    STANDING_AGENCY.put(form, registration.standingAgency());
    LEGAL_BASES.put(form, String.join("\n", registration.legalBasesOrEmpty()));
    SUB_PLAN_DEADLINE.put(form, registration.subPlanDeadline() == null ? null : registration.subPlanDeadline().toString());
    SUB_PLAN_DEADLINE_PHRASE.put(form, registration.subPlanDeadlinePhrase());
    ASSIGNMENTS.put(form, registration.assignments() == null ? List.of() : registration.assignments().stream()
        .map(a -> a == null ? new AssignmentRow(null, null, null, null, null, null, null, null, null, null)
            : new AssignmentRow(a.targetTypeOrDefault().name(), a.target(), a.role() == null ? null : a.role().name(),
                a.duty(), a.owesSubPlan(), a.subPlanDeadline() == null ? null : a.subPlanDeadline().toString(),
                a.subPlanDeadlinePhrase(), a.reportsOn(), a.proposesCommendation(), null))
        .toList());
    REPORTING_PERIODS.put(form, registration.reportingPeriods() == null ? List.of() : registration.reportingPeriods()
        .stream().map(p -> p == null ? new PeriodRow(null, null, null) : new PeriodRow(p.label(),
            p.dueDate() == null ? null : p.dueDate().toString(), p.deadlinePhrase()))
        .toList());
    INDICATORS.put(form, registration.indicatorsOrEmpty().stream()
        .map(i -> i == null ? new IndicatorRow(null, null, null, null, null, null, null)
            : new IndicatorRow(i.name(), i.unit(), i.kind() == null ? null : i.kind().name(),
                i.comparison() == null ? null : i.comparison().name(), i.target(), i.baseline(), i.baselineYear()))
        .toList());
    RECIPIENTS.put(form, String.join("\n", registration.recipientsOrEmpty()));
    YEAR_END_COMMENDATION.put(form, registration.yearEndCommendation());
    CAMPAIGN_FROM.put(form, registration.campaignFrom() == null ? null : registration.campaignFrom().toString());
    CAMPAIGN_TO.put(form, registration.campaignTo() == null ? null : registration.campaignTo().toString());
    return form;
  }

  /** The form's variables, to drop once the plan is in the application's tables (number and title stay). */
  public static List<String> variableNames() {
    return List.of(ISSUE_DATE.name(), ISSUING_AGENCY.name(), STANDING_AGENCY.name(),
        LEGAL_BASES.name(), SUB_PLAN_DEADLINE.name(), SUB_PLAN_DEADLINE_PHRASE.name(), ASSIGNMENTS.name(),
        REPORTING_PERIODS.name(), INDICATORS.name(), RECIPIENTS.name(), CAMPAIGN_FROM.name(), CAMPAIGN_TO.name());
  }

  private static List<String> lines(String text) {
    return text == null ? List.of()
        : Arrays.stream(text.split("\\R")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

}
