package vn.pcmt.reporting;

import static vn.pcmt.reporting.PeriodicReportProcess.CONSOLIDATED_SUMMARY;
import static vn.pcmt.reporting.PeriodicReportProcess.INDICATOR_TOTALS;
import static vn.pcmt.reporting.PeriodicReportProcess.PERIOD_ID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_SendReport: leadership signed; the consolidated report is recorded as sent to the plan's recipients. */
@Component
class SendReportDelegate implements JavaDelegate {

  private final ReportingService reporting;
  private final IdentityService identity;

  SendReportDelegate(ReportingService reporting, IdentityService identity) {
    this.reporting = reporting;
    this.identity = identity;
  }

  @Override
  public void execute(DelegateExecution execution) {
    reporting.send(PERIOD_ID.get(execution), CONSOLIDATED_SUMMARY.get(execution), signer(),
        INDICATOR_TOTALS.get(execution));
  }

  /** This step runs in the transaction of the signing, so the signer is the authenticated user. */
  private String signer() {
    var authentication = identity.getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }
}
