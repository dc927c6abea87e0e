package vn.pcmt.reorganisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import vn.pcmt.ApiTestSupport;
import vn.pcmt.plan.PlanLifecycleProcess;
import vn.pcmt.reporting.AgencyReportProcess;
import vn.pcmt.subplan.SubPlanProcess;

/**
 * A plan issued before the 2025 reorganisation keeps running after it (directory son-la.yaml): on 01/07/2025 the
 * communes Chiềng Yên (VHCY) and Lóng Luông (VHLL) of Vân Hồ are merged into xã Vân Hồ (XVH, predecessors [VHLL,
 * VHCY, VHMM, VHVH]); xã Xuân Nha (VHXN) and huyện Vân Hồ (HVH) end with no successor recorded.
 */
class AgencySuccessionApiTest extends ApiTestSupport {

  static final String PLAN = "61/KH-UBND";

  @Autowired
  AgencySuccession succession;

  @Test
  void openTasksAndLaterReportsOfEndedAgenciesGoToTheirSuccessorOrToTheSecretariat() {
    setClock(LocalDateTime.of(2025, 6, 2, 9, 0));
    Map<String, Object> plan = Map.of(
        "planNumber", PLAN,
        "planTitle", "Kế hoạch phòng, chống ma túy trên địa bàn huyện Vân Hồ năm 2025",
        "issueDate", "2025-06-02",
        "subPlanDeadline", "2025-07-15",
        "subPlanDeadlinePhrase", "trước ngày 15/7/2025",
        "assignments", List.of("VHCY", "VHLL", "VHXN", "HVH").stream().map(code -> Map.of("targetType", "AGENCY",
            "target", code, "role", "LEAD", "duty", "Triển khai kế hoạch trên địa bàn.")).toList(),
        "reportingPeriods", List.of(Map.of("label", "Tháng 6", "dueDate", "2025-07-10"),
            Map.of("label", "Quý III", "dueDate", "2025-09-15")),
        "indicators", List.of(Map.of("name", "Số buổi tuyên truyền", "unit", "buổi", "target", 4)),
        "recipients", List.of("Ủy ban nhân dân tỉnh (để b/c)"),
        "yearEndCommendation", false);
    Response registered = call(officer("PTM"), "POST", "/api/plans", plan);
    assertThat(registered.status()).as(registered.text()).isEqualTo(201);
    submit(head("UBNDT"), awaitTask(head("UBNDT"), PlanLifecycleProcess.TASK_APPROVE_ISSUANCE, PLAN, null),
        vars("issuanceApproved", true));
    awaitTasks("admin", SubPlanProcess.TASK_DRAFT_SUB_PLAN, PLAN, null, 4);
    awaitTasks("admin", AgencyReportProcess.TASK_DRAFT_REPORT, PLAN, "Tháng 6", 4);
    assertThat(succession.apply()).as("nothing has ended yet").isEmpty();

    // 01/07/2025: the communes and the district have ended
    setClock(LocalDateTime.of(2025, 7, 1, 0, 10));
    List<AgencySuccession.Decided> decided = succession.apply();
    assertThat(decided).extracting(AgencySuccession.Decided::fromAgency, AgencySuccession.Decided::outcome)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("VHCY", AgencySuccession.Outcome.MOVED),
            org.assertj.core.groups.Tuple.tuple("VHCY", AgencySuccession.Outcome.MOVED),
            org.assertj.core.groups.Tuple.tuple("VHLL", AgencySuccession.Outcome.SUCCESSOR_OWES),
            org.assertj.core.groups.Tuple.tuple("VHLL", AgencySuccession.Outcome.SUCCESSOR_OWES),
            org.assertj.core.groups.Tuple.tuple("VHXN", AgencySuccession.Outcome.NO_SUCCESSOR),
            org.assertj.core.groups.Tuple.tuple("VHXN", AgencySuccession.Outcome.NO_SUCCESSOR),
            org.assertj.core.groups.Tuple.tuple("HVH", AgencySuccession.Outcome.NO_SUCCESSOR),
            org.assertj.core.groups.Tuple.tuple("HVH", AgencySuccession.Outcome.NO_SUCCESSOR));
    assertThat(succession.apply()).as("each task is decided once").isEmpty();

    // Chiềng Yên's draft is now xã Vân Hồ's: its officer sees it, Chiềng Yên's no longer does
    JsonNode moved = awaitTask(officer("XVH"), SubPlanProcess.TASK_DRAFT_SUB_PLAN, PLAN, null);
    assertThat(groupsOf(moved)).containsExactly("XVH");
    assertThat(tasks(officer("VHCY"), null, PLAN, null)).isEmpty();
    assertThat(call(officer("VHCY"), "GET", "/engine-rest/task/" + moved.get("id").asText(), null).status())
        .isEqualTo(404);
    // the successor is mailed as for a new task; the secretariat is told of the tasks nobody took over
    assertThat(recipients(moved)).contains("agency:XVH");
    for (JsonNode left : tasks("admin", SubPlanProcess.TASK_DRAFT_SUB_PLAN, PLAN, null)) {
      if (!groupsOf(left).contains("XVH")) {
        assertThat(recipients(left)).as("secretariat told of %s", groupsOf(left)).contains("agency:PTM");
      }
    }
    // the monitor shows the move in the obligation's history
    JsonNode matrix = get(officer("PTM"), "/api/plans/" + registered.json().get("planId").asLong());
    assertThat(matrix.get("obligations").get("subPlan").toString()).contains("XVH").doesNotContain("VHCY");

    // the next period opens after the reorganisation: the successor reports, the ended agencies with no successor
    // get tasks the secretariat is told about, nobody reports for the communes that no longer exist twice
    setClock(LocalDateTime.of(2025, 7, 10, 9, 0));
    List<JsonNode> reports = awaitTasks("admin", AgencyReportProcess.TASK_DRAFT_REPORT, PLAN, "Quý III", 3);
    Set<String> groups = new TreeSet<>();
    reports.forEach(r -> groups.addAll(groupsOf(r)));
    assertThat(groups).containsExactly("HVH", "VHXN", "XVH");
  }

  private List<String> groupsOf(JsonNode task) {
    List<String> groups = new java.util.ArrayList<>();
    for (JsonNode link : get("admin", "/engine-rest/task/" + task.get("id").asText() + "/identity-links?type=candidate")) {
      if (link.hasNonNull("groupId")) {
        groups.add(link.get("groupId").asText());
      }
    }
    return groups;
  }

  private List<String> recipients(JsonNode task) {
    List<String> refs = new java.util.ArrayList<>();
    get("admin", "/api/notifications?taskId=" + task.get("id").asText())
        .forEach(m -> refs.add(m.get("recipientRef").asText()));
    return refs;
  }
}
