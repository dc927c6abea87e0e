package vn.pcmt.subplan;

import static vn.pcmt.subplan.SubPlanProcess.AGENCY_GROUP;
import static vn.pcmt.subplan.SubPlanProcess.DOCUMENT_DATE;
import static vn.pcmt.subplan.SubPlanProcess.DOCUMENT_NUMBER;
import static vn.pcmt.subplan.SubPlanProcess.PLAN_ID;
import static vn.pcmt.subplan.SubPlanProcess.SUMMARY;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import vn.pcmt.calendar.Deadlines;
import vn.pcmt.obligation.ObligationKind;
import vn.pcmt.obligation.ObligationService;

/** Task_SubmitSubPlan: the head approved; the sub-plan reaches the secretariat and counts as delivered. */
@Component
class SubmitSubPlanDelegate implements JavaDelegate {

  private final SubPlanRepository subPlans;
  private final ObligationService obligations;
  private final Deadlines deadlines;

  SubmitSubPlanDelegate(SubPlanRepository subPlans, ObligationService obligations, Deadlines deadlines) {
    this.subPlans = subPlans;
    this.obligations = obligations;
    this.deadlines = deadlines;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long planId = PLAN_ID.get(execution);
    String agency = AGENCY_GROUP.get(execution);
    SubPlan subPlan = subPlans.findByPlanIdAndAgencyCode(planId, agency).orElseGet(() -> new SubPlan(planId, agency));
    subPlan.submit(DOCUMENT_NUMBER.get(execution).trim(), LocalDate.parse(DOCUMENT_DATE.get(execution).substring(0, 10)),
        SUMMARY.get(execution).trim(), deadlines.now().toInstant());
    subPlans.save(subPlan);
    obligations.delivered(planId, agency, ObligationKind.SUB_PLAN, null);
  }
}
