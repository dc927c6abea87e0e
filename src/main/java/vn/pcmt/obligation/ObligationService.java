package vn.pcmt.obligation;

import java.util.Date;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.pcmt.calendar.Deadlines;

/** Records what agencies owe and deliver; settles every obligation when its plan closes. */
@Service
public class ObligationService {

  private final ObligationRepository obligations;
  private final Deadlines deadlines;

  ObligationService(ObligationRepository obligations, Deadlines deadlines) {
    this.obligations = obligations;
    this.deadlines = deadlines;
  }

  /** The agency now owes this; opening it again (a re-run step) only updates the due moment. */
  @Transactional
  public Obligation open(long planId, String agency, ObligationKind kind, Long periodId, Date dueAt,
      String processInstanceId) {
    Obligation obligation = obligations.find(planId, agency, kind, periodId)
        .orElseGet(() -> new Obligation(planId, agency, kind, periodId, dueAt.toInstant(), processInstanceId));
    obligation.reopen(dueAt.toInstant(), processInstanceId);
    return obligations.save(obligation);
  }

  @Transactional
  public void delivered(long planId, String agency, ObligationKind kind, Long periodId) {
    Obligation obligation = obligations.find(planId, agency, kind, periodId).orElseThrow(() ->
        new IllegalStateException("No " + kind + " obligation of " + agency + " in plan " + planId));
    obligation.deliver(deadlines.now().toInstant());
  }

  /**
   * The obligation now falls to another agency (the secretariat re-routed its task from the monitor); refused when
   * that agency already owes the same step of the plan.
   */
  @Transactional
  public Obligation reassign(long obligationId, String toAgency) {
    Obligation obligation = obligations.findById(obligationId).orElseThrow(() ->
        new IllegalStateException("No obligation " + obligationId));
    if (obligations.find(obligation.getPlanId(), toAgency, obligation.getKind(), obligation.getPeriodId()).isPresent()) {
      throw new IllegalStateException(toAgency + " already owes this step of plan " + obligation.getPlanId());
    }
    obligation.reassign(toAgency);
    return obligations.save(obligation);
  }

  /** Fixes every obligation's outcome: on time, late, or never delivered. */
  @Transactional
  public List<Obligation> settle(long planId) {
    List<Obligation> all = ofPlan(planId);
    all.forEach(Obligation::settle);
    return all;
  }

  @Transactional(readOnly = true)
  public List<Obligation> ofPlan(long planId) {
    return obligations.findByPlanIdOrderByKindAscPeriodIdAscAgencyCodeAsc(planId);
  }

  /** The obligation of the agency that a task of this process instance serves, if the task is an agency's duty. */
  @Transactional(readOnly = true)
  public java.util.Optional<Obligation> ofInstance(String processInstanceId, String agency) {
    return obligations.findByProcessInstanceIdAndAgencyCode(processInstanceId, agency);
  }

  /** Whether the agency already owes that step of the plan. */
  @Transactional(readOnly = true)
  public boolean owes(long planId, String agency, ObligationKind kind, Long periodId) {
    return obligations.find(planId, agency, kind, periodId).isPresent();
  }
}
