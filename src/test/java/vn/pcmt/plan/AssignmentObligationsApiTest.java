package vn.pcmt.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import vn.pcmt.ApiTestSupport;
import vn.pcmt.reporting.AgencyReportProcess;
import vn.pcmt.subplan.SubPlanProcess;

/**
 * Tasks go exactly where the plan says: each assignment owes what it is written to owe (a sub-plan with its own
 * deadline, reports on some periods, nothing), and what it leaves out follows its role.
 */
class AssignmentObligationsApiTest extends ApiTestSupport {

  static final String PLAN = "312/KH-UBND";

  /** An action month: Công an with its own sub-plan deadline, Sở Y tế by its role, the Front and the Youth Union. */
  static Map<String, Object> actionMonth(String number) {
    Map<String, Object> plan = new HashMap<>();
    plan.put("planNumber", number);
    plan.put("planTitle", "Kế hoạch tổ chức Tháng hành động phòng, chống ma túy năm 2023");
    plan.put("issueDate", "2023-05-31");
    plan.put("assignments", new ArrayList<>(List.of(
        assignment("CAT", "LEAD", "Chủ trì tổ chức Tháng hành động.", Map.of("owesSubPlan", true,
            "subPlanDeadline", "2023-06-10", "subPlanDeadlinePhrase", "trước ngày 10/6/2023")),
        assignment("SYT", "LEAD", "Tổ chức tuyên truyền tại cơ sở y tế.", Map.of()),
        assignment("MTTQ", "COORDINATING", "Phối hợp vận động nhân dân.", Map.of()),
        assignment("TDOAN", "REQUESTED", "Đề nghị tổ chức hoạt động của đoàn viên.",
            Map.of("reportsOn", List.of("Tháng hành động"))))));
    plan.put("reportingPeriods", List.of(Map.of("label", "Tháng hành động", "dueDate", "2023-07-03",
        "deadlinePhrase", "trước ngày 03 tháng 7 năm 2023")));
    plan.put("indicators", List.of(Map.of("name", "Số buổi tuyên truyền", "unit", "buổi", "target", 20)));
    plan.put("recipients", List.of("Ủy ban Quốc gia (để b/c)"));
    plan.put("yearEndCommendation", false);
    return plan;
  }

  static Map<String, Object> assignment(String code, String role, String duty, Map<String, Object> owes) {
    Map<String, Object> item = new HashMap<>(Map.of("targetType", "AGENCY", "target", code, "role", role,
        "duty", duty));
    item.putAll(owes);
    return item;
  }

  @Test
  void eachAssignmentGetsTheTasksItIsWrittenToOweAndNoOther() {
    setClock(LocalDateTime.of(2023, 6, 1, 8, 30));
    Response registered = call(officer("PTM"), "POST", "/api/plans", actionMonth(PLAN));
    assertThat(registered.status()).as(registered.text()).isEqualTo(201);
    long planId = registered.json().get("planId").asLong();
    submit(head("UBNDT"), awaitTask(head("UBNDT"), PlanLifecycleProcess.TASK_APPROVE_ISSUANCE, PLAN, null),
        vars("issuanceApproved", true));

    // only Công an writes a sub-plan, due by its own deadline: "trước ngày 10/6/2023" ends on Friday 09/06/2023
    JsonNode draft = awaitTask(officer("CAT"), SubPlanProcess.TASK_DRAFT_SUB_PLAN, PLAN, null);
    assertThat(draft.get("due").asText()).startsWith("2023-06-09T16:59:59");
    assertThat(tasks("admin", SubPlanProcess.TASK_DRAFT_SUB_PLAN, PLAN, null)).hasSize(1);
    JsonNode obligations = get(officer("PTM"), "/api/plans/" + planId).get("obligations");
    assertThat(texts(obligations.get("subPlan"))).containsExactly("CAT");
    assertThat(texts(obligations.get("reports").get("Tháng hành động"))).containsExactly("CAT", "SYT", "TDOAN");
    assertThat(obligations.get("commendationProposals")).isEmpty();

    // the report: the lead bodies by their role, the Youth Union because the plan names it; the Front owes nothing
    setClock(LocalDateTime.of(2023, 6, 28, 9, 0));
    List<JsonNode> reports = awaitTasks("admin", AgencyReportProcess.TASK_DRAFT_REPORT, PLAN, null, 3);
    assertThat(reports).hasSize(3);
    for (String agency : List.of("CAT", "SYT", "TDOAN")) {
      assertThat(awaitTask(officer(agency), AgencyReportProcess.TASK_DRAFT_REPORT, PLAN, null).get("due").asText())
          .startsWith("2023-07-03T16:59:59");
    }
    assertThat(tasks(officer("MTTQ"), null, PLAN, null)).isEmpty();
  }

  @Test
  void obligationsThatDoNotFitThePlanAreRefusedAndNothingIsSaved() {
    setClock(LocalDateTime.of(2023, 6, 1, 8, 30));
    int before = instances();

    Map<String, Object> duplicate = actionMonth("313/KH-UBND");
    List<Object> assignments = castList(duplicate.get("assignments"));
    assignments.add(assignments.get(1));
    expectRefusal(duplicate, "assignments[4]", "bị nhập trùng");

    Map<String, Object> unknownPeriod = actionMonth("314/KH-UBND");
    castList(unknownPeriod.get("assignments")).set(3, assignment("TDOAN", "REQUESTED", "Đề nghị phối hợp.",
        Map.of("reportsOn", List.of("Quý IV"))));
    expectRefusal(unknownPeriod, "assignments[3].reportsOn[0]", "Kế hoạch không có kỳ báo cáo 'Quý IV'");

    Map<String, Object> noDeadline = actionMonth("315/KH-UBND");
    castList(noDeadline.get("assignments")).set(1, assignment("SYT", "LEAD", "Xây dựng kế hoạch.",
        Map.of("owesSubPlan", true)));
    expectRefusal(noDeadline, "assignments[1].subPlanDeadline", "chưa có hạn");

    Map<String, Object> deadlineWithoutSubPlan = actionMonth("316/KH-UBND");
    castList(deadlineWithoutSubPlan.get("assignments")).set(2, assignment("MTTQ", "COORDINATING", "Phối hợp.",
        Map.of("subPlanDeadline", "2023-06-10")));
    expectRefusal(deadlineWithoutSubPlan, "assignments[2].subPlanDeadline", "không phải gửi kế hoạch triển khai");

    Map<String, Object> beforeIssue = actionMonth("317/KH-UBND");
    castList(beforeIssue.get("assignments")).set(0, assignment("CAT", "LEAD", "Chủ trì.",
        Map.of("owesSubPlan", true, "subPlanDeadline", "2023-05-01")));
    expectRefusal(beforeIssue, "assignments[0].subPlanDeadline", "trước ngày ban hành");

    assertThat(instances()).as("no plan started by a refused registration").isEqualTo(before);
  }

  private void expectRefusal(Map<String, Object> plan, String field, String message) {
    Response response = call(officer("PTM"), "POST", "/api/plans", plan);
    assertThat(response.status()).as(response.text()).isEqualTo(400);
    List<String> messages = new ArrayList<>();
    for (JsonNode error : response.json().get("errors")) {
      if (field.equals(error.get("field").asText())) {
        messages.add(error.get("message").asText());
      }
    }
    assertThat(messages).as("errors of %s in %s", field, response.text()).anySatisfy(m -> assertThat(m).contains(message));
  }

  private int instances() {
    return get("admin", "/engine-rest/process-instance/count?processDefinitionKey=" + PlanLifecycleProcess.KEY)
        .get("count").asInt();
  }

  @SuppressWarnings("unchecked")
  private static List<Object> castList(Object list) {
    return (List<Object>) list;
  }

  private static List<String> texts(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(value -> values.add(value.asText()));
    return values;
  }
}
