package vn.pcmt.reporting;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.pcmt.engine.Decisions;
import vn.pcmt.engine.FormValidator;
import vn.pcmt.engine.FormValues;

/** Server-side rules of the reporting forms. */
@Configuration
class ReportingFormValidators {

  @Bean
  FormValidator draftReportForm(ReportingService reporting) {
    return new FormValidator() {
      @Override
      public String formId() {
        return AgencyReportProcess.FORM_DRAFT;
      }

      @Override
      public void validate(DelegateTask task, FormValues problems) {
        var rows = problems.list(() -> AgencyReportProcess.INDICATOR_FIGURES.get(task),
            AgencyReportProcess.INDICATOR_FIGURES.name());
        reporting.checkFigures(AgencyReportProcess.PERIOD_ID.get(task), rows, problems);
        Decisions.requireText(task, AgencyReportProcess.NARRATIVE, "nội dung báo cáo", 8000, problems);
        if (!problems.hasErrors()) {
          Decisions.startFreshReview(task, AgencyReportProcess.HEAD_APPROVED, AgencyReportProcess.HEAD_COMMENT);
        }
      }
    };
  }

  @Bean
  FormValidator approveReportForm() {
    return new FormValidator() {
      @Override
      public String formId() {
        return AgencyReportProcess.FORM_APPROVE;
      }

      @Override
      public void validate(DelegateTask task, FormValues problems) {
        Decisions.require(task, AgencyReportProcess.HEAD_APPROVED, AgencyReportProcess.HEAD_COMMENT, problems,
            "trả lại báo cáo");
      }
    };
  }

  @Bean
  FormValidator consolidateReportsForm() {
    return new FormValidator() {
      @Override
      public String formId() {
        return PeriodicReportProcess.FORM_CONSOLIDATE;
      }

      @Override
      public void validate(DelegateTask task, FormValues problems) {
        Decisions.requireText(task, PeriodicReportProcess.CONSOLIDATED_SUMMARY, "nội dung báo cáo tổng hợp", 8000,
            problems);
        if (!problems.hasErrors()) {
          Decisions.startFreshReview(task, PeriodicReportProcess.REPORT_SIGNED, PeriodicReportProcess.SIGN_COMMENT);
        }
      }
    };
  }

  @Bean
  FormValidator signReportForm() {
    return new FormValidator() {
      @Override
      public String formId() {
        return PeriodicReportProcess.FORM_SIGN;
      }

      @Override
      public void validate(DelegateTask task, FormValues problems) {
        Decisions.require(task, PeriodicReportProcess.REPORT_SIGNED, PeriodicReportProcess.SIGN_COMMENT, problems,
            "trả lại báo cáo tổng hợp");
      }
    };
  }
}
