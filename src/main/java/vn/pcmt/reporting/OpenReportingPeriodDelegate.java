package vn.pcmt.reporting;

import static vn.pcmt.reporting.PeriodicReportProcess.PERIOD_DUE_DATE;
import static vn.pcmt.reporting.PeriodicReportProcess.PERIOD_ID;
import static vn.pcmt.reporting.PeriodicReportProcess.PERIOD_LABEL;
import static vn.pcmt.reporting.PeriodicReportProcess.PERIOD_OPENS_AT;
import static vn.pcmt.reporting.PeriodicReportProcess.REPORTING_CUTOFF;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import vn.pcmt.reporting.ReportingService.OpenedPeriod;

/**
 * Task_OpenReportingPeriod: when the period opens, is due and is cut off. Which agencies report is decided when it
 * opens ({@link ListReportingAgenciesListener}).
 */
@Component
class OpenReportingPeriodDelegate implements JavaDelegate {

  private final ReportingService reporting;

  OpenReportingPeriodDelegate(ReportingService reporting) {
    this.reporting = reporting;
  }

  @Override
  public void execute(DelegateExecution execution) {
    OpenedPeriod period = reporting.open(PERIOD_ID.get(execution));
    PERIOD_LABEL.set(execution, period.label());
    PERIOD_DUE_DATE.set(execution, period.dueAt());
    PERIOD_OPENS_AT.set(execution, period.opensAt());
    REPORTING_CUTOFF.set(execution, period.cutoff());
  }
}
