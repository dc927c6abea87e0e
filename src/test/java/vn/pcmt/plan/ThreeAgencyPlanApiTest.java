package vn.pcmt.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import vn.pcmt.ApiTestSupport;
import vn.pcmt.commendation.CommendationProcess;
import vn.pcmt.reporting.AgencyReportProcess;
import vn.pcmt.reporting.PeriodicReportProcess;
import vn.pcmt.subplan.SubPlanProcess;

/**
 * A plan of another shape proves the schedule is data: three agencies, no sub-plans, one single report due on one
 * date, no commendation (like an action month: "báo cáo kết quả trước ngày 03/7").
 */
class ThreeAgencyPlanApiTest extends ApiTestSupport {

  static final String PLAN = "111/KH-UBND";
  static final List<String> AGENCIES = List.of("CAT", "SYT", "SGDDT");

  @Test
  void aThreeAgencyPlanWithOneReportRunsToClosure() {
    setClock(LocalDateTime.of(2023, 6, 1, 8, 30));
    Map<String, Object> plan = Map.of(
        "planNumber", PLAN,
        "planTitle", "Kế hoạch tổ chức Tháng hành động phòng, chống ma túy năm 2023",
        "issueDate", "2023-05-31",
        "assignments", AGENCIES.stream().map(code -> Map.of("targetType", "AGENCY", "target", code,
            "role", "LEAD", "duty", "Tổ chức các hoạt động hưởng ứng Tháng hành động.")).toList(),
        "reportingPeriods", List.of(Map.of("label", "Tháng hành động", "dueDate", "2023-07-03",
            "deadlinePhrase", "trước ngày 03 tháng 7 năm 2023")),
        "indicators", List.of(Map.of("name", "Số buổi tuyên truyền", "unit", "buổi", "target", 20)),
        "recipients", List.of("Ủy ban Quốc gia (để b/c)"),
        "yearEndCommendation", false);
    Response registered = call(officer("PTM"), "POST", "/api/plans", plan);
    assertThat(registered.status()).as(registered.text()).isEqualTo(201);
    long planId = registered.json().get("planId").asLong();
    submit(head("UBNDT"), awaitTask(head("UBNDT"), PlanLifecycleProcess.TASK_APPROVE_ISSUANCE, PLAN, null),
        vars("issuanceApproved", true));

    // the single report of each of the three agencies, and nothing else
    setClock(LocalDateTime.of(2023, 6, 28, 9, 0));
    List<JsonNode> drafts = awaitTasks("admin", AgencyReportProcess.TASK_DRAFT_REPORT, PLAN, null, AGENCIES.size());
    assertThat(drafts).allSatisfy(task -> assertThat(task.get("due").asText()).startsWith("2023-07-03T16:59:59"));
    assertThat(tasks("admin", SubPlanProcess.TASK_DRAFT_SUB_PLAN, PLAN, null)).isEmpty();
    double total = 0;
    for (int i = 0; i < AGENCIES.size(); i++) {
      String agency = AGENCIES.get(i);
      JsonNode draft = awaitTask(officer(agency), AgencyReportProcess.TASK_DRAFT_REPORT, PLAN, null);
      assertTask(draft, agency, endOfDay(LocalDate.of(2023, 7, 3)), "draft-report", officer(agency),
          officer(AGENCIES.get((i + 1) % AGENCIES.size())));
      JsonNode rows = jsonVariable(officer(agency), draft, AgencyReportProcess.INDICATOR_FIGURES.name());
      List<Map<String, Object>> filled = new ArrayList<>();
      for (JsonNode row : rows) {
        Map<String, Object> copy = JSON.convertValue(row, Map.class);
        copy.put("value", 4 + i);
        filled.add(copy);
      }
      total += 4 + i;
      submit(officer(agency), draft, vars("indicatorFigures", filled, "reportNarrative", "Đã tổ chức " + (4 + i)
          + " buổi."));
      submit(head(agency), awaitTask(head(agency), AgencyReportProcess.TASK_APPROVE_REPORT, PLAN, null),
          vars("reportHeadApproved", true));
    }

    setClock(LocalDateTime.of(2023, 7, 11, 9, 0));
    JsonNode consolidation = awaitTask(officer("PTM"), PeriodicReportProcess.TASK_CONSOLIDATE_REPORTS, PLAN, null);
    JsonNode totals = jsonVariable(officer("PTM"), consolidation, PeriodicReportProcess.INDICATOR_TOTALS.name());
    // a count summed: 4 + 5 + 6 = 15 sessions of at least 20
    assertThat(total).isEqualTo(15);
    assertThat(totals.get(0).get("total").asDouble()).isEqualTo(15.0);
    assertThat(totals.get(0).get("agencies").asInt()).isEqualTo(3);
    assertThat(totals.get(0).get("targetText").asText()).isEqualTo("Tối thiểu 20 buổi");
    assertThat(totals.get(0).get("result").asText()).isEqualTo("15 buổi");
    assertThat(totals.get(0).get("met").asBoolean()).isFalse();
    assertThat(totals.get(0).get("assessment").asText()).isEqualTo("Chưa đạt");
    submit(officer("PTM"), consolidation, vars("consolidatedSummary", "Kết quả Tháng hành động."));
    submit(head("UBNDT"), awaitTask(head("UBNDT"), PeriodicReportProcess.TASK_SIGN_REPORT, PLAN, null),
        vars("reportSigned", true));

    await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
        assertThat(get(officer("PTM"), "/api/plans/" + planId).get("status").asText()).isEqualTo("CLOSED"));
    assertThat(tasks("admin", CommendationProcess.TASK_PROPOSE_COMMENDATION, PLAN, null)).isEmpty();
    JsonNode commendations = get("admin", "/engine-rest/history/process-instance?processDefinitionKey="
        + CommendationProcess.KEY + "&processInstanceBusinessKey=111%2FKH-UBND");
    assertThat(commendations).isEmpty();
    JsonNode summary = get(officer("PTM"), "/api/plans/" + planId + "/summary");
    assertThat(summary.get("obligations")).hasSize(3)
        .allSatisfy(o -> assertThat(o.get("outcome").asText()).isEqualTo("ON_TIME"));
  }
}
