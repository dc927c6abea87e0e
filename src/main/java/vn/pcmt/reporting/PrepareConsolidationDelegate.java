package vn.pcmt.reporting;

import static vn.pcmt.reporting.PeriodicReportProcess.AGENCY_FIGURES;
import static vn.pcmt.reporting.PeriodicReportProcess.INDICATOR_TOTALS;
import static vn.pcmt.reporting.PeriodicReportProcess.PERIOD_ID;
import static vn.pcmt.reporting.PeriodicReportProcess.REPORTING_STATUS;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import vn.pcmt.reporting.ReportingService.Consolidation;

/** Task_PrepareConsolidation: the figures received and their totals, for the secretariat's consolidation form. */
@Component
class PrepareConsolidationDelegate implements JavaDelegate {

  private final ReportingService reporting;

  PrepareConsolidationDelegate(ReportingService reporting) {
    this.reporting = reporting;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Consolidation consolidation = reporting.consolidate(PERIOD_ID.get(execution));
    AGENCY_FIGURES.set(execution, consolidation.figures());
    INDICATOR_TOTALS.set(execution, consolidation.totals());
    REPORTING_STATUS.set(execution, consolidation.status());
  }
}
