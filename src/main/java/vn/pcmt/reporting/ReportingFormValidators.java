package vn.pcmt.reporting;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.pcmt.engine.Decisions;
import vn.pcmt.engine.FormValidator;

/**
 * The reporting's own rules, beyond its form files' (required figures and texts, limits, decisions and reasons:
 * vn.pcmt.engine.FormRules).
 */
@Configuration
class ReportingFormValidators {

  /** Figures for exactly the plan's indicators; a new draft starts a fresh review. */
  @Bean
  FormValidator draftReportForm(ReportingService reporting) {
    return FormValidator.of(AgencyReportProcess.FORM_DRAFT, (task, problems) -> {
      var rows = problems.list(() -> AgencyReportProcess.INDICATOR_FIGURES.get(task),
          AgencyReportProcess.INDICATOR_FIGURES.name());
      reporting.checkFigures(AgencyReportProcess.PERIOD_ID.get(task), rows, problems);
      if (!problems.hasErrors()) {
        Decisions.startFreshReview(task, AgencyReportProcess.HEAD_APPROVED, AgencyReportProcess.HEAD_COMMENT);
      }
    });
  }

  /** A new consolidation starts a fresh signature. */
  @Bean
  FormValidator consolidateReportsForm() {
    return FormValidator.of(PeriodicReportProcess.FORM_CONSOLIDATE, (task, problems) -> {
      if (!problems.hasErrors()) {
        Decisions.startFreshReview(task, PeriodicReportProcess.REPORT_SIGNED, PeriodicReportProcess.SIGN_COMMENT);
      }
    });
  }
}
