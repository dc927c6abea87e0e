package vn.pcmt.plan;

import static vn.pcmt.plan.PlanLifecycleProcess.PLAN_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import vn.pcmt.obligation.ObligationService;

/** Task_ClosePlan: every obligation is settled (on time, late, never) and the plan is closed. */
@Component
class ClosePlanDelegate implements JavaDelegate {

  private final PlanRegistrationService plans;
  private final ObligationService obligations;

  ClosePlanDelegate(PlanRegistrationService plans, ObligationService obligations) {
    this.plans = plans;
    this.obligations = obligations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long planId = PLAN_ID.get(execution);
    obligations.settle(planId);
    plans.close(planId);
  }
}
