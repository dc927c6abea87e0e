package vn.pcmt.reporting;

import static vn.pcmt.reporting.AgencyReportProcess.AGENCY_GROUP;
import static vn.pcmt.reporting.AgencyReportProcess.AGENCY_HEAD_GROUP;
import static vn.pcmt.reporting.AgencyReportProcess.AGENCY_NAME;
import static vn.pcmt.reporting.AgencyReportProcess.DEADLINE_PHRASE;
import static vn.pcmt.reporting.AgencyReportProcess.INDICATOR_FIGURES;
import static vn.pcmt.reporting.AgencyReportProcess.PERIOD_DUE_DATE;
import static vn.pcmt.reporting.AgencyReportProcess.PERIOD_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import vn.pcmt.agency.Agency;
import vn.pcmt.agency.AgencyDirectory;
import vn.pcmt.agency.AgencyGroups;
import vn.pcmt.plan.ReportingPeriod;

/** Task_OpenAgencyReport: the agency owes this period's report; its form lists the plan's indicators. */
@Component
class OpenAgencyReportDelegate implements JavaDelegate {

  private final ReportingService reporting;
  private final AgencyDirectory directory;

  OpenAgencyReportDelegate(ReportingService reporting, AgencyDirectory directory) {
    this.reporting = reporting;
    this.directory = directory;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String agency = AGENCY_GROUP.get(execution);
    long periodId = PERIOD_ID.get(execution);
    ReportingPeriod period = reporting.period(periodId);
    AGENCY_HEAD_GROUP.set(execution, AgencyGroups.headGroupOf(agency));
    AGENCY_NAME.set(execution, directory.find(agency).map(Agency::getName).orElse(agency));
    DEADLINE_PHRASE.set(execution, period.getDeadlinePhrase() != null ? period.getDeadlinePhrase()
        : "trước ngày " + period.getDueDate().format(vn.pcmt.plan.PlanRegistrationService.DutyText.VN_DATE));
    INDICATOR_FIGURES.set(execution, reporting.openAgencyReport(periodId, agency, PERIOD_DUE_DATE.get(execution),
        execution.getProcessInstanceId()));
  }
}
