package vn.pcmt.subplan;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.pcmt.calendar.Deadlines;
import vn.pcmt.engine.Decisions;
import vn.pcmt.engine.FormValidator;
import vn.pcmt.plan.Plan;
import vn.pcmt.plan.PlanRegistrationService;

/**
 * The sub-plan's own rules, beyond its form files' (required fields, lengths, the head's and secretariat's decisions
 * and reasons: vn.pcmt.engine.FormRules).
 */
@Configuration
class SubPlanFormValidators {

  private static final DateTimeFormatter VN_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  /** The agency's plan is dated between the plan's issue and today; a new draft starts a fresh review. */
  @Bean
  FormValidator draftSubPlanForm(PlanRegistrationService plans, Deadlines deadlines) {
    return FormValidator.of(SubPlanProcess.FORM_DRAFT, (task, problems) -> {
      String field = SubPlanProcess.DOCUMENT_DATE.name();
      LocalDate date = problems.date(SubPlanProcess.DOCUMENT_DATE.get(task), field,
          "Ngày ban hành kế hoạch của cơ quan");
      if (date != null) {
        Plan plan = plans.get(SubPlanProcess.PLAN_ID.get(task));
        if (date.isBefore(plan.getIssueDate())) {
          problems.add(field, "Ngày ban hành kế hoạch của cơ quan (" + VN_DATE.format(date)
              + ") trước ngày ban hành kế hoạch của tỉnh (" + VN_DATE.format(plan.getIssueDate()) + ").");
        } else if (date.isAfter(deadlines.today())) {
          problems.add(field, "Ngày ban hành kế hoạch của cơ quan (" + VN_DATE.format(date)
              + ") là ngày trong tương lai.");
        }
      }
      if (!problems.hasErrors()) {
        Decisions.startFreshReview(task, SubPlanProcess.HEAD_APPROVED, SubPlanProcess.HEAD_COMMENT,
            SubPlanProcess.ACCEPTED, SubPlanProcess.REVIEW_COMMENT);
      }
    });
  }
}
