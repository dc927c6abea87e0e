package vn.pcmt.plan;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.pcmt.engine.Decisions;
import vn.pcmt.engine.FormValidator;

/**
 * The plan's own rules of its task forms, beyond the form files' (checked by vn.pcmt.engine.FormRules). The
 * registration itself, against the directory and across dates, is checked by Task_RegisterPlan right after.
 */
@Configuration
class PlanFormValidators {

  /** Revising a returned plan: a fresh review by the leadership once the revision is readable. */
  @Bean
  FormValidator revisePlanForm() {
    return FormValidator.of(PlanLifecycleProcess.FORM_REGISTER_PLAN, (task, problems) -> {
      PlanRegistrationForm.read(task, problems);
      if (!problems.hasErrors()) {
        Decisions.startFreshReview(task, PlanLifecycleProcess.ISSUANCE_APPROVED,
            PlanLifecycleProcess.ISSUANCE_COMMENT);
      }
    });
  }
}
