package vn.pcmt.subplan;

import static vn.pcmt.subplan.SubPlanProcess.AGENCY_GROUP;
import static vn.pcmt.subplan.SubPlanProcess.PLAN_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import vn.pcmt.calendar.Deadlines;

/** Task_AcceptSubPlan: the secretariat accepted the agency's sub-plan. */
@Component
class AcceptSubPlanDelegate implements JavaDelegate {

  private final SubPlanRepository subPlans;
  private final Deadlines deadlines;

  AcceptSubPlanDelegate(SubPlanRepository subPlans, Deadlines deadlines) {
    this.subPlans = subPlans;
    this.deadlines = deadlines;
  }

  @Override
  public void execute(DelegateExecution execution) {
    SubPlan subPlan = subPlans.findByPlanIdAndAgencyCode(PLAN_ID.get(execution), AGENCY_GROUP.get(execution))
        .orElseThrow(() -> new IllegalStateException("No sub-plan was submitted"));
    subPlan.accept(deadlines.now().toInstant());
    subPlans.save(subPlan);
  }
}
