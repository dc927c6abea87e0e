package vn.pcmt.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.pcmt.calendar.DeadlineContext;
import vn.pcmt.calendar.DeadlineEvent;
import vn.pcmt.calendar.DeadlinePhraseException;
import vn.pcmt.calendar.DeadlineRule;
import vn.pcmt.calendar.DeadlineRules;
import vn.pcmt.calendar.Deadlines;
import vn.pcmt.calendar.DueMoment;
import vn.pcmt.calendar.ReportingRegime;
import vn.pcmt.engine.InvalidFormDataException.FieldError;

/**
 * Deadlines the secretariat copies from the plan as words only ("trong tháng 5 năm 2025", "trước ngày 03 tháng 7
 * năm 2023", "theo quy định", "15 ngày kể từ ngày ban hành") get their date here, computed from the issue date and
 * the reporting regime, so that the rest of the application keeps working with a date and the phrase as written.
 * Words that cannot be understood are refused, quoting them.
 */
@Component
class WrittenDeadlines {

  private final Deadlines deadlines;
  private final ReportingRegime regime;

  WrittenDeadlines(Deadlines deadlines, ReportingRegime regime) {
    this.deadlines = deadlines;
    this.regime = regime;
  }

  /** The registration with a date for every deadline written in words only; what cannot be read goes to errors. */
  PlanRegistration complete(PlanRegistration plan, List<FieldError> errors) {
    if (plan.issueDate() == null || DeadlineRules.dateProblem(plan.issueDate()) != null) {
      return plan;
    }
    DeadlineContext context = DeadlineContext.of(deadlines, regime).issuedOn(plan.issueDate())
        .withReferenceYear(plan.issueDate().getYear());
    if (plan.campaignTo() != null && DeadlineRules.dateProblem(plan.campaignTo()) == null) {
      // "trong vòng 3 ngày sau khi kết thúc Tháng hành động"
      context = context.withEvent(DeadlineEvent.CAMPAIGN_END, plan.campaignTo());
    }
    LocalDate subPlan = dateOf(plan.subPlanDeadline(), plan.subPlanDeadlinePhrase(), null, context,
        "subPlanDeadlinePhrase", errors);
    List<PlanRegistration.PeriodItem> periods = null;
    if (plan.reportingPeriods() != null) {
      periods = new ArrayList<>();
      for (int i = 0; i < plan.reportingPeriods().size(); i++) {
        PlanRegistration.PeriodItem p = plan.reportingPeriods().get(i);
        periods.add(p == null ? null : new PlanRegistration.PeriodItem(p.label(), dateOf(p.dueDate(),
            p.deadlinePhrase(), p.label(), context, "reportingPeriods[" + i + "].deadlinePhrase", errors),
            p.deadlinePhrase()));
      }
    }
    List<PlanRegistration.AssignmentItem> assignments = null;
    if (plan.assignments() != null) {
      assignments = new ArrayList<>();
      for (int i = 0; i < plan.assignments().size(); i++) {
        PlanRegistration.AssignmentItem a = plan.assignments().get(i);
        assignments.add(a == null ? null : new PlanRegistration.AssignmentItem(a.targetType(), a.target(), a.role(),
            a.duty(), a.owesSubPlan(), dateOf(a.subPlanDeadline(), a.subPlanDeadlinePhrase(), null, context,
                "assignments[" + i + "].subPlanDeadlinePhrase", errors), a.subPlanDeadlinePhrase(), a.reportsOn(),
            a.proposesCommendation()));
      }
    }
    return new PlanRegistration(plan.planNumber(), plan.planTitle(), plan.issueDate(), plan.issuingAgency(),
        plan.standingAgency(), plan.legalBases(), subPlan, plan.subPlanDeadlinePhrase(), assignments, periods,
        plan.indicators(), plan.recipients(), plan.yearEndCommendation(), plan.campaignFrom(), plan.campaignTo());
  }

  /**
   * The date a deadline is stored with: as entered, or computed from its words. "trước ngày X" keeps X (the phrase
   * says the day itself is late); a window, a recurring rule or a period counted from an event keeps its last day.
   */
  private LocalDate dateOf(LocalDate entered, String phrase, String periodLabel, DeadlineContext context,
      String field, List<FieldError> errors) {
    if (entered != null || phrase == null || phrase.isBlank()) {
      return entered;
    }
    try {
      DeadlineRule rule = DeadlineRules.parse(phrase);
      Optional<DueMoment> moment = rule.resolve(periodOf(rule, periodLabel, context));
      if (moment.isEmpty()) {
        errors.add(new FieldError(field, "Thời hạn \"" + phrase.strip() + "\" không có ngày cụ thể: hãy nhập ngày."));
        return null;
      }
      // "trước ngày X" stays X, which its phrase reads back as exclusive; anything else is stored as its last day
      return rule instanceof DeadlineRule.OnDate && !moment.get().inclusive() ? moment.get().date()
          : moment.get().lastDay();
    } catch (DeadlinePhraseException e) {
      errors.add(new FieldError(field, e.getMessage()));
      return null;
    }
  }

  /**
   * "theo quy định" and "hằng quý trước ngày 15 của tháng cuối quý" need to know which report: the period's label
   * says it ("Quý I", "06 tháng", "Năm 2025").
   */
  private static DeadlineContext periodOf(DeadlineRule rule, String periodLabel, DeadlineContext context) {
    if (!(rule instanceof DeadlineRule.ByRegime || rule instanceof DeadlineRule.Recurring) || periodLabel == null) {
      return context;
    }
    try {
      if (DeadlineRules.parse(periodLabel) instanceof DeadlineRule.Window window) {
        return context.withPeriod(window.period(context.issueDate().getYear()));
      }
    } catch (DeadlinePhraseException e) {
      // a label that names no period ("Tháng hành động"): the phrase must name it, or the rule says what is missing
    }
    return context;
  }
}
