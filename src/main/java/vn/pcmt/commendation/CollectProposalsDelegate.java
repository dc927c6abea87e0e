package vn.pcmt.commendation;

import static vn.pcmt.commendation.CommendationProcess.DOSSIER;
import static vn.pcmt.commendation.CommendationProcess.PLAN_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_CollectProposals: every nominee proposed, as the dossier Home Affairs appraises. */
@Component
class CollectProposalsDelegate implements JavaDelegate {

  private final CommendationService commendations;

  CollectProposalsDelegate(CommendationService commendations) {
    this.commendations = commendations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    DOSSIER.set(execution, commendations.dossier(PLAN_ID.get(execution)));
  }
}
