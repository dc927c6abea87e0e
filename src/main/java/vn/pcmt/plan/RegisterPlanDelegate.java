package vn.pcmt.plan;

import static vn.pcmt.plan.PlanLifecycleProcess.ASSIGNMENTS;
import static vn.pcmt.plan.PlanLifecycleProcess.HOME_AFFAIRS_GROUP;
import static vn.pcmt.plan.PlanLifecycleProcess.LEADERSHIP_GROUP;
import static vn.pcmt.plan.PlanLifecycleProcess.PLAN_ID;
import static vn.pcmt.plan.PlanLifecycleProcess.PLAN_NUMBER;
import static vn.pcmt.plan.PlanLifecycleProcess.PLAN_TITLE;
import static vn.pcmt.plan.PlanLifecycleProcess.SECRETARIAT_GROUP;
import static vn.pcmt.plan.PlanLifecycleProcess.YEAR_END_COMMENDATION;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import vn.pcmt.agency.Agency;
import vn.pcmt.agency.AgencyDirectory;
import vn.pcmt.agency.AgencyGroups;
import vn.pcmt.agency.AgencyKind;
import vn.pcmt.engine.FormRules;
import vn.pcmt.engine.FormValues;
import vn.pcmt.plan.PlanLifecycleProcess.AssignmentRow;

/**
 * Task_RegisterPlan: saves the submitted (or revised) plan in the application's tables and routes the next steps.
 * A refused registration throws with every problem (the form's rules, then the directory's and the dates'), so the
 * start or the revision is rolled back and nothing is saved.
 */
@Component
class RegisterPlanDelegate implements JavaDelegate {

  private final PlanRegistrationService plans;
  private final FormRules formRules;
  private final IdentityService identity;
  private final AgencyDirectory directory;

  RegisterPlanDelegate(PlanRegistrationService plans, FormRules formRules, IdentityService identity,
      AgencyDirectory directory) {
    this.plans = plans;
    this.formRules = formRules;
    this.identity = identity;
    this.directory = directory;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Long planId = PLAN_ID.get(execution);
    FormValues problems = new FormValues();
    if (planId == null) {
      // a registration from Tasklist's start form or the JSON API: the start form's rules, as any task's form has;
      // a revision was checked by the rules of Task_RevisePlan's form on completing it
      formRules.checkStartForm(execution, problems);
    }
    PlanRegistration registration = plans.check(PlanRegistrationForm.read(execution, problems), planId, problems);
    problems.throwIfInvalid();
    // deadlines written in words only now have their date: the approval form shows it
    execution.setVariables(PlanRegistrationForm.write(registration));
    Plan plan = plans.register(registration, planId, currentUser(execution), execution.getProcessInstanceId());
    execution.setProcessBusinessKey(plan.getPlanNumber());
    PLAN_ID.set(execution, plan.getId());
    PLAN_NUMBER.set(execution, plan.getPlanNumber());
    PLAN_TITLE.set(execution, plan.getTitle());
    YEAR_END_COMMENDATION.set(execution, plan.isYearEndCommendation());
    LEADERSHIP_GROUP.set(execution, AgencyGroups.headGroupOf(plan.getIssuingAgency()));
    SECRETARIAT_GROUP.set(execution, plan.getStandingAgency());
    HOME_AFFAIRS_GROUP.set(execution, plans.homeAffairs(plan.getIssueDate()).map(Agency::getCode).orElse(null));
    List<AssignmentRow> rows = ASSIGNMENTS.get(execution);
    if (rows != null) {
      ASSIGNMENTS.set(execution, rows.stream().map(row -> row == null ? null : row.withTargetLabel(targetLabel(row)))
          .toList());
    }
  }

  /** The target as leadership reads it: the agency's name, the kind's label, the parent's name. */
  private String targetLabel(AssignmentRow row) {
    String code = row.target() == null ? "" : row.target().trim();
    if (TargetType.KIND.name().equals(row.targetType())) {
      return "Tất cả: " + directory.kind(code).map(AgencyKind::label).orElse(code);
    }
    String name = directory.find(code).map(Agency::getName).orElse(code);
    return TargetType.CHILDREN_OF.name().equals(row.targetType()) ? "Các đơn vị trực thuộc " + name
        : name + " (" + code + ")";
  }

  private String currentUser(DelegateExecution execution) {
    Authentication authentication = identity.getCurrentAuthentication();
    return authentication != null ? authentication.getUserId() : (String) execution.getVariable("registeredBy");
  }
}
