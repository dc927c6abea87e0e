package vn.pcmt.reporting;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.pcmt.engine.Decisions;
import vn.pcmt.engine.FormValidator;

/** Server-side rules of the reporting forms. */
@Configuration
class ReportingFormValidators {

  @Bean
  FormValidator draftReportForm(ReportingService reporting) {
    return FormValidator.of(AgencyReportProcess.FORM_DRAFT, (task, problems) -> {
      var rows = problems.list(() -> AgencyReportProcess.INDICATOR_FIGURES.get(task),
          AgencyReportProcess.INDICATOR_FIGURES.name());
      reporting.checkFigures(AgencyReportProcess.PERIOD_ID.get(task), rows, problems);
      Decisions.requireText(task, AgencyReportProcess.NARRATIVE, "nội dung báo cáo", 8000, problems);
      if (!problems.hasErrors()) {
        Decisions.startFreshReview(task, AgencyReportProcess.HEAD_APPROVED, AgencyReportProcess.HEAD_COMMENT);
      }
    });
  }

  @Bean
  FormValidator approveReportForm() {
    return FormValidator.decision(AgencyReportProcess.FORM_APPROVE, AgencyReportProcess.HEAD_APPROVED,
        AgencyReportProcess.HEAD_COMMENT, "trả lại báo cáo");
  }

  @Bean
  FormValidator consolidateReportsForm() {
    return FormValidator.of(PeriodicReportProcess.FORM_CONSOLIDATE, (task, problems) -> {
      Decisions.requireText(task, PeriodicReportProcess.CONSOLIDATED_SUMMARY, "nội dung báo cáo tổng hợp", 8000,
          problems);
      if (!problems.hasErrors()) {
        Decisions.startFreshReview(task, PeriodicReportProcess.REPORT_SIGNED, PeriodicReportProcess.SIGN_COMMENT);
      }
    });
  }

  @Bean
  FormValidator signReportForm() {
    return FormValidator.decision(PeriodicReportProcess.FORM_SIGN, PeriodicReportProcess.REPORT_SIGNED,
        PeriodicReportProcess.SIGN_COMMENT, "trả lại báo cáo tổng hợp");
  }
}
