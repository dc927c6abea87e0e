package vn.pcmt.commendation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.pcmt.agency.Agency;
import vn.pcmt.agency.AgencyDirectory;
import vn.pcmt.calendar.Deadlines;
import vn.pcmt.commendation.CommendationProcess.DossierRow;
import vn.pcmt.commendation.CommendationProcess.NomineeRow;
import vn.pcmt.obligation.ObligationKind;
import vn.pcmt.obligation.ObligationService;
import vn.pcmt.plan.Plan;
import vn.pcmt.plan.PlanRegistrationService;

/** Year-end commendation: who proposes, the dossier Home Affairs appraises, the chairman's decision. */
@Service
public class CommendationService {

  private final NomineeRepository nominees;
  private final PlanRegistrationService plans;
  private final AgencyDirectory directory;
  private final ObligationService obligations;
  private final Deadlines deadlines;
  private final int proposalWorkingDays;
  private final int cutoffWorkingDays;

  CommendationService(NomineeRepository nominees, PlanRegistrationService plans, AgencyDirectory directory,
      ObligationService obligations, Deadlines deadlines,
      @Value("${pcmt.commendation.proposal-working-days:10}") int proposalWorkingDays,
      @Value("${pcmt.commendation.cutoff-working-days:5}") int cutoffWorkingDays) {
    this.nominees = nominees;
    this.plans = plans;
    this.directory = directory;
    this.obligations = obligations;
    this.deadlines = deadlines;
    this.proposalWorkingDays = proposalWorkingDays;
    this.cutoffWorkingDays = cutoffWorkingDays;
  }

  /**
   * The agencies whose assignments propose commendations, and the secretariat, owe a proposal (possibly empty) by the
   * due date.
   */
  @Transactional
  public OpenedCommendation open(long planId, String processInstanceId) {
    Plan plan = plans.get(planId);
    LinkedHashSet<String> agencies = new LinkedHashSet<>(plans.proposingCommendation(plan));
    agencies.add(plan.getStandingAgency());
    LocalDate due = deadlines.addWorkingDays(deadlines.today(), proposalWorkingDays);
    Date dueAt = deadlines.endOf(due);
    for (String agency : agencies) {
      obligations.open(planId, agency, ObligationKind.COMMENDATION_PROPOSAL, null, dueAt, processInstanceId);
    }
    return new OpenedCommendation(new ArrayList<>(agencies), dueAt, deadlines.workingDaysAfter(due, cutoffWorkingDays));
  }

  /** An agency's proposal replaces any earlier one of the same agency. */
  @Transactional
  public void recordProposal(long planId, String agency, List<NomineeRow> rows) {
    nominees.deleteByPlanIdAndProposedBy(planId, agency);
    for (NomineeRow row : rows) {
      nominees.save(new Nominee(planId, agency, row.kind(), row.name().trim(), row.reason().trim()));
    }
    obligations.delivered(planId, agency, ObligationKind.COMMENDATION_PROPOSAL, null);
  }

  @Transactional(readOnly = true)
  public List<DossierRow> dossier(long planId) {
    Map<String, String> names = directory.all().stream().collect(Collectors.toMap(Agency::getCode, Agency::getName));
    return nominees.findByPlanIdOrderById(planId).stream()
        .map(n -> new DossierRow(n.getId(), names.getOrDefault(n.getProposedBy(), n.getProposedBy()), n.getKind(),
            n.getName(), n.getReason(), null, null, null))
        .toList();
  }

  @Transactional
  public void recordDecision(long planId, List<DossierRow> rows, String decisionNumber, LocalDate decisionDate) {
    Map<Long, DossierRow> byId = rows.stream().filter(r -> r.nomineeId() != null)
        .collect(Collectors.toMap(DossierRow::nomineeId, Function.identity(), (a, b) -> b));
    for (Nominee nominee : nominees.findByPlanIdOrderById(planId)) {
      DossierRow row = byId.get(nominee.getId());
      boolean awarded = row != null && Boolean.TRUE.equals(row.awarded());
      nominee.decide(row == null ? null : row.recommended(), row == null ? null : row.awardForm(), awarded,
          decisionNumber, decisionDate);
    }
  }

  @Transactional(readOnly = true)
  public List<Nominee> ofPlan(long planId) {
    return nominees.findByPlanIdOrderById(planId);
  }

  public record OpenedCommendation(List<String> agencies, Date dueAt, Date cutoff) {
  }
}
