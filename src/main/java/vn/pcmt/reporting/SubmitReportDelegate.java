package vn.pcmt.reporting;

import static vn.pcmt.reporting.AgencyReportProcess.AGENCY_GROUP;
import static vn.pcmt.reporting.AgencyReportProcess.INDICATOR_FIGURES;
import static vn.pcmt.reporting.AgencyReportProcess.NARRATIVE;
import static vn.pcmt.reporting.AgencyReportProcess.PERIOD_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_SubmitReport: the head approved; the report and its figures are recorded and count as delivered. */
@Component
class SubmitReportDelegate implements JavaDelegate {

  private final ReportingService reporting;

  SubmitReportDelegate(ReportingService reporting) {
    this.reporting = reporting;
  }

  @Override
  public void execute(DelegateExecution execution) {
    reporting.submit(PERIOD_ID.get(execution), AGENCY_GROUP.get(execution), NARRATIVE.get(execution),
        INDICATOR_FIGURES.get(execution));
  }
}
