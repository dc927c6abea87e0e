package vn.pcmt.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import vn.pcmt.ApiTestSupport;

/** Bad input to the registration endpoint gets a clear error and changes nothing. */
class PlanRegistrationApiTest extends ApiTestSupport {

  @Autowired
  JdbcTemplate jdbc;

  @BeforeEach
  void at() {
    setClock(LocalDateTime.of(2024, 3, 4, 9, 0));
  }

  Map<String, Object> validPlan() {
    Map<String, Object> plan = new HashMap<>();
    plan.put("planNumber", "7/KH-UBND");
    plan.put("planTitle", "Kế hoạch thử");
    plan.put("issueDate", "2024-03-01");
    plan.put("subPlanDeadline", "2024-03-20");
    plan.put("assignments", List.of(Map.of("targetType", "AGENCY", "target", "SYT", "role", "LEAD", "duty", "Làm.")));
    plan.put("reportingPeriods", List.of(Map.of("label", "Quý I", "dueDate", "2024-03-15")));
    plan.put("indicators", List.of(Map.of("name", "Số người được cai nghiện", "unit", "người", "target", 10)));
    plan.put("yearEndCommendation", false);
    return plan;
  }

  @Test
  void refusesEveryKindOfBadInputAndKeepsNothing() {
    long plansBefore = count();
    long instancesBefore = instances();
    assertRefused(with("planNumber", null), "planNumber", "Trường 'Số, ký hiệu' là bắt buộc.");
    assertRefused(with("assignments", List.of(Map.of("target", "SOKHONGCO", "role", "LEAD", "duty", "x"))),
        "assignments[0].target", "Không tìm thấy cơ quan có mã 'SOKHONGCO' trong danh bạ.");
    assertRefused(with("reportingPeriods", List.of(Map.of("label", "Quý I", "dueDate", "2024-02-15"))),
        "reportingPeriods[0].dueDate", "Hạn báo cáo kỳ 'Quý I' (15/02/2024) trước ngày ban hành (01/03/2024).");
    assertRefused(with("subPlanDeadline", "2024-02-01"), "subPlanDeadline",
        "Hạn gửi kế hoạch triển khai (01/02/2024) trước ngày ban hành (01/03/2024).");
    assertRefused(with("indicators", List.of(Map.of("name", "Số vụ", "unit", "vụ", "target", -5))),
        "indicators[0].target", "Dòng 1 của 'Chỉ tiêu': trường 'Mục tiêu' không được nhỏ hơn 0.");
    assertRefused(with("issueDate", "30/02/2024"), "issueDate", "năm-tháng-ngày");
    assertRefused(with("assignments", List.of(Map.of("targetType", "CHILDREN_OF", "target", "SYT", "role", "LEAD",
        "duty", "x"))), "assignments[0].target", "Cơ quan 'SYT' không có đơn vị trực thuộc hoạt động vào ngày 01/03/2024.");
    assertRefused(with("subPlanDeadlinePhrase", "trước ngày 25/03/2024"), "subPlanDeadlinePhrase",
        "Thời hạn ghi bằng lời \"trước ngày 25/03/2024\" là ngày 25/03/2024, không khớp với ngày 20/03/2024.");
    assertThat(count()).as("nothing saved").isEqualTo(plansBefore);
    assertThat(instances()).as("no plan started").isEqualTo(instancesBefore);

    assertThat(call(null, "POST", "/api/plans", validPlan()).status()).as("unauthenticated").isEqualTo(401);
    assertThat(call(null, "GET", "/engine-rest/task", null).status()).as("unauthenticated REST").isEqualTo(401);
    Map<String, Object> worded = validPlan();
    // Sunday 15/09/2024 "trước ngày": the 14th is a Saturday, so the report is due on Monday 16/09 (rolled)
    worded.put("reportingPeriods", List.of(Map.of("label", "Quý III", "dueDate", "2024-09-15",
        "deadlinePhrase", "trước ngày 15/9")));
    worded.put("subPlanDeadlinePhrase", "đến ngày 20/3/2024");
    Response accepted = call(officer("PTM"), "POST", "/api/plans", worded);
    assertThat(accepted.status()).as(accepted.text()).isEqualTo(201);
    JsonNode stored = get(officer("PTM"), "/api/plans/" + accepted.json().get("planId").asLong());
    assertThat(stored.get("subPlanDeadline").asText()).isEqualTo("2024-03-20");
    assertThat(stored.get("subPlanDeadlineInTime").asBoolean()).as("'đến ngày' includes the day").isTrue();
    assertThat(stored.get("subPlanDueDay").asText()).isEqualTo("2024-03-20");
    JsonNode period = stored.get("reportingPeriods").get(0);
    assertThat(period.get("dueDate").asText()).as("stored as written").isEqualTo("2024-09-15");
    assertThat(period.get("deadlinePhrase").asText()).isEqualTo("trước ngày 15/9");
    assertThat(period.get("dueDateInTime").asBoolean()).as("'trước ngày' excludes the day").isFalse();
    assertThat(period.get("dueDay").asText()).isEqualTo("2024-09-16");
    Response duplicate = call(officer("PTM"), "POST", "/api/plans", validPlan());
    assertThat(duplicate.status()).isEqualTo(400);
    assertThat(duplicate.text()).contains("đã được đăng ký");
  }

  /** Tasklist's start form posts the form fields to Camunda's REST API; the same rules refuse the same input. */
  @Test
  void theStartFormRefusesAnUnknownAgency() {
    long plansBefore = count();
    Map<String, Object> form = new HashMap<>(validPlan());
    form.put("planNumber", "9/KH-UBND");
    form.put("assignments", List.of(Map.of("targetType", "AGENCY", "target", "SOKHONGCO", "role", "LEAD",
        "duty", "x")));
    form.put("reportingPeriods", List.of(Map.of("label", "Quý I", "dueDate", "2024-03-15")));
    form.put("indicators", List.of());
    form.remove("subPlanDeadline");
    Response refused = call(officer("PTM"), "POST",
        "/engine-rest/process-definition/key/plan-lifecycle/submit-form", Map.of("variables", restVariables(form)));
    assertThat(refused.status()).as(refused.text()).isEqualTo(400);
    assertThat(refused.json().get("message").asText())
        .contains("Không tìm thấy cơ quan có mã 'SOKHONGCO' trong danh bạ.");
    assertThat(count()).isEqualTo(plansBefore);

    form.put("assignments", List.of(Map.of("targetType", "AGENCY", "target", "SYT", "role", "LEAD", "duty", "x")));
    Response started = call(officer("PTM"), "POST",
        "/engine-rest/process-definition/key/plan-lifecycle/submit-form", Map.of("variables", restVariables(form)));
    assertThat(started.status()).as(started.text()).isEqualTo(200);
    assertThat(count()).isEqualTo(plansBefore + 1);
  }

  @Test
  void aReturnedPlanCanBeRevisedAndBadRevisionsAreRefused() {
    Map<String, Object> plan = validPlan();
    plan.put("planNumber", "8/KH-UBND");
    assertThat(call(officer("PTM"), "POST", "/api/plans", plan).status()).isEqualTo(201);
    JsonNode approval = awaitTask(head("UBNDT"), PlanLifecycleProcess.TASK_APPROVE_ISSUANCE, "8/KH-UBND", null);
    Response noReason = trySubmit(head("UBNDT"), approval, vars("issuanceApproved", false));
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.text()).contains("Trường 'Ý kiến' là bắt buộc.");
    submit(head("UBNDT"), approval, vars("issuanceApproved", false, "issuanceComment", "Sửa hạn."));
    JsonNode revision = awaitTask(officer("PTM"), PlanLifecycleProcess.TASK_REVISE_PLAN, "8/KH-UBND", null);
    Response badRevision = trySubmit(officer("PTM"), revision, vars("assignments",
        List.of(Map.of("targetType", "AGENCY", "target", "KHONGCO", "role", "LEAD", "duty", "x"))));
    assertThat(badRevision.status()).isEqualTo(400);
    assertThat(badRevision.text()).contains("Không tìm thấy cơ quan có mã 'KHONGCO'");
    assertThat(tasks(officer("PTM"), PlanLifecycleProcess.TASK_REVISE_PLAN, "8/KH-UBND", null)).as("still open")
        .hasSize(1);
    submit(officer("PTM"), revision, vars("planTitle", "Kế hoạch thử (sửa)"));
    awaitTask(head("UBNDT"), PlanLifecycleProcess.TASK_APPROVE_ISSUANCE, "8/KH-UBND", null);
    assertThat(jdbc.queryForObject("select title from plan where plan_number = '8/KH-UBND'", String.class))
        .isEqualTo("Kế hoạch thử (sửa)");
  }

  private Map<String, Object> with(String field, Object value) {
    Map<String, Object> plan = validPlan();
    plan.put(field, value);
    return plan;
  }

  private void assertRefused(Map<String, Object> plan, String field, String message) {
    Response response = call(officer("PTM"), "POST", "/api/plans", plan);
    assertThat(response.status()).as(response.text()).isEqualTo(400);
    assertThat(response.json().get("title").asText()).isEqualTo("Dữ liệu không hợp lệ");
    assertThat(response.json().get("errors")).anySatisfy(error -> {
      assertThat(error.get("field").asText()).isEqualTo(field);
      assertThat(error.get("message").asText()).contains(message);
    });
  }

  /** Plans running or ended (the test context may be shared with other test classes' plans). */
  private long instances() {
    return get("admin", "/engine-rest/history/process-instance/count?processDefinitionKey=plan-lifecycle")
        .get("count").asLong();
  }

  private long count() {
    return jdbc.queryForObject("select count(*) from plan", Long.class);
  }
}
