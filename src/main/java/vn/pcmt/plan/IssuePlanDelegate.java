package vn.pcmt.plan;

import static vn.pcmt.plan.PlanLifecycleProcess.PLAN_ID;
import static vn.pcmt.plan.PlanLifecycleProcess.REPORTING_PERIOD_IDS;
import static vn.pcmt.plan.PlanLifecycleProcess.REPORTING_REQUIRED;
import static vn.pcmt.plan.PlanLifecycleProcess.SUB_PLAN_AGENCIES;
import static vn.pcmt.plan.PlanLifecycleProcess.SUB_PLAN_DUE_DATE;
import static vn.pcmt.plan.PlanLifecycleProcess.SUB_PLAN_REQUIRED;

import java.util.ArrayList;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import vn.pcmt.calendar.Deadlines;
import vn.pcmt.plan.PlanRegistrationService.IssuedPlan;

/**
 * Task_IssuePlan: the plan is issued; collectives are expanded to the agencies valid on the issue date, and the
 * sub-plan and reporting steps get their lists. The registration form's fields are dropped: the plan is in the
 * tables now.
 */
@Component
class IssuePlanDelegate implements JavaDelegate {

  private final PlanRegistrationService plans;
  private final Deadlines deadlines;

  IssuePlanDelegate(PlanRegistrationService plans, Deadlines deadlines) {
    this.plans = plans;
    this.deadlines = deadlines;
  }

  @Override
  public void execute(DelegateExecution execution) {
    IssuedPlan issued = plans.issue(PLAN_ID.get(execution));
    Plan plan = issued.plan();
    boolean subPlans = !issued.subPlanAgencies().isEmpty();
    SUB_PLAN_REQUIRED.set(execution, subPlans);
    SUB_PLAN_AGENCIES.set(execution, new ArrayList<>(issued.subPlanAgencies()));
    // the plan's deadline; an agency given its own gets it when its sub-plan opens (OpenSubPlanDelegate)
    SUB_PLAN_DUE_DATE.set(execution, subPlans && plan.getSubPlanDeadline() != null
        ? deadlines.dueAt(plan.getSubPlanDeadline(), plan.getSubPlanDeadlinePhrase()) : null);
    REPORTING_REQUIRED.set(execution, !issued.periodIds().isEmpty());
    REPORTING_PERIOD_IDS.set(execution, new ArrayList<>(issued.periodIds()));
    PlanRegistrationForm.variableNames().forEach(execution::removeVariable);
  }
}
