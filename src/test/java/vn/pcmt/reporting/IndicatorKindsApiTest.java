package vn.pcmt.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import vn.pcmt.ApiTestSupport;
import vn.pcmt.plan.PlanLifecycleProcess;

/**
 * One indicator of each kind, reported by three agencies through Camunda's REST API as Tasklist submits the report
 * form, consolidated by kind, with whether each target is met. Every expected figure is worked out by hand below from
 * the figures the agencies enter; none is computed by the code under test.
 */
class IndicatorKindsApiTest extends ApiTestSupport {

  static final String PLAN = "131/KH-UBND";
  static final List<String> AGENCIES = List.of("CAT", "SGDDT", "SYT");

  static final String COMMUNES = "Xã giữ vững không có ma túy";
  static final String HOUSEHOLDS = "Hộ gia đình ký cam kết không trồng cây có chứa chất ma túy";
  static final String AREA = "Diện tích tái trồng cây có chứa chất ma túy";
  static final String TIP_BOX = "Mỗi tổ dân phố có 01 hòm thư tố giác tội phạm về ma túy";
  static final String CASES = "Số vụ phạm tội về ma túy được phát hiện, bắt giữ";
  static final String SELLING_POINTS = "Điểm bán lẻ trái phép chất ma túy còn hoạt động";

  @Autowired
  JdbcTemplate jdbc;

  static List<Map<String, Object>> indicators() {
    return List.of(
        indicator(COMMUNES, "xã", "COUNT", "AT_LEAST", 12),
        indicator(HOUSEHOLDS, "%", "PERCENTAGE", "AT_LEAST", 85),
        indicator(AREA, "ha", "AMOUNT", "AT_MOST", 1.5),
        new LinkedHashMap<>(Map.of("name", TIP_BOX, "unit", "hòm thư", "kind", "CRITERION")),
        relative(CASES, "vụ", 5, 200.0, 2022),
        indicator(SELLING_POINTS, "điểm", "COUNT", "AT_MOST", 0));
  }

  static Map<String, Object> indicator(String name, String unit, String kind, String comparison, Number target) {
    Map<String, Object> item = new LinkedHashMap<>(Map.of("name", name, "unit", unit, "kind", kind,
        "comparison", comparison));
    item.put("target", target);
    return item;
  }

  /** "Tăng từ 5% trở lên so với năm 2022". */
  static Map<String, Object> relative(String name, String unit, Number change, Number baseline, int year) {
    Map<String, Object> item = indicator(name, unit, "RELATIVE", "AT_LEAST", change);
    item.put("baseline", baseline);
    item.put("baselineYear", year);
    return item;
  }

  static Map<String, Object> plan(String number, List<Map<String, Object>> indicators) {
    Map<String, Object> plan = new LinkedHashMap<>();
    plan.put("planNumber", number);
    plan.put("planTitle", "Kế hoạch tổ chức Tháng hành động phòng, chống ma túy năm 2023");
    plan.put("issueDate", "2023-05-31");
    plan.put("assignments", AGENCIES.stream().map(code -> Map.of("targetType", "AGENCY", "target", code,
        "role", "LEAD", "duty", "Tổ chức các hoạt động hưởng ứng Tháng hành động.")).toList());
    plan.put("reportingPeriods", List.of(Map.of("label", "Tháng hành động", "dueDate", "2023-07-03",
        "deadlinePhrase", "trước ngày 03 tháng 7 năm 2023")));
    plan.put("indicators", indicators);
    plan.put("recipients", List.of("Ủy ban Quốc gia (để b/c)"));
    plan.put("yearEndCommendation", false);
    return plan;
  }

  @Test
  void eachKindIsReportedAndConsolidatedAsThePlanMeansIt() {
    setClock(LocalDateTime.of(2023, 6, 1, 8, 30));
    Response registered = call(officer("PTM"), "POST", "/api/plans", plan(PLAN, indicators()));
    assertThat(registered.status()).as(registered.text()).isEqualTo(201);
    long planId = registered.json().get("planId").asLong();
    JsonNode registeredIndicators = get(officer("PTM"), "/api/plans/" + planId).get("indicators");
    assertThat(texts(registeredIndicators, "targetText")).containsExactly("Tối thiểu 12 xã", "Tối thiểu 85%",
        "Tối đa 1,5 ha", "Tất cả cơ quan đạt",
        "Tăng từ 5% trở lên so với năm 2022 (200 vụ): tối thiểu 210 vụ", "Tối đa 0 điểm");
    assertThat(texts(registeredIndicators, "kind")).containsExactly("COUNT", "PERCENTAGE", "AMOUNT", "CRITERION",
        "RELATIVE", "COUNT");
    submit(head("UBNDT"), awaitTask(head("UBNDT"), PlanLifecycleProcess.TASK_APPROVE_ISSUANCE, PLAN, null),
        vars("issuanceApproved", true));

    setClock(LocalDateTime.of(2023, 6, 28, 9, 0));
    awaitTasks("admin", AgencyReportProcess.TASK_DRAFT_REPORT, PLAN, null, AGENCIES.size());
    // COUNT: communes kept drug-free; PERCENTAGE: households that signed / all households; AMOUNT: hectares found
    // re-planted; CRITERION: a tip box in every residential group; RELATIVE: cases detected; COUNT: selling points left
    Map<String, Map<String, Object>> cat = figures(5, 45, 50, 0.5, true, 180, 0);
    Map<String, Map<String, Object>> education = figures(2, 18, 20, 0.3, true, 15, 0);
    Map<String, Map<String, Object>> health = figures(4, 30, 40, 0.25, false, 20, 1);

    JsonNode healthDraft = awaitTask(officer("SYT"), AgencyReportProcess.TASK_DRAFT_REPORT, PLAN, null);
    refusedReports(healthDraft);
    report("CAT", cat);
    report("SGDDT", education);
    report("SYT", health);

    setClock(LocalDateTime.of(2023, 7, 11, 9, 0));
    JsonNode consolidation = awaitTask(officer("PTM"), PeriodicReportProcess.TASK_CONSOLIDATE_REPORTS, PLAN, null);
    JsonNode totals = jsonVariable(officer("PTM"), consolidation, PeriodicReportProcess.INDICATOR_TOTALS.name());
    // COUNT ≥ 12: 5 + 2 + 4 = 11 communes, not met.
    // PERCENTAGE ≥ 85%: (45 + 18 + 30) / (50 + 20 + 40) = 93/110 = 84.5454...% → 84,55%, not met; the average of the
    // agencies' shares (90%, 90%, 75%) would be 85% and wrongly met.
    // AMOUNT ≤ 1.5 ha: 0.5 + 0.3 + 0.25 = 1.05 ha, met.
    // CRITERION, every agency: 2 of the 3 agencies have a tip box everywhere, not met.
    // RELATIVE +5% on 200 cases of 2022: at least 200 × 1.05 = 210; 180 + 15 + 20 = 215, +7.5%, met.
    // COUNT ≤ 0: 0 + 0 + 1 = 1 selling point left, not met.
    assertThat(rows(totals, "indicator", "total", "agencies", "result", "met", "assessment")).containsExactly(
        tuple(COMMUNES, 11.0, 3, "11 xã", false, "Chưa đạt"),
        tuple(HOUSEHOLDS, 84.55, 3, "93/110 (84,55%)", false, "Chưa đạt"),
        tuple(AREA, 1.05, 3, "1,05 ha", true, "Đạt"),
        tuple(TIP_BOX, 2.0, 3, "2/3 cơ quan đạt", false, "Chưa đạt"),
        tuple(CASES, 215.0, 3, "215 vụ (tăng 7,5% so với năm 2022)", true, "Đạt"),
        tuple(SELLING_POINTS, 1.0, 3, "1 điểm", false, "Chưa đạt"));
    assertThat(totals.get(1).get("numerator").asDouble()).isEqualTo(93.0);
    assertThat(totals.get(1).get("denominator").asDouble()).isEqualTo(110.0);
    assertThat(totals.get(3).get("agenciesMet").asInt()).isEqualTo(2);
    assertThat(totals.get(3).get("targetText").asText()).isEqualTo("Tất cả 3 cơ quan đạt");
    assertThat(totals.get(4).get("targetText").asText())
        .isEqualTo("Tăng từ 5% trở lên so với năm 2022 (200 vụ): tối thiểu 210 vụ");
    JsonNode agencyFigures = jsonVariable(officer("PTM"), consolidation, PeriodicReportProcess.AGENCY_FIGURES.name());
    List<String> healthResults = new ArrayList<>();
    agencyFigures.forEach(row -> {
      if (row.get("agency").asText().equals("Sở Y tế tỉnh Sơn La")) {
        healthResults.add(row.get("result").asText());
      }
    });
    assertThat(healthResults).containsExactly("4 xã", "30/40 (75%)", "0,25 ha", "Không đạt", "20 vụ", "1 điểm");

    submit(officer("PTM"), consolidation, vars("consolidatedSummary", "Kết quả Tháng hành động: đạt 2/6 chỉ tiêu."));
    JsonNode signing = awaitTask(head("UBNDT"), PeriodicReportProcess.TASK_SIGN_REPORT, PLAN, null);
    assertThat(rows(jsonVariable(head("UBNDT"), signing, PeriodicReportProcess.INDICATOR_TOTALS.name()), "assessment"))
        .as("leadership sees whether each target is met").containsExactly(tuple("Chưa đạt"), tuple("Chưa đạt"),
            tuple("Đạt"), tuple("Chưa đạt"), tuple("Đạt"), tuple("Chưa đạt"));
    submit(head("UBNDT"), signing, vars("reportSigned", true));

    await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
        assertThat(get(officer("PTM"), "/api/plans/" + planId).get("status").asText()).isEqualTo("CLOSED"));
    // the report sent keeps each indicator's figure and assessment
    assertThat(jdbc.queryForList("select f.total, f.numerator, f.denominator, f.agencies, f.agencies_met, f.met,"
        + " f.assessment from consolidated_figure f join consolidated_report r on r.id = f.report_id"
        + " where r.plan_id = ? order by f.position", planId).stream()
        .map(row -> tuple(number(row.get("total")), number(row.get("numerator")), number(row.get("denominator")),
            number(row.get("agencies")), number(row.get("agencies_met")), row.get("met"), row.get("assessment")))
        .toList()).containsExactly(
            tuple(11.0, null, null, 3.0, null, false, "Chưa đạt"),
            tuple(84.55, 93.0, 110.0, 3.0, null, false, "Chưa đạt"),
            tuple(1.05, null, null, 3.0, null, true, "Đạt"),
            tuple(2.0, null, null, 3.0, 2.0, false, "Chưa đạt"),
            tuple(215.0, null, null, 3.0, null, true, "Đạt"),
            tuple(1.0, null, null, 3.0, null, false, "Chưa đạt"));
    assertThat(jdbc.queryForList("select numerator, denominator, met from report_figure f join agency_report r"
        + " on r.id = f.report_id where r.plan_id = ? and r.agency_code = 'SYT' and (f.numerator is not null"
        + " or f.met is not null) order by f.indicator_id", planId))
        .extracting(row -> tuple(number(row.get("numerator")), number(row.get("denominator")), row.get("met")))
        .containsExactly(tuple(30.0, 40.0, null), tuple(null, null, false));
  }

  /** What the server refuses on the report form whatever the client: each answered 400, nothing kept. */
  private void refusedReports(JsonNode draft) {
    List<Map<String, Object>> rows = formRows("SYT", draft);
    Map<String, Map<String, Object>> fine = figures(4, 30, 40, 0.25, false, 20, 1);

    Map<String, Map<String, Object>> tooMany = figures(4, 45, 40, 0.25, false, 20, 1);
    assertRefusedReport(draft, filled(rows, tooMany), "số đạt (45) không được lớn hơn tổng số (40)");
    Map<String, Map<String, Object>> half = figures(4, 30, 40, 0.25, false, 20, 1);
    half.get(COMMUNES).put("value", 2.5);
    assertRefusedReport(draft, filled(rows, half), "đếm số lượng: kết quả phải là số nguyên");
    Map<String, Map<String, Object>> undecided = figures(4, 30, 40, 0.25, false, 20, 1);
    undecided.get(TIP_BOX).put("met", null);
    assertRefusedReport(draft, filled(rows, undecided), "trường 'Đánh giá tiêu chí' là bắt buộc.");
    // a percentage sent as a count escapes the form's conditional fields, not the plan's kind
    List<Map<String, Object>> disguised = filled(rows, fine);
    disguised.get(1).put("kind", "COUNT");
    disguised.get(1).put("value", 75);
    assertRefusedReport(draft, disguised, "là loại 'Tỷ lệ (%)' trong kế hoạch, không phải 'Số lượng'");
  }

  private void assertRefusedReport(JsonNode draft, List<Map<String, Object>> rows, String message) {
    Response refused = trySubmit(officer("SYT"), draft, vars("indicatorFigures", rows, "reportNarrative", "Báo cáo."));
    assertThat(refused.status()).as(refused.text()).isEqualTo(400);
    assertThat(refused.text()).contains(message);
  }

  private void report(String agency, Map<String, Map<String, Object>> figures) {
    JsonNode draft = awaitTask(officer(agency), AgencyReportProcess.TASK_DRAFT_REPORT, PLAN, null);
    submit(officer(agency), draft, vars("indicatorFigures", filled(formRows(agency, draft), figures),
        "reportNarrative", "Kết quả Tháng hành động của " + agency + "."));
    submit(head(agency), awaitTask(head(agency), AgencyReportProcess.TASK_APPROVE_REPORT, PLAN, null),
        vars("reportHeadApproved", true));
  }

  /** The report form's rows as Tasklist loads them: the kind of each decides which inputs it shows. */
  private List<Map<String, Object>> formRows(String agency, JsonNode draft) {
    JsonNode rows = jsonVariable(officer(agency), draft, AgencyReportProcess.INDICATOR_FIGURES.name());
    assertThat(texts(rows, "kind")).containsExactly("COUNT", "PERCENTAGE", "AMOUNT", "CRITERION", "RELATIVE",
        "COUNT");
    List<Map<String, Object>> result = new ArrayList<>();
    rows.forEach(row -> result.add(JSON.convertValue(row, Map.class)));
    return result;
  }

  /** The rows with the inputs each kind shows filled in, as Tasklist submits them (hidden inputs left out). */
  private static List<Map<String, Object>> filled(List<Map<String, Object>> rows,
      Map<String, Map<String, Object>> figures) {
    List<Map<String, Object>> result = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      Map<String, Object> copy = new HashMap<>(row);
      copy.putAll(figures.get((String) row.get("name")));
      result.add(copy);
    }
    return result;
  }

  private static Map<String, Map<String, Object>> figures(int communes, int signed, int households, double hectares,
      boolean tipBoxes, int cases, int sellingPoints) {
    Map<String, Map<String, Object>> figures = new HashMap<>();
    figures.put(COMMUNES, new HashMap<>(Map.of("value", communes)));
    figures.put(HOUSEHOLDS, new HashMap<>(Map.of("numerator", signed, "denominator", households)));
    figures.put(AREA, new HashMap<>(Map.of("value", hectares)));
    figures.put(TIP_BOX, new HashMap<>(Map.of("met", tipBoxes)));
    figures.put(CASES, new HashMap<>(Map.of("value", cases)));
    figures.put(SELLING_POINTS, new HashMap<>(Map.of("value", sellingPoints)));
    return figures;
  }

  @Test
  void anIndicatorWhoseFieldsContradictItsKindIsRefusedInVietnamese() {
    setClock(LocalDateTime.of(2023, 6, 1, 8, 30));
    assertRefusedPlan(indicator(HOUSEHOLDS, "%", "PERCENTAGE", "AT_LEAST", 120), "indicators[0].target",
        "Mục tiêu của chỉ tiêu tỷ lệ '" + HOUSEHOLDS + "' phải từ 0 đến 100 (%), không phải 120.");
    Map<String, Object> noBaseline = indicator(CASES, "vụ", "RELATIVE", "AT_LEAST", 5);
    assertRefusedPlan(noBaseline, "indicators[0].baseline", "Dòng 1 của 'Chỉ tiêu': trường 'Giá trị năm gốc' là bắt"
        + " buộc.");
    assertRefusedPlan(noBaseline, "indicators[0].baselineYear", "trường 'Năm gốc' là bắt buộc.");
    assertRefusedPlan(relative(CASES, "vụ", 5, 200, 2024), "indicators[0].baselineYear",
        "Năm gốc 2024 của chỉ tiêu '" + CASES + "' phải từ năm 1990 đến năm ban hành kế hoạch (2023).");
    assertRefusedPlan(relative(CASES, "vụ", null, 200, 2022), "indicators[0].target",
        "so với năm gốc cần mức tăng (số dương) hoặc giảm (số âm) tính bằng %");
    assertRefusedPlan(relative(CASES, "vụ", -120, 200, 2022), "indicators[0].target",
        "Dòng 1 của 'Chỉ tiêu': trường 'Mục tiêu' không được nhỏ hơn -100.");
    Map<String, Object> countWithBaseline = indicator(COMMUNES, "xã", "COUNT", "AT_LEAST", 12);
    countWithBaseline.put("baseline", 10);
    assertRefusedPlan(countWithBaseline, "indicators[0].baseline",
        "giá trị và năm gốc chỉ dùng cho chỉ tiêu loại 'So với năm gốc'.");
    assertRefusedPlan(indicator(COMMUNES, "xã", "COUNT", "AT_LEAST", 12.5), "indicators[0].target",
        "đếm số lượng: mục tiêu phải là số nguyên, không phải 12,5");
    assertRefusedPlan(indicator(TIP_BOX, "hòm thư", "CRITERION", "AT_MOST", 2), "indicators[0].comparison",
        "được tính bằng số cơ quan đạt: chỉ chọn 'Tối thiểu'.");
    assertRefusedPlan(indicator(TIP_BOX, "hòm thư", "CRITERION", "AT_LEAST", 0), "indicators[0].target",
        "là số cơ quan phải đạt: một số nguyên từ 1 trở lên");
    Response twice = call(officer("PTM"), "POST", "/api/plans", plan("132/KH-UBND",
        List.of(indicator(COMMUNES, "xã", "COUNT", "AT_LEAST", 12), indicator(COMMUNES, "xã", "COUNT", "AT_MOST", 40))));
    assertThat(twice.status()).isEqualTo(400);
    assertThat(twice.json().get("errors")).anySatisfy(error -> {
      assertThat(error.get("field").asText()).isEqualTo("indicators[1].name");
      assertThat(error.get("message").asText()).isEqualTo("Chỉ tiêu '" + COMMUNES + "' bị nhập trùng.");
    });
    assertRefusedPlan(indicator(AREA, "ha", "SURFACE", "AT_MOST", 1), "indicators[0].kind",
        "Giá trị 'SURFACE' của trường 'indicators[0].kind' không hợp lệ.");
    assertThat(get("admin", "/engine-rest/history/process-instance/count?processInstanceBusinessKey=132%2FKH-UBND")
        .get("count").asLong()).as("no plan started").isZero();

    // an indicator written as before kinds existed is a count to reach at least
    Response old = call(officer("PTM"), "POST", "/api/plans",
        plan("133/KH-UBND", List.of(Map.of("name", "Số buổi tuyên truyền", "unit", "buổi", "target", 20))));
    assertThat(old.status()).as(old.text()).isEqualTo(201);
    JsonNode indicator = get(officer("PTM"), "/api/plans/" + old.json().get("planId").asLong()).get("indicators")
        .get(0);
    assertThat(indicator.get("kind").asText()).isEqualTo("COUNT");
    assertThat(indicator.get("comparison").asText()).isEqualTo("AT_LEAST");
    assertThat(indicator.get("targetText").asText()).isEqualTo("Tối thiểu 20 buổi");
  }

  private void assertRefusedPlan(Map<String, Object> indicator, String field, String message) {
    Response response = call(officer("PTM"), "POST", "/api/plans", plan("132/KH-UBND", List.of(indicator)));
    assertThat(response.status()).as(response.text()).isEqualTo(400);
    assertThat(response.json().get("errors")).as(response.text()).anySatisfy(error -> {
      assertThat(error.get("field").asText()).isEqualTo(field);
      assertThat(error.get("message").asText()).contains(message);
    });
  }

  private static List<String> texts(JsonNode rows, String field) {
    List<String> texts = new ArrayList<>();
    rows.forEach(row -> texts.add(row.path(field).asText(null)));
    return texts;
  }

  /** Each row's fields as a tuple: numbers as doubles or ints as JSON has them, texts, booleans. */
  private static List<org.assertj.core.groups.Tuple> rows(JsonNode rows, String... fields) {
    List<org.assertj.core.groups.Tuple> result = new ArrayList<>();
    for (JsonNode row : rows) {
      Object[] values = new Object[fields.length];
      for (int i = 0; i < fields.length; i++) {
        JsonNode value = row.get(fields[i]);
        values[i] = value == null || value.isNull() ? null : value.isInt() ? (Object) value.asInt()
            : value.isNumber() ? (Object) value.asDouble() : value.isBoolean() ? (Object) value.asBoolean()
            : value.asText();
      }
      result.add(tuple(values));
    }
    return result;
  }

  private static Double number(Object value) {
    return value == null ? null : ((Number) value).doubleValue();
  }
}
