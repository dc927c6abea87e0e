package vn.pcmt.commendation;

import static vn.pcmt.commendation.CommendationProcess.PLAN_ID;
import static vn.pcmt.commendation.CommendationProcess.PROPOSAL_CUTOFF;
import static vn.pcmt.commendation.CommendationProcess.PROPOSAL_DUE_DATE;
import static vn.pcmt.commendation.CommendationProcess.PROPOSING_AGENCIES;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import vn.pcmt.commendation.CommendationService.OpenedCommendation;

/** Task_OpenCommendation: who proposes, by when, and when proposals are cut off. */
@Component
class OpenCommendationDelegate implements JavaDelegate {

  private final CommendationService commendations;

  OpenCommendationDelegate(CommendationService commendations) {
    this.commendations = commendations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    OpenedCommendation opened = commendations.open(PLAN_ID.get(execution), execution.getProcessInstanceId());
    PROPOSING_AGENCIES.set(execution, opened.agencies());
    PROPOSAL_DUE_DATE.set(execution, opened.dueAt());
    PROPOSAL_CUTOFF.set(execution, opened.cutoff());
  }
}
