package vn.pcmt.subplan;

import static vn.pcmt.subplan.SubPlanProcess.AGENCY_DUTIES;
import static vn.pcmt.subplan.SubPlanProcess.AGENCY_GROUP;
import static vn.pcmt.subplan.SubPlanProcess.AGENCY_HEAD_GROUP;
import static vn.pcmt.subplan.SubPlanProcess.AGENCY_NAME;
import static vn.pcmt.subplan.SubPlanProcess.DEADLINE_PHRASE;
import static vn.pcmt.subplan.SubPlanProcess.PLAN_ID;
import static vn.pcmt.subplan.SubPlanProcess.SUB_PLAN_DUE_DATE;

import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import vn.pcmt.agency.AgencyDirectory;
import vn.pcmt.agency.AgencyGroups;
import vn.pcmt.calendar.Deadlines;
import vn.pcmt.obligation.ObligationKind;
import vn.pcmt.obligation.ObligationService;
import vn.pcmt.plan.Plan;
import vn.pcmt.plan.PlanRegistrationService;
import vn.pcmt.plan.PlanRegistrationService.DutyText;
import vn.pcmt.plan.PlanRegistrationService.WrittenDeadline;

/** Task_OpenSubPlan: the agency owes a sub-plan; its forms show its duties and the deadline as the plan words it. */
@Component
class OpenSubPlanDelegate implements JavaDelegate {

  private final PlanRegistrationService plans;
  private final AgencyDirectory directory;
  private final ObligationService obligations;
  private final Deadlines deadlines;

  OpenSubPlanDelegate(PlanRegistrationService plans, AgencyDirectory directory, ObligationService obligations,
      Deadlines deadlines) {
    this.plans = plans;
    this.directory = directory;
    this.obligations = obligations;
    this.deadlines = deadlines;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Plan plan = plans.get(PLAN_ID.get(execution));
    String agency = AGENCY_GROUP.get(execution);
    AGENCY_HEAD_GROUP.set(execution, AgencyGroups.headGroupOf(agency));
    AGENCY_NAME.set(execution, directory.find(agency).map(a -> a.getName()).orElse(agency));
    AGENCY_DUTIES.set(execution, plans.dutiesOf(plan, agency).stream().map(DutyText::of)
        .collect(Collectors.joining("\n")));
    WrittenDeadline deadline = plans.subPlanDeadlineOf(plan, agency);
    SUB_PLAN_DUE_DATE.set(execution, deadlines.dueAt(deadline.date(), deadline.phrase()));
    DEADLINE_PHRASE.set(execution, deadline.phrase() != null ? deadline.phrase()
        : "trước ngày " + deadline.date().format(DutyText.VN_DATE));
    obligations.open(plan.getId(), agency, ObligationKind.SUB_PLAN, null, SUB_PLAN_DUE_DATE.get(execution),
        execution.getProcessInstanceId());
  }
}
