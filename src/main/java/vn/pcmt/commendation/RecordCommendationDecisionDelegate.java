package vn.pcmt.commendation;

import static vn.pcmt.commendation.CommendationProcess.DECISION_DATE;
import static vn.pcmt.commendation.CommendationProcess.DECISION_NUMBER;
import static vn.pcmt.commendation.CommendationProcess.DOSSIER;
import static vn.pcmt.commendation.CommendationProcess.PLAN_ID;

import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RecordCommendationDecision: the appraisal and the chairman's decision are recorded per nominee. */
@Component
class RecordCommendationDecisionDelegate implements JavaDelegate {

  private final CommendationService commendations;

  RecordCommendationDecisionDelegate(CommendationService commendations) {
    this.commendations = commendations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var rows = DOSSIER.get(execution);
    commendations.recordDecision(PLAN_ID.get(execution), rows == null ? List.of() : rows,
        DECISION_NUMBER.get(execution).trim(), LocalDate.parse(DECISION_DATE.get(execution).substring(0, 10)));
  }
}
