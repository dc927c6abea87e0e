package vn.pcmt.processowner;

import java.util.List;
import java.util.Map;

import vn.pcmt.commendation.CommendationProcess;
import vn.pcmt.plan.PlanLifecycleProcess;
import vn.pcmt.reporting.AgencyReportProcess;
import vn.pcmt.reporting.PeriodicReportProcess;
import vn.pcmt.subplan.SubPlanProcess;

/**
 * The fields of each form that the application reads: the delegates, the server-side form rules and the gateways
 * that decide on them. A process owner may relabel, reorder, describe and add fields, but a form without one of these
 * (removed, or its key renamed) would break the plan at run time, so a deployment without it is refused. Read-only
 * fields that only show data are not listed: removing them changes only what the form shows.
 */
final class FormContract {

  static final Map<String, List<String>> FIELDS_READ = Map.ofEntries(
      Map.entry(PlanLifecycleProcess.FORM_REGISTER_PLAN, List.of(PlanLifecycleProcess.PLAN_NUMBER.name(),
          PlanLifecycleProcess.ISSUE_DATE.name(), PlanLifecycleProcess.PLAN_TITLE.name(),
          PlanLifecycleProcess.ISSUING_AGENCY.name(), PlanLifecycleProcess.STANDING_AGENCY.name(),
          PlanLifecycleProcess.LEGAL_BASES.name(), PlanLifecycleProcess.SUB_PLAN_DEADLINE.name(),
          PlanLifecycleProcess.SUB_PLAN_DEADLINE_PHRASE.name(), PlanLifecycleProcess.ASSIGNMENTS.name(),
          PlanLifecycleProcess.REPORTING_PERIODS.name(), PlanLifecycleProcess.INDICATORS.name(),
          PlanLifecycleProcess.RECIPIENTS.name(), PlanLifecycleProcess.YEAR_END_COMMENDATION.name())),
      Map.entry(PlanLifecycleProcess.FORM_APPROVE_ISSUANCE, List.of(PlanLifecycleProcess.ISSUANCE_APPROVED.name(),
          PlanLifecycleProcess.ISSUANCE_COMMENT.name())),
      Map.entry(SubPlanProcess.FORM_DRAFT, List.of(SubPlanProcess.DOCUMENT_NUMBER.name(),
          SubPlanProcess.DOCUMENT_DATE.name(), SubPlanProcess.SUMMARY.name())),
      Map.entry(SubPlanProcess.FORM_APPROVE, List.of(SubPlanProcess.HEAD_APPROVED.name(),
          SubPlanProcess.HEAD_COMMENT.name())),
      Map.entry(SubPlanProcess.FORM_REVIEW, List.of(SubPlanProcess.ACCEPTED.name(),
          SubPlanProcess.REVIEW_COMMENT.name())),
      Map.entry(AgencyReportProcess.FORM_DRAFT, List.of(AgencyReportProcess.INDICATOR_FIGURES.name(),
          AgencyReportProcess.NARRATIVE.name())),
      Map.entry(AgencyReportProcess.FORM_APPROVE, List.of(AgencyReportProcess.HEAD_APPROVED.name(),
          AgencyReportProcess.HEAD_COMMENT.name())),
      Map.entry(PeriodicReportProcess.FORM_CONSOLIDATE, List.of(PeriodicReportProcess.CONSOLIDATED_SUMMARY.name())),
      Map.entry(PeriodicReportProcess.FORM_SIGN, List.of(PeriodicReportProcess.REPORT_SIGNED.name(),
          PeriodicReportProcess.SIGN_COMMENT.name())),
      Map.entry(CommendationProcess.FORM_PROPOSE, List.of(CommendationProcess.NOMINEES.name(),
          CommendationProcess.PROPOSAL_NOTE.name())),
      Map.entry(CommendationProcess.FORM_APPRAISE, List.of(CommendationProcess.DOSSIER.name(),
          CommendationProcess.APPRAISAL_NOTE.name())),
      Map.entry(CommendationProcess.FORM_DECIDE, List.of(CommendationProcess.DOSSIER.name(),
          CommendationProcess.DECISION_NUMBER.name(), CommendationProcess.DECISION_DATE.name())));

  private FormContract() {
  }

  static List<String> fieldsRead(String formId) {
    return FIELDS_READ.getOrDefault(formId, List.of());
  }
}
