package vn.pcmt.commendation;

import static vn.pcmt.commendation.CommendationProcess.AGENCY_GROUP;
import static vn.pcmt.commendation.CommendationProcess.NOMINEES;
import static vn.pcmt.commendation.CommendationProcess.PLAN_ID;
import static vn.pcmt.commendation.CommendationProcess.PROPOSAL_NOTE;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * {@code ${recordProposalListener}} on Task_ProposeCommendation's complete: saves the agency's nominees. The
 * proposals of all agencies share one process instance, so the submitted list is removed once saved.
 */
@Component
class RecordProposalListener implements TaskListener {

  private final CommendationService commendations;

  RecordProposalListener(CommendationService commendations) {
    this.commendations = commendations;
  }

  @Override
  public void notify(DelegateTask task) {
    var rows = NOMINEES.get(task);
    commendations.recordProposal(PLAN_ID.get(task), AGENCY_GROUP.get(task), rows == null ? List.of() : rows);
    NOMINEES.remove(task);
    PROPOSAL_NOTE.remove(task);
  }
}
