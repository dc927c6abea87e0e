package vn.pcmt.commendation;

import java.util.Date;
import java.util.List;

import com.fasterxml.jackson.core.type.TypeReference;

import vn.pcmt.engine.JsonVar;
import vn.pcmt.engine.Var;
import vn.pcmt.plan.PlanLifecycleProcess;

/**
 * processes/year-end-commendation.bpmn: agencies and the secretariat propose, Home Affairs appraises, the chairman
 * decides.
 */
public final class CommendationProcess {

  public static final String KEY = "year-end-commendation";

  public static final String START_COMMENDATION_STARTED = "StartEvent_CommendationStarted";
  public static final String TASK_OPEN_COMMENDATION = "Task_OpenCommendation";
  public static final String TASK_PROPOSE_COMMENDATION = "Task_ProposeCommendation";
  public static final String BOUNDARY_PROPOSAL_CUTOFF = "BoundaryEvent_ProposalCutoff";
  public static final String TASK_COLLECT_PROPOSALS = "Task_CollectProposals";
  public static final String TASK_APPRAISE_COMMENDATIONS = "Task_AppraiseCommendations";
  public static final String TASK_DECIDE_COMMENDATIONS = "Task_DecideCommendations";
  public static final String TASK_RECORD_DECISION = "Task_RecordCommendationDecision";
  public static final String END_COMMENDATION_DECIDED = "EndEvent_CommendationDecided";

  public static final String FORM_PROPOSE = "propose-commendation";
  public static final String FORM_APPRAISE = "appraise-commendations";
  public static final String FORM_DECIDE = "decide-commendations";

  // --- passed in by the plan ---
  public static final Var<Long> PLAN_ID = PlanLifecycleProcess.PLAN_ID;
  public static final Var<String> PLAN_NUMBER = PlanLifecycleProcess.PLAN_NUMBER;
  public static final Var<String> PLAN_TITLE = PlanLifecycleProcess.PLAN_TITLE;
  public static final Var<String> SECRETARIAT_GROUP = PlanLifecycleProcess.SECRETARIAT_GROUP;
  public static final Var<String> LEADERSHIP_GROUP = PlanLifecycleProcess.LEADERSHIP_GROUP;
  public static final Var<String> HOME_AFFAIRS_GROUP = PlanLifecycleProcess.HOME_AFFAIRS_GROUP;
  public static final Var<String> AGENCY_GROUP = PlanLifecycleProcess.AGENCY_GROUP;

  // --- set by Task_OpenCommendation ---
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static final Var<List<String>> PROPOSING_AGENCIES = (Var) Var.of("proposingAgencies", List.class);
  public static final Var<Date> PROPOSAL_DUE_DATE = Var.of("proposalDueDate", Date.class);
  public static final Var<Date> PROPOSAL_CUTOFF = Var.of("proposalCutoff", Date.class);

  // --- propose-commendation.form ---
  public static final JsonVar<List<NomineeRow>> NOMINEES = JsonVar.of("nominees", new TypeReference<>() {});
  public static final Var<String> PROPOSAL_NOTE = Var.of("proposalNote", String.class);

  // --- set by Task_CollectProposals; edited by appraise-commendations.form and decide-commendations.form ---
  public static final JsonVar<List<DossierRow>> DOSSIER = JsonVar.of("commendationDossier", new TypeReference<>() {});
  public static final Var<String> APPRAISAL_NOTE = Var.of("appraisalNote", String.class);
  public static final Var<String> DECISION_NUMBER = Var.of("commendationDecisionNumber", String.class);
  /** ISO date of the chairman's decision. */
  public static final Var<String> DECISION_DATE = Var.of("commendationDecisionDate", String.class);

  private CommendationProcess() {
  }

  /** One proposed collective or individual. {@code kind} is COLLECTIVE or INDIVIDUAL. */
  public record NomineeRow(String kind, String name, String reason) {
  }

  /**
   * One nominee in the dossier: who proposed whom and why; Home Affairs sets {@code recommended} and
   * {@code awardForm} (BANG_KHEN, GIAY_KHEN); the chairman sets {@code awarded}.
   */
  public record DossierRow(Long nomineeId, String proposedBy, String kind, String name, String reason,
      Boolean recommended, String awardForm, Boolean awarded) {
  }
}
