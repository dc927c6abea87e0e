package vn.pcmt.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import vn.pcmt.plan.PlanLifecycleProcess;
import vn.pcmt.reporting.PeriodicReportProcess;
import vn.pcmt.subplan.SubPlanProcess;

/**
 * What {@link FormFieldsOnlyFilter} lets through: the fields of the step's form, read from the forms as Tasklist
 * submits them; and that no form carries a variable that routes the work (else a completion could set it).
 */
class FormFieldsOnlyFilterTest {

  static final ObjectMapper JSON = new ObjectMapper();

  /** Variables that decide whose inbox a step reaches, whose record a result lands in, or when timers fire. */
  static final List<String> ROUTING = List.of(PlanLifecycleProcess.PLAN_ID.name(),
      PlanLifecycleProcess.AGENCY_GROUP.name(), SubPlanProcess.AGENCY_HEAD_GROUP.name(),
      PlanLifecycleProcess.SECRETARIAT_GROUP.name(), PlanLifecycleProcess.LEADERSHIP_GROUP.name(),
      PlanLifecycleProcess.HOME_AFFAIRS_GROUP.name(), PlanLifecycleProcess.SUB_PLAN_AGENCIES.name(),
      PlanLifecycleProcess.SUB_PLAN_DUE_DATE.name(), PlanLifecycleProcess.REPORTING_PERIOD_IDS.name(),
      PlanLifecycleProcess.PERIOD_ID.name(), PeriodicReportProcess.PERIOD_DUE_DATE.name(),
      PeriodicReportProcess.REPORTING_CUTOFF.name(), "registeredBy");

  static Set<String> fields(String form) throws IOException {
    return FormFieldsOnlyFilter.fieldsOf(JSON.readTree(Path.of("forms", form + ".form").toFile()));
  }

  @Test
  void aFormSubmitsItsKeysAndItsListsAsWholeVariables() throws IOException {
    assertThat(fields("draft-sub-plan")).containsExactlyInAnyOrder("subPlanDocumentNumber", "subPlanDocumentDate",
        "subPlanSummary");
    assertThat(fields("approve-sub-plan")).containsExactlyInAnyOrder("subPlanDocumentNumber", "subPlanDocumentDate",
        "subPlanSummary", "subPlanHeadApproved", "subPlanHeadComment");
    // a dynamic list is one variable (its path); its rows' keys are inside it
    assertThat(fields("draft-report")).containsExactlyInAnyOrder("indicatorFigures", "reportNarrative");
    assertThat(fields("register-plan")).contains("planNumber", "assignments", "reportingPeriods", "indicators")
        .doesNotContain("target", "duty", "label");
  }

  @Test
  void noFormCarriesARoutingVariable() throws IOException {
    try (Stream<Path> forms = Files.list(Path.of("forms"))) {
      Set<String> all = new HashSet<>();
      for (Path form : forms.filter(p -> p.toString().endsWith(".form")).toList()) {
        all.addAll(FormFieldsOnlyFilter.fieldsOf(JSON.readTree(form.toFile())));
      }
      assertThat(all).isNotEmpty().doesNotContainAnyElementsOf(ROUTING);
    }
  }

  @Test
  void theVariablesOfARequestAreFoundWhereverTheRestApiTakesThem() throws IOException {
    assertThat(names("{\"variables\":{\"a\":{\"value\":1},\"b\":{\"value\":2}},\"withVariablesInReturn\":true}"))
        .containsExactly("a", "b");
    assertThat(names("{\"startInstructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"X\","
        + "\"variables\":{\"agencyGroup\":{\"value\":\"SYT\"}}}]}")).containsExactly("agencyGroup");
    assertThat(names("")).isEmpty();
    assertThat(names("{}")).isEmpty();
    // what the REST API would read differently is refused
    assertThatThrownBy(() -> names("{\"variables\":{\"a\":{}},\"variables\":{\"agencyGroup\":{}}}"))
        .isInstanceOf(IOException.class);
    assertThatThrownBy(() -> names("{\"variables\":{}} {\"variables\":{\"agencyGroup\":{}}}"))
        .isInstanceOf(IOException.class);
    assertThatThrownBy(() -> names("[1]")).isInstanceOf(IOException.class);
  }

  @Test
  void theGuardedCallsAreRecognisedOnBothRoutes() {
    assertThat(FormFieldsOnlyFilter.TASK_ACTION.matcher("/engine-rest/task/abc/complete").matches()).isTrue();
    assertThat(FormFieldsOnlyFilter.TASK_ACTION.matcher("/engine-rest/engine/default/task/abc/submit-form/")
        .matches()).isTrue();
    assertThat(FormFieldsOnlyFilter.TASK_ACTION.matcher("/camunda/api/engine/engine/default/task/abc/bpmnError")
        .matches()).isTrue();
    assertThat(FormFieldsOnlyFilter.TASK_ACTION.matcher("/engine-rest/task/abc/variables").matches()).isFalse();
    assertThat(FormFieldsOnlyFilter.START.matcher("/engine-rest/process-definition/key/plan-lifecycle/submit-form")
        .matches()).isTrue();
    assertThat(FormFieldsOnlyFilter.START.matcher("/engine-rest/process-definition/plan-lifecycle:1:x/start")
        .matches()).isTrue();
  }

  static Set<String> names(String body) throws IOException {
    return FormFieldsOnlyFilter.variableNames(body.getBytes(StandardCharsets.UTF_8));
  }
}
