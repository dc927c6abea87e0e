package vn.pcmt.commendation;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.pcmt.calendar.Deadlines;
import vn.pcmt.engine.FormValidator;

/**
 * The commendation's own rules, beyond its form files' (nominees' kind, name and achievements, the award form of a
 * recommended nominee, the decision's number and date: vn.pcmt.engine.FormRules).
 */
@Configuration
class CommendationFormValidators {

  /** The dossier stays readable for Task_RecordCommendationDecision; a decision is not dated in the future. */
  @Bean
  FormValidator decideCommendationsForm(Deadlines deadlines) {
    return FormValidator.of(CommendationProcess.FORM_DECIDE, (task, problems) -> {
      problems.list(() -> CommendationProcess.DOSSIER.get(task), CommendationProcess.DOSSIER.name());
      var date = problems.date(CommendationProcess.DECISION_DATE.get(task), CommendationProcess.DECISION_DATE.name(),
          "Ngày quyết định");
      if (date != null && date.isAfter(deadlines.today())) {
        problems.add(CommendationProcess.DECISION_DATE.name(), "Ngày quyết định không được ở tương lai.");
      }
    });
  }
}
