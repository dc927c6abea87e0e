package vn.pcmt.reporting;

import static vn.pcmt.reporting.PeriodicReportProcess.PERIOD_ID;
import static vn.pcmt.reporting.PeriodicReportProcess.REPORTING_AGENCIES;

import java.util.ArrayList;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * TimerEvent_PeriodOpens (end): the period opens today, and today's directory says who reports. A plan issued before
 * a reorganisation reports after it through the agencies that exist then.
 */
@Component
class ListReportingAgenciesListener implements ExecutionListener {

  private final ReportingService reporting;

  ListReportingAgenciesListener(ReportingService reporting) {
    this.reporting = reporting;
  }

  @Override
  public void notify(DelegateExecution execution) {
    REPORTING_AGENCIES.set(execution, new ArrayList<>(reporting.reportingAgencies(PERIOD_ID.get(execution))));
  }
}
