package vn.pcmt.plan;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.pcmt.engine.Decisions;
import vn.pcmt.engine.FormValidator;
import vn.pcmt.engine.FormValues;

/** Server-side rules of the plan's task forms. The registration form itself is checked by Task_RegisterPlan. */
@Configuration
class PlanFormValidators {

  @Bean
  FormValidator approveIssuanceForm() {
    return new FormValidator() {
      @Override
      public String formId() {
        return PlanLifecycleProcess.FORM_APPROVE_ISSUANCE;
      }

      @Override
      public void validate(DelegateTask task, FormValues problems) {
        Decisions.require(task, PlanLifecycleProcess.ISSUANCE_APPROVED, PlanLifecycleProcess.ISSUANCE_COMMENT,
            problems, "trả lại kế hoạch");
      }
    };
  }

  /** Revising a returned plan: the fields are checked when Task_RegisterPlan saves them, right after. */
  @Bean
  FormValidator revisePlanForm() {
    return new FormValidator() {
      @Override
      public String formId() {
        return PlanLifecycleProcess.FORM_REGISTER_PLAN;
      }

      @Override
      public void validate(DelegateTask task, FormValues problems) {
        PlanRegistrationForm.read(task);
        Decisions.startFreshReview(task, PlanLifecycleProcess.ISSUANCE_APPROVED, PlanLifecycleProcess.ISSUANCE_COMMENT);
      }
    };
  }
}
