package vn.pcmt.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import vn.pcmt.ApiTestSupport;
import vn.pcmt.plan.PlanLifecycleProcess;
import vn.pcmt.reporting.AgencyReportProcess;

/**
 * A REST client completes a task with the values of its form and nothing else: an agency cannot point its report at
 * another period or plan by sending variables the form does not have (refused with 400 by
 * {@code vn.pcmt.security.FormFieldsOnlyFilter}), nor set them through the variable endpoints (no officer's right:
 * 403). Nothing changes.
 */
class FormContractApiTest extends ApiTestSupport {

  static final String PLAN = "112/KH-UBND";

  @Test
  void aTaskTakesOnlyTheFieldsOfItsForm() {
    setClock(LocalDateTime.of(2023, 6, 1, 8, 30));
    Response registered = call(officer("PTM"), "POST", "/api/plans", Map.of(
        "planNumber", PLAN, "planTitle", "Kế hoạch kiểm tra biểu mẫu", "issueDate", "2023-05-31",
        "assignments", List.of(Map.of("targetType", "AGENCY", "target", "SYT", "role", "LEAD", "duty", "Báo cáo.")),
        "reportingPeriods", List.of(Map.of("label", "Tháng 6", "dueDate", "2023-06-30")),
        "indicators", List.of(Map.of("name", "Số buổi tuyên truyền", "unit", "buổi", "target", 20)),
        "yearEndCommendation", false));
    assertThat(registered.status()).as(registered.text()).isEqualTo(201);
    submit(head("UBNDT"), awaitTask(head("UBNDT"), PlanLifecycleProcess.TASK_APPROVE_ISSUANCE, PLAN, null),
        vars("issuanceApproved", true));
    setClock(LocalDateTime.of(2023, 6, 20, 9, 0));
    JsonNode draft = awaitTask(officer("SYT"), AgencyReportProcess.TASK_DRAFT_REPORT, PLAN, null);
    String id = draft.get("id").asText();
    JsonNode periodBefore = get(officer("SYT"), "/engine-rest/task/" + id + "/variables/periodId");

    List<Map<String, Object>> filled = new ArrayList<>();
    for (JsonNode row : jsonVariable(officer("SYT"), draft, AgencyReportProcess.INDICATOR_FIGURES.name())) {
      Map<String, Object> copy = JSON.convertValue(row, Map.class);
      copy.put("value", 3);
      filled.add(copy);
    }
    Map<String, Object> valid = vars("indicatorFigures", filled, "reportNarrative", "Đã tổ chức 3 buổi.");
    Map<String, Object> smuggled = new java.util.LinkedHashMap<>(valid);
    smuggled.put("periodId", 999_999L);
    smuggled.put("planId", 1L);

    Response completed = trySubmit(officer("SYT"), draft, smuggled);
    assertThat(completed.status()).as(completed.text()).isEqualTo(400);
    assertThat(completed.json().get("message").asText())
        .startsWith("Không được gửi dữ liệu ngoài biểu mẫu của bước này: ").contains("periodId", "planId");
    Response viaComplete = call(officer("SYT"), "POST", "/engine-rest/task/" + id + "/complete",
        Map.of("variables", Map.of("periodId", Map.of("value", 1, "type", "Long"))));
    assertThat(viaComplete.status()).isEqualTo(400);
    Response local = call(officer("SYT"), "PUT", "/engine-rest/task/" + id + "/localVariables/periodId",
        Map.of("value", 1, "type", "Long"));
    assertThat(local.status()).as("a task-local variable would hide the process's: no officer's right").isEqualTo(403);
    Response modification = call(officer("SYT"), "POST", "/engine-rest/task/" + id + "/variables",
        Map.of("modifications", Map.of("agencyGroup", Map.of("value", "STP")), "deletions", List.of()));
    assertThat(modification.status()).isEqualTo(403);
    Response deletion = call(officer("SYT"), "DELETE", "/engine-rest/task/" + id + "/variables/planId", null);
    assertThat(deletion.status()).isEqualTo(403);

    // nothing changed: the task is open, its references intact
    assertThat(get(officer("SYT"), "/engine-rest/task/" + id + "/variables/periodId")).isEqualTo(periodBefore);
    assertThat(call(officer("SYT"), "GET", "/engine-rest/task/" + id + "/localVariables/periodId", null).status())
        .isEqualTo(404);
    // setting variables outside completing is no officer's right at all
    assertThat(call(officer("SYT"), "PUT", "/engine-rest/task/" + id + "/variables/reportNarrative",
        Map.of("value", "Bản nháp", "type", "String")).status()).isEqualTo(403);
    // an outsider still gets the engine's own answer, not a hint about the form
    assertThat(trySubmit(officer("STP"), draft, smuggled).status()).isEqualTo(403);
    submit(officer("SYT"), draft, valid);
  }
}
