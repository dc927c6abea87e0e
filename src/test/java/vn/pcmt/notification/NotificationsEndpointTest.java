package vn.pcmt.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

import vn.pcmt.ApiTestSupport;
import vn.pcmt.plan.PlanLifecycleProcess;
import vn.pcmt.subplan.SubPlanProcess;

/**
 * The embedded default has no SMTP server: every message is still recorded, never attempted, and an administrator
 * reads them over the JSON API, newest first; nobody else does.
 */
@TestPropertySource(properties = {
    // the embedded default: no SMTP server (said explicitly, which also gives this class a Spring context of its own:
    // Camunda's REST authentication finds the engine by name in a JVM-wide registry, so a cached context shared
    // with other web test classes could authenticate against an engine started later by another class)
    "spring.mail.host="})
class NotificationsEndpointTest extends ApiTestSupport {

  static final String PLAN = "7/KH-UBND-MAIL";
  static final String ADMIN = "admin";

  static Map<String, Object> plan() {
    return Map.of("planNumber", PLAN, "planTitle", "Kế hoạch tuyên truyền phòng, chống ma túy (kiểm thử thư)",
        "issueDate", "2024-03-04", "subPlanDeadline", "2043-03-16", "subPlanDeadlinePhrase", "trước ngày 16/03/2043",
        "assignments", List.of(Map.of("targetType", "AGENCY", "target", "SYT", "role", "LEAD",
            "duty", "Chủ trì tuyên truyền trong ngành y tế.")),
        "reportingPeriods", List.of(Map.of("label", "Năm 2043", "dueDate", "2043-12-15")),
        "yearEndCommendation", false);
  }

  @Test
  void withoutSmtpServerMessagesAreRecordedAndOnlyAnAdministratorSeesThem() {
    Response registered = call(officer("PTM"), "POST", "/api/plans", plan());
    assertThat(registered.status()).as(registered.text()).isEqualTo(201);
    JsonNode approval = awaitTask(head("UBNDT"), PlanLifecycleProcess.TASK_APPROVE_ISSUANCE, PLAN, null);

    List<JsonNode> recorded = notifications("?taskId=" + approval.get("id").asText());
    assertThat(recorded).hasSize(2);
    assertThat(recorded.stream().map(m -> m.get("recipient").asText()))
        .containsExactlyInAnyOrder("ubndt@sonla.pcmt.example", "ubndtld@sonla.pcmt.example");
    for (JsonNode message : recorded) {
      assertThat(message.get("state").asText()).isEqualTo("RECORDED");
      assertThat(message.get("attempts").asInt()).isZero();
      assertThat(message.get("kind").asText()).isEqualTo("TASK_ASSIGNED");
      assertThat(message.get("planNumber").asText()).isEqualTo(PLAN);
      assertThat(message.get("subject").asText())
          .startsWith("[Việc mới] Phê duyệt ban hành kế hoạch – Kế hoạch " + PLAN + " – hạn ");
      assertThat(message.has("bodyText")).as("bodies only one by one").isFalse();
    }
    JsonNode one = get(ADMIN, "/api/notifications/" + recorded.get(0).get("id").asText());
    assertThat(one.get("bodyText").asText()).contains("Kính gửi: Ủy ban nhân dân tỉnh Sơn La")
        .contains("#/?task=" + approval.get("id").asText());
    assertThat(one.get("bodyHtml").asText()).contains("<html");

    // the plan is issued: the sub-plan task, created later by the job executor, comes first
    submit(head("UBNDT"), approval, vars(PlanLifecycleProcess.ISSUANCE_APPROVED.name(), true));
    JsonNode draft = awaitTask(officer("SYT"), SubPlanProcess.TASK_DRAFT_SUB_PLAN, PLAN, null);
    await().atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(notifications("?taskId=" + draft.get("id").asText())).hasSize(3));
    List<JsonNode> all = notifications("?state=recorded");
    assertThat(all).allMatch(m -> m.get("state").asText().equals("RECORDED"));
    assertThat(all.get(0).get("taskId").asText()).isNotEqualTo(approval.get("id").asText());
    for (int i = 1; i < all.size(); i++) {
      assertThat(OffsetDateTime.parse(all.get(i - 1).get("createdAt").asText()))
          .isAfterOrEqualTo(OffsetDateTime.parse(all.get(i).get("createdAt").asText()));
    }
    assertThat(notifications("?state=SENT")).isEmpty();
    assertThat(notifications("?state=PENDING")).isEmpty();
    assertThat(call(ADMIN, "GET", "/api/notifications?state=LOST", null).status()).isEqualTo(400);

    // nobody else: not the secretariat's officer, not the head whose inbox it is, not an anonymous caller
    assertThat(call(officer("PTM"), "GET", "/api/notifications", null).status()).isEqualTo(403);
    assertThat(call(head("UBNDT"), "GET", "/api/notifications/" + recorded.get(0).get("id").asText(), null)
        .status()).isEqualTo(403);
    assertThat(call(null, "GET", "/api/notifications", null).status()).isEqualTo(401);
  }

  List<JsonNode> notifications(String query) {
    List<JsonNode> result = new ArrayList<>();
    get(ADMIN, "/api/notifications" + query).forEach(result::add);
    return result;
  }
}
