package vn.pcmt.plan;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.pcmt.engine.Decisions;
import vn.pcmt.engine.FormValidator;

/** Server-side rules of the plan's task forms. The registration form itself is checked by Task_RegisterPlan. */
@Configuration
class PlanFormValidators {

  @Bean
  FormValidator approveIssuanceForm() {
    return FormValidator.decision(PlanLifecycleProcess.FORM_APPROVE_ISSUANCE, PlanLifecycleProcess.ISSUANCE_APPROVED,
        PlanLifecycleProcess.ISSUANCE_COMMENT, "trả lại kế hoạch");
  }

  /** Revising a returned plan: the fields are checked when Task_RegisterPlan saves them, right after. */
  @Bean
  FormValidator revisePlanForm() {
    return FormValidator.of(PlanLifecycleProcess.FORM_REGISTER_PLAN, (task, problems) -> {
      PlanRegistrationForm.read(task);
      Decisions.startFreshReview(task, PlanLifecycleProcess.ISSUANCE_APPROVED, PlanLifecycleProcess.ISSUANCE_COMMENT);
    });
  }
}
