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

/** Server-side rules of the sub-plan forms. */
@Configuration
class SubPlanFormValidators {

  private static final DateTimeFormatter VN_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  @Bean
  FormValidator draftSubPlanForm(PlanRegistrationService plans, Deadlines deadlines) {
    return FormValidator.of(SubPlanProcess.FORM_DRAFT, (task, problems) -> {
      Decisions.requireText(task, SubPlanProcess.DOCUMENT_NUMBER, "số, ký hiệu kế hoạch của cơ quan", 128, problems);
      Decisions.requireText(task, SubPlanProcess.SUMMARY, "tóm tắt nội dung kế hoạch", 4000, problems);
      String field = SubPlanProcess.DOCUMENT_DATE.name();
      String text = SubPlanProcess.DOCUMENT_DATE.get(task);
      LocalDate date = problems.date(text, field, "Ngày ban hành kế hoạch của cơ quan");
      if (text == null || text.isBlank()) {
        problems.add(field, "Chưa nhập ngày ban hành kế hoạch của cơ quan.");
      } else if (date != null) {
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

  @Bean
  FormValidator approveSubPlanForm() {
    return FormValidator.decision(SubPlanProcess.FORM_APPROVE, SubPlanProcess.HEAD_APPROVED,
        SubPlanProcess.HEAD_COMMENT, "trả lại cán bộ");
  }

  @Bean
  FormValidator reviewSubPlanForm() {
    return FormValidator.decision(SubPlanProcess.FORM_REVIEW, SubPlanProcess.ACCEPTED, SubPlanProcess.REVIEW_COMMENT,
        "yêu cầu chỉnh sửa");
  }
}
