package vn.pcmt.commendation;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.pcmt.calendar.Deadlines;
import vn.pcmt.commendation.CommendationProcess.DossierRow;
import vn.pcmt.commendation.CommendationProcess.NomineeRow;
import vn.pcmt.engine.Decisions;
import vn.pcmt.engine.FormValidator;

/** Server-side rules of the commendation forms. */
@Configuration
class CommendationFormValidators {

  @Bean
  FormValidator proposeCommendationForm() {
    return FormValidator.of(CommendationProcess.FORM_PROPOSE, (task, problems) -> {
      String field = CommendationProcess.NOMINEES.name();
      List<NomineeRow> rows = problems.list(() -> CommendationProcess.NOMINEES.get(task), field);
      for (int i = 0; i < rows.size(); i++) {
        NomineeRow row = rows.get(i);
        if (row.kind() == null || !CommendationService.NOMINEE_KINDS.contains(row.kind())) {
          problems.add(field + "[" + i + "].kind", "Dòng " + (i + 1) + ": chưa chọn tập thể hay cá nhân.");
        }
        if (row.name() == null || row.name().isBlank()) {
          problems.add(field + "[" + i + "].name", "Dòng " + (i + 1) + ": chưa nhập tên tập thể, cá nhân.");
        }
        if (row.reason() == null || row.reason().isBlank()) {
          problems.add(field + "[" + i + "].reason", "Dòng " + (i + 1) + ": chưa nêu thành tích.");
        }
      }
    });
  }

  @Bean
  FormValidator appraiseCommendationsForm() {
    return FormValidator.of(CommendationProcess.FORM_APPRAISE, (task, problems) -> {
      String field = CommendationProcess.DOSSIER.name();
      List<DossierRow> rows = problems.list(() -> CommendationProcess.DOSSIER.get(task), field);
      for (int i = 0; i < rows.size(); i++) {
        DossierRow row = rows.get(i);
        if (Boolean.TRUE.equals(row.recommended())
            && (row.awardForm() == null || !CommendationService.AWARD_FORMS.contains(row.awardForm()))) {
          problems.add(field + "[" + i + "].awardForm", "Chưa chọn hình thức khen thưởng cho '" + row.name() + "'.");
        }
      }
    });
  }

  @Bean
  FormValidator decideCommendationsForm(Deadlines deadlines) {
    return FormValidator.of(CommendationProcess.FORM_DECIDE, (task, problems) -> {
      problems.list(() -> CommendationProcess.DOSSIER.get(task), CommendationProcess.DOSSIER.name());
      Decisions.requireText(task, CommendationProcess.DECISION_NUMBER, "số quyết định khen thưởng", 64, problems);
      String text = CommendationProcess.DECISION_DATE.get(task);
      var date = problems.date(text, CommendationProcess.DECISION_DATE.name(), "Ngày quyết định");
      if (text == null || text.isBlank()) {
        problems.add(CommendationProcess.DECISION_DATE.name(), "Chưa nhập ngày quyết định khen thưởng.");
      } else if (date != null && date.isAfter(deadlines.today())) {
        problems.add(CommendationProcess.DECISION_DATE.name(), "Ngày quyết định không được ở tương lai.");
      }
    });
  }
}
