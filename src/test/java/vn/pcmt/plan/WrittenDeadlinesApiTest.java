package vn.pcmt.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import vn.pcmt.ApiTestSupport;

/**
 * Deadlines copied from a plan as words only are understood when the plan is registered: each gets the date the
 * words mean (worked out by hand below from the calendar of 2025), and words that mean nothing are refused, quoted.
 */
class WrittenDeadlinesApiTest extends ApiTestSupport {

  static Map<String, Object> programme(String number, String subPlanPhrase, List<Map<String, Object>> periods) {
    Map<String, Object> plan = new HashMap<>();
    plan.put("planNumber", number);
    plan.put("planTitle", "Kế hoạch thực hiện Chương trình mục tiêu quốc gia phòng, chống ma túy năm 2025");
    plan.put("issueDate", "2025-05-15");
    plan.put("subPlanDeadlinePhrase", subPlanPhrase);
    plan.put("assignments", List.of(
        Map.of("targetType", "AGENCY", "target", "CAT", "role", "LEAD", "duty", "Chủ trì, tham mưu."),
        Map.of("targetType", "AGENCY", "target", "SYT", "role", "LEAD", "duty", "Điều trị nghiện.")));
    plan.put("reportingPeriods", periods);
    plan.put("indicators", List.of(Map.of("name", "Xã không ma túy", "unit", "%", "target", 20)));
    plan.put("recipients", List.of("Ủy ban nhân dân tỉnh (để b/c)"));
    plan.put("yearEndCommendation", false);
    return plan;
  }

  @Test
  void deadlinesWrittenAsWordsGetTheDateTheyMean() {
    setClock(LocalDateTime.of(2025, 5, 16, 9, 0));
    Response registered = call(officer("PTM"), "POST", "/api/plans", programme("52/KH-UBND", "trong tháng 5 năm 2025",
        List.of(Map.of("label", "Quý III", "deadlinePhrase", "hằng quý trước ngày 15 của tháng cuối quý"),
            Map.of("label", "Năm 2025", "deadlinePhrase", "theo quy định"))));
    assertThat(registered.status()).as(registered.text()).isEqualTo(201);
    JsonNode plan = get(officer("PTM"), "/api/plans/" + registered.json().get("planId").asLong());
    // "trong tháng 5 năm 2025": the whole of May; 31/05/2025 is a Saturday, so Monday 02/06/2025
    assertThat(plan.get("subPlanDeadline").asText()).isEqualTo("2025-05-31");
    assertThat(plan.get("subPlanDueDay").asText()).isEqualTo("2025-06-02");
    assertThat(plan.get("subPlanDeadlinePhrase").asText()).isEqualTo("trong tháng 5 năm 2025");
    JsonNode periods = plan.get("reportingPeriods");
    // Quý III: before the 15th of September, i.e. by Sunday 14/09/2025, so Monday 15/09/2025
    assertThat(periods.get(0).get("dueDate").asText()).isEqualTo("2025-09-14");
    assertThat(periods.get(0).get("dueDateInTime").asBoolean()).isTrue();
    assertThat(periods.get(0).get("dueDay").asText()).isEqualTo("2025-09-15");
    // the annual report "theo quy định" (Nghị định 09/2019, Điều 12): figures to 14/12, sent by then; 14/12/2025 is
    // a Sunday, so Monday 15/12/2025
    assertThat(periods.get(1).get("dueDay").asText()).isEqualTo("2025-12-15");
    assertThat(periods.get(1).get("deadlinePhrase").asText()).isEqualTo("theo quy định");
  }

  @Test
  void wordsThatMeanNoDateAreRefusedQuotingThem() {
    setClock(LocalDateTime.of(2025, 5, 16, 9, 0));
    Response refused = call(officer("PTM"), "POST", "/api/plans", programme("53/KH-UBND", "sau khi có hướng dẫn",
        List.of(Map.of("label", "Tháng hành động", "deadlinePhrase", "ngay sau đợt cao điểm"))));
    assertThat(refused.status()).as(refused.text()).isEqualTo(400);
    Map<String, String> errors = new HashMap<>();
    refused.json().get("errors").forEach(e -> errors.put(e.get("field").asText(), e.get("message").asText()));
    assertThat(errors.get("subPlanDeadlinePhrase")).contains("sau khi có hướng dẫn");
    assertThat(errors.get("reportingPeriods[0].deadlinePhrase")).contains("ngay sau đợt cao điểm");
    assertThat(errors).as("one message per deadline, not a second 'missing date'")
        .doesNotContainKeys("reportingPeriods[0].dueDate", "subPlanDeadline");
  }
}
