package vn.pcmt.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import vn.pcmt.ApiTestSupport;
import vn.pcmt.commendation.CommendationProcess;
import vn.pcmt.reporting.AgencyReportProcess;
import vn.pcmt.reporting.PeriodicReportProcess;
import vn.pcmt.subplan.SubPlanProcess;

/**
 * The whole Sơn La plan 23/KH-UBND of 2023, from registration to closure, through the JSON API and Camunda's REST
 * API, with the engine clock on the plan's own dates. For every task: its candidate group, due date and form, and that
 * a user of another agency can neither see nor complete it. Some agencies are late, one never delivers.
 */
class SonLaPlanApiTest extends ApiTestSupport {

  static final String PLAN = "23/KH-UBND";
  static final String SECRETARIAT = "PTM";
  static final String ISSUER = "UBNDT";
  static final String HOME_AFFAIRS = "SNV";
  /** Delivers its sub-plan and its first report after the deadline. */
  static final String LATE = "SYT";
  /** A district that never delivers anything. */
  static final String NEVER = "HVH";
  static final String RETURNED_BY_HEAD = "STP";
  static final String RETURNED_BY_SECRETARIAT = "SGDDT";
  /** Requested ("Đề nghị"), owes nothing. */
  static final String[] REQUESTED_ONLY = {"TAND", "VKSND", "MTTQ", "LDLDT", "HLHPN", "TDOAN", "HCCB", "HND"};

  @Autowired
  JdbcTemplate jdbc;

  @Test
  void theSonLaPlanRunsFromRegistrationToClosure() throws IOException {
    JsonNode plan = demoPlan();
    // "III. Tổ chức thực hiện": the departments, units and district People's Committees write their plans and report;
    // the bodies the plan only requests ("Đề nghị": courts, procuracy, the Front, mass organisations) owe nothing.
    // Worked out by hand from the plan's text and the directory (12 districts on 30/01/2023, 1 school).
    List<String> agencies = List.of("CAT", "SLDTBXH", "SYT", "STC", "SGDDT", "STP", "STTTT", "DPTTH", "SVHTTDL",
        "SNV", "SNNPTNT", "SCT", "SNGV", "BDBP", "CCHQ", "DHCD", "TPSL", "HQN", "HTC", "HML", "HBY", "HPY", "HMC",
        "HYC", "HMS", "HSM", "HSC", "HVH");
    assertThat(expectedAgencies(plan)).as("the plan addresses").hasSize(36).containsAll(agencies)
        .contains(REQUESTED_ONLY);

    // --- registration and issuance ---
    setClock(LocalDateTime.of(2023, 1, 31, 9, 0));
    assertThat(call(officer("SYT"), "POST", "/api/plans", plan).status()).as("only the secretariat registers")
        .isEqualTo(403);
    Response registered = call(officer(SECRETARIAT), "POST", "/api/plans", plan);
    assertThat(registered.status()).as(registered.text()).isEqualTo(201);
    long planId = registered.json().get("planId").asLong();

    JsonNode approval = awaitTask(head(ISSUER), PlanLifecycleProcess.TASK_APPROVE_ISSUANCE, PLAN, null);
    assertTask(approval, ISSUER + "LD", endOfDay(LocalDate.of(2023, 2, 3)), "approve-issuance", head(ISSUER),
        officer(ISSUER));
    submit(head(ISSUER), approval, vars("issuanceApproved", false, "issuanceComment", "Bổ sung căn cứ."));
    JsonNode revision = awaitTask(officer(SECRETARIAT), PlanLifecycleProcess.TASK_REVISE_PLAN, PLAN, null);
    assertTask(revision, SECRETARIAT, endOfDay(LocalDate.of(2023, 2, 3)), "register-plan", officer(SECRETARIAT),
        officer("SYT"));
    submit(officer(SECRETARIAT), revision, vars());
    approval = awaitTask(head(ISSUER), PlanLifecycleProcess.TASK_APPROVE_ISSUANCE, PLAN, null);
    submit(head(ISSUER), approval, vars("issuanceApproved", true));

    // --- sub-plans: due "trước ngày 15/02/2023" ---
    setClock(LocalDateTime.of(2023, 2, 10, 9, 0));
    awaitTasks("admin", SubPlanProcess.TASK_DRAFT_SUB_PLAN, PLAN, null, agencies.size());
    JsonNode obligations = get(officer(SECRETARIAT), "/api/plans/" + planId).get("obligations");
    assertThat(texts(obligations.get("subPlan"))).containsExactlyInAnyOrderElementsOf(agencies);
    for (JsonNode period : plan.get("reportingPeriods")) {
      assertThat(texts(obligations.get("reports").get(period.get("label").asText())))
          .containsExactlyInAnyOrderElementsOf(agencies);
    }
    assertThat(texts(obligations.get("commendationProposals"))).containsExactlyInAnyOrderElementsOf(agencies);
    for (String requested : REQUESTED_ONLY) {
      assertThat(tasks(officer(requested), null, PLAN, null)).as("tasks of %s", requested).isEmpty();
    }
    for (String agency : agencies) {
      if (!agency.equals(LATE) && !agency.equals(NEVER)) {
        deliverSubPlan(agency, outsiderOf(agency, agencies));
      }
    }
    setClock(LocalDateTime.of(2023, 2, 20, 9, 0));
    deliverSubPlan(LATE, outsiderOf(LATE, agencies));

    // --- the four reporting periods ---
    List<JsonNode> periods = new ArrayList<>();
    plan.get("reportingPeriods").forEach(periods::add);
    for (int p = 0; p < periods.size(); p++) {
      String label = periods.get(p).get("label").asText();
      // "trước ngày 15/3": the date is stored as written, the 15th is already late, the 14th is the last day
      assertThat(periods.get(p).get("deadlinePhrase").asText()).startsWith("trước ngày");
      LocalDate due = LocalDate.parse(periods.get(p).get("dueDate").asText()).minusDays(1);
      setClock(due.minusDays(5).atTime(9, 0));
      awaitTasks("admin", AgencyReportProcess.TASK_DRAFT_REPORT, PLAN, label, agencies.size());
      for (String agency : agencies) {
        if (agency.equals(NEVER) || (p == 0 && agency.equals(LATE))) {
          continue;
        }
        report(agency, label, due, figures(agency, p), outsiderOf(agency, agencies), agency.equals(RETURNED_BY_HEAD));
      }
      if (p == 0) {
        setClock(due.plusDays(2).atTime(9, 0));
        report(LATE, label, due, figures(LATE, p), outsiderOf(LATE, agencies), false);
      }
      // the cut-off: 5 working days after the due date, then the secretariat consolidates
      LocalDate cutoff = plusWorkingDays(due, 5);
      setClock(cutoff.plusDays(1).atTime(9, 0));
      consolidate(label, expectedConsolidation(p));
    }

    // --- year-end commendation: the last report sent ended the implementation phase ---
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
        tasks("admin", SubPlanProcess.TASK_DRAFT_SUB_PLAN, PLAN, null)).as("open sub-plans ended").isEmpty());
    // proposals are due 10 working days after the commendation opened, right after the last report was signed
    LocalDate proposalDue = plusWorkingDays(today(), 10);
    Set<String> proposers = new LinkedHashSet<>(agencies);
    proposers.add(SECRETARIAT);
    awaitTasks("admin", CommendationProcess.TASK_PROPOSE_COMMENDATION, PLAN, null, proposers.size());
    for (String agency : proposers) {
      if (agency.equals(NEVER)) {
        continue;
      }
      JsonNode task = awaitTask(officer(agency), CommendationProcess.TASK_PROPOSE_COMMENDATION, PLAN, null);
      assertTask(task, agency, endOfDay(proposalDue), "propose-commendation", officer(agency),
          officer(agency.equals("CAT") ? "SYT" : "CAT"));
      List<Map<String, Object>> nominees = switch (agency) {
        case "CAT" -> List.of(
            Map.of("kind", "COLLECTIVE", "name", "Phòng Cảnh sát điều tra tội phạm về ma túy",
                "reason", "Triệt phá 12 đường dây mua bán trái phép chất ma túy."),
            Map.of("kind", "INDIVIDUAL", "name", "Đại úy Lò Văn A", "reason", "Trực tiếp bắt giữ 3 đối tượng."));
        case SECRETARIAT -> List.of(Map.of("kind", "COLLECTIVE", "name", "UBND xã Lóng Luông",
            "reason", "Chuyển hóa thành công địa bàn trọng điểm."));
        default -> List.of();
      };
      submit(officer(agency), task, vars("nominees", nominees));
    }
    // the never-proposing agency is cut off 5 working days after the due date
    setClock(plusWorkingDays(proposalDue, 5).plusDays(1).atTime(9, 0));
    JsonNode appraisal = awaitTask(officer(HOME_AFFAIRS), CommendationProcess.TASK_APPRAISE_COMMENDATIONS, PLAN, null);
    assertTask(appraisal, HOME_AFFAIRS, endOfDay(plusWorkingDays(today(), 10)), "appraise-commendations",
        officer(HOME_AFFAIRS), officer("SYT"));
    JsonNode dossier = jsonVariable(officer(HOME_AFFAIRS), appraisal, CommendationProcess.DOSSIER.name());
    assertThat(dossier).hasSize(3);
    List<Map<String, Object>> appraised = new ArrayList<>();
    for (JsonNode row : dossier) {
      Map<String, Object> copy = JSON.convertValue(row, Map.class);
      boolean recommended = !row.get("name").asText().startsWith("Đại úy");
      copy.put("recommended", recommended);
      copy.put("awardForm", recommended ? "BANG_KHEN" : null);
      appraised.add(copy);
    }
    submit(officer(HOME_AFFAIRS), appraisal, vars("commendationDossier", appraised, "appraisalNote", "Đủ hồ sơ."));
    JsonNode decision = awaitTask(head(ISSUER), CommendationProcess.TASK_DECIDE_COMMENDATIONS, PLAN, null);
    assertTask(decision, ISSUER + "LD", endOfDay(plusWorkingDays(today(), 5)), "decide-commendations", head(ISSUER),
        officer(ISSUER));
    List<Map<String, Object>> decided = new ArrayList<>();
    for (Map<String, Object> row : appraised) {
      Map<String, Object> copy = new HashMap<>(row);
      copy.put("awarded", row.get("recommended"));
      decided.add(copy);
    }
    assertThat(trySubmit(head(ISSUER), decision, vars("commendationDossier", decided)).status())
        .as("a decision needs its number and date").isEqualTo(400);
    submit(head(ISSUER), decision, vars("commendationDossier", decided, "commendationDecisionNumber", "45/QĐ-UBND",
        "commendationDecisionDate", today().toString()));

    // --- closure: the summary names who delivered on time, late, or never ---
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
        assertThat(get(officer(SECRETARIAT), "/api/plans/" + planId).get("status").asText()).isEqualTo("CLOSED"));
    JsonNode summary = get(officer(SECRETARIAT), "/api/plans/" + planId + "/summary");
    assertThat(call(officer("SYT"), "GET", "/api/plans/" + planId + "/summary", null).status()).isEqualTo(403);
    Map<String, String> outcomes = new HashMap<>();
    summary.get("obligations").forEach(o -> outcomes.put(o.get("kind").asText() + "/" + o.path("period").asText("")
        + "/" + o.get("agency").asText(), o.get("outcome").asText()));
    assertThat(outcomes).containsEntry("SUB_PLAN//" + LATE, "LATE").containsEntry("SUB_PLAN//" + NEVER, "NEVER")
        .containsEntry("SUB_PLAN//CAT", "ON_TIME").containsEntry("REPORT/Quý I/" + LATE, "LATE")
        .containsEntry("REPORT/06 tháng/" + LATE, "ON_TIME").containsEntry("REPORT/01 năm/" + NEVER, "NEVER")
        .containsEntry("COMMENDATION_PROPOSAL//" + NEVER, "NEVER")
        .containsEntry("COMMENDATION_PROPOSAL//" + SECRETARIAT, "ON_TIME");
    assertThat(outcomes).hasSize(agencies.size() * (1 + periods.size()) + proposers.size());
    assertThat(outcomes.values().stream().filter("NEVER"::equals).count()).isEqualTo(1 + periods.size() + 1);

    // the plan's data is in the application's tables, not only in process variables
    assertThat(jdbc.queryForObject("select count(*) from consolidated_report where plan_id = ?", Long.class, planId))
        .isEqualTo(periods.size());
    assertThat(jdbc.queryForObject("select count(*) from agency_report where plan_id = ?", Long.class, planId))
        .isEqualTo((long) (agencies.size() - 1) * periods.size());
    assertThat(jdbc.queryForList("select name from commendation_nominee where plan_id = ? and awarded = true",
        String.class, planId)).containsExactlyInAnyOrder("Phòng Cảnh sát điều tra tội phạm về ma túy",
        "UBND xã Lóng Luông");
    JsonNode history = get("admin", "/engine-rest/history/process-instance?processInstanceBusinessKey="
        + "23%2FKH-UBND&processDefinitionKey=plan-lifecycle");
    assertThat(history.get(0).get("state").asText()).isEqualTo("COMPLETED");
  }

  private void deliverSubPlan(String agency, String outsider) {
    // "trước ngày 15/02/2023": 14/02 is the last day in time
    LocalDate deadline = LocalDate.of(2023, 2, 14);
    JsonNode draft = awaitTask(officer(agency), SubPlanProcess.TASK_DRAFT_SUB_PLAN, PLAN, null);
    assertTask(draft, agency, endOfDay(deadline), "draft-sub-plan", officer(agency), officer(outsider));
    Response incomplete = trySubmit(officer(agency), draft, vars("subPlanDocumentDate", today().toString(),
        "subPlanSummary", "Triển khai kế hoạch năm 2023."));
    assertThat(incomplete.status()).as("a draft without its number").isEqualTo(400);
    assertThat(incomplete.text()).contains("Trường 'Số, ký hiệu kế hoạch của cơ quan' là bắt buộc.");
    Map<String, Object> draftVars = vars("subPlanDocumentNumber", "12/KH-" + agency,
        "subPlanDocumentDate", today().toString(), "subPlanSummary", "Triển khai kế hoạch năm 2023 của " + agency + ".");
    submit(officer(agency), draft, draftVars);

    JsonNode approve = awaitTask(head(agency), SubPlanProcess.TASK_APPROVE_SUB_PLAN, PLAN, null);
    assertTask(approve, agency + "LD", endOfDay(deadline), "approve-sub-plan", head(agency), officer(agency));
    if (agency.equals(RETURNED_BY_HEAD)) {
      submit(head(agency), approve, vars("subPlanHeadApproved", false, "subPlanHeadComment", "Bổ sung chỉ tiêu."));
      submit(officer(agency), awaitTask(officer(agency), SubPlanProcess.TASK_DRAFT_SUB_PLAN, PLAN, null), draftVars);
      approve = awaitTask(head(agency), SubPlanProcess.TASK_APPROVE_SUB_PLAN, PLAN, null);
    }
    submit(head(agency), approve, vars("subPlanHeadApproved", true));

    JsonNode review = reviewTaskOf(agency);
    assertTask(review, SECRETARIAT, endOfDay(plusWorkingDays(today(), 5)), "review-sub-plan", officer(SECRETARIAT),
        officer(agency));
    if (agency.equals(RETURNED_BY_SECRETARIAT)) {
      submit(officer(SECRETARIAT), review, vars("subPlanAccepted", false, "subPlanReviewComment", "Thiếu phân công."));
      submit(officer(agency), awaitTask(officer(agency), SubPlanProcess.TASK_DRAFT_SUB_PLAN, PLAN, null), draftVars);
      submit(head(agency), awaitTask(head(agency), SubPlanProcess.TASK_APPROVE_SUB_PLAN, PLAN, null),
          vars("subPlanHeadApproved", true));
      review = reviewTaskOf(agency);
    }
    submit(officer(SECRETARIAT), review, vars("subPlanAccepted", true));
  }

  /** The secretariat's review task of one agency's sub-plan. */
  private JsonNode reviewTaskOf(String agency) {
    List<JsonNode> found = new ArrayList<>();
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      Map<String, Object> query = Map.of("taskDefinitionKey", SubPlanProcess.TASK_REVIEW_SUB_PLAN,
          "processInstanceBusinessKey", PLAN, "processVariables", List.of(Map.of("name", "agencyGroup", "operator", "eq", "value", agency)));
      Response response = call(officer(SECRETARIAT), "POST", "/engine-rest/task", query);
      assertThat(response.json()).hasSize(1);
      found.add(response.json().get(0));
    });
    return found.get(found.size() - 1);
  }

  private void report(String agency, String label, LocalDate due, List<Map<String, Object>> values, String outsider,
      boolean returned) {
    JsonNode draft = awaitTask(officer(agency), AgencyReportProcess.TASK_DRAFT_REPORT, PLAN, label);
    assertTask(draft, agency, endOfDay(due), "draft-report", officer(agency), officer(outsider));
    JsonNode rows = jsonVariable(officer(agency), draft, AgencyReportProcess.INDICATOR_FIGURES.name());
    assertThat(rows).hasSize(values.size());
    List<Map<String, Object>> filled = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      Map<String, Object> row = JSON.convertValue(rows.get(i), Map.class);
      assertThat(row.get("kind")).as("kind of indicator %d", i).isEqualTo(KINDS.get(i));
      row.putAll(values.get(i));
      filled.add(row);
    }
    if (returned) {
      filled.get(0).put("numerator", -1);
      Response negative = trySubmit(officer(agency), draft, vars("indicatorFigures", filled, "reportNarrative", "x"));
      assertThat(negative.status()).as("a negative figure").isEqualTo(400);
      assertThat(negative.text()).contains("không được nhỏ hơn 0");
      filled.get(0).putAll(values.get(0));
    }
    Map<String, Object> reportVars = vars("indicatorFigures", filled, "reportNarrative", "Kết quả " + label);
    submit(officer(agency), draft, reportVars);
    JsonNode approve = awaitTask(head(agency), AgencyReportProcess.TASK_APPROVE_REPORT, PLAN, label);
    assertTask(approve, agency + "LD", endOfDay(due), "approve-report", head(agency), officer(agency));
    if (returned) {
      submit(head(agency), approve, vars("reportHeadApproved", false, "reportHeadComment", "Kiểm tra lại số liệu."));
      submit(officer(agency), awaitTask(officer(agency), AgencyReportProcess.TASK_DRAFT_REPORT, PLAN, label),
          reportVars);
      approve = awaitTask(head(agency), AgencyReportProcess.TASK_APPROVE_REPORT, PLAN, label);
    }
    submit(head(agency), approve, vars("reportHeadApproved", true));
  }

  private void consolidate(String label, List<Consolidated> expected) {
    JsonNode task = awaitTask(officer(SECRETARIAT), PeriodicReportProcess.TASK_CONSOLIDATE_REPORTS, PLAN, label);
    assertTask(task, SECRETARIAT, endOfDay(plusWorkingDays(today(), 5)), "consolidate-reports",
        officer(SECRETARIAT), officer("SYT"));
    JsonNode totals = jsonVariable(officer(SECRETARIAT), task, PeriodicReportProcess.INDICATOR_TOTALS.name());
    List<Consolidated> actual = new ArrayList<>();
    totals.forEach(row -> actual.add(new Consolidated(row.get("total").asDouble(), row.get("result").asText(),
        row.get("assessment").asText())));
    assertThat(actual).as("consolidation of %s", label).containsExactlyElementsOf(expected);
    submit(officer(SECRETARIAT), task, vars("consolidatedSummary", "Báo cáo tổng hợp " + label));
    JsonNode sign = awaitTask(head(ISSUER), PeriodicReportProcess.TASK_SIGN_REPORT, PLAN, label);
    assertTask(sign, ISSUER + "LD", endOfDay(plusWorkingDays(today(), 3)), "sign-report", head(ISSUER),
        officer(ISSUER));
    submit(head(ISSUER), sign, vars("reportSigned", false, "signComment", "Làm rõ số liệu kỳ trước."));
    submit(officer(SECRETARIAT), awaitTask(officer(SECRETARIAT), PeriodicReportProcess.TASK_CONSOLIDATE_REPORTS, PLAN,
        label), vars("consolidatedSummary", "Báo cáo tổng hợp " + label + " (đã chỉnh sửa)"));
    submit(head(ISSUER), awaitTask(head(ISSUER), PeriodicReportProcess.TASK_SIGN_REPORT, PLAN, label),
        vars("reportSigned", true));
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
        tasks("admin", AgencyReportProcess.TASK_DRAFT_REPORT, PLAN, label)).as("reports still open in " + label)
        .isEmpty());
  }

  /** The kinds of the plan's indicators, in order, as its words give them (demo/README.md). */
  static final List<String> KINDS = List.of("PERCENTAGE", "PERCENTAGE", "PERCENTAGE", "CRITERION", "PERCENTAGE",
      "PERCENTAGE", "PERCENTAGE", "PERCENTAGE", "COUNT", "COUNT", "CRITERION", "CRITERION");

  /**
   * What an agency reports in period {@code p} (0: Quý I ... 3: 01 năm). Every agency alike, but for the police (CAT),
   * whose 40 of 40 weigh more in a percentage than the others' 9 of 10, and the justice department (STP), which
   * meets no criterion until the year's report. For a percentage, "100%" of the year means every unit reached.
   */
  private static List<Map<String, Object>> figures(String agency, int p) {
    boolean police = agency.equals("CAT");
    Map<String, Object> share = police ? Map.of("numerator", 40, "denominator", 40)
        : Map.of("numerator", p == 3 ? 10 : 9, "denominator", 10);
    Map<String, Object> criterion = Map.of("met", !(agency.equals("STP") && p < 3));
    List<Map<String, Object>> values = new ArrayList<>();
    for (String kind : KINDS) {
      values.add(kind.equals("PERCENTAGE") ? share : criterion);
    }
    // "giữ vững 32 xã": 6 communes of the police's, 1 of each other; "tối thiểu 12 xã": the police's, 3 more a quarter
    values.set(8, Map.of("value", police ? 6 : 1));
    values.set(9, Map.of("value", police ? 3 + 3 * p : 0));
    return values;
  }

  /** One consolidated indicator: the plan's figure, in words, and whether its target is met. */
  record Consolidated(double total, String result, String assessment) {
  }

  /**
   * Worked out by hand. 27 agencies report every period (Huyện Vân Hồ never does; 28 owe it): the police and 26
   * others.
   * <ul>
   * <li>Percentages (target 100%): Quý I to Quý III 26 × 9 + 40 = 274 of 26 × 10 + 40 = 300, 91,33%: not met; the year
   * 26 × 10 + 40 = 300 of 300, 100%: met.
   * <li>Criteria (every agency): 26 of 27 while Sở Tư pháp does not meet them, 27 of 27 in the year, but all 28 agencies
   * must meet them and Huyện Vân Hồ never reported: never met.
   * <li>"Giữ vững 32 xã" (at least 32): 6 + 26 × 1 = 32 every period: met.
   * <li>"Tối thiểu 12 xã": 3, 6, 9, then 12 in the year: met only then.
   * </ul>
   */
  private static List<Consolidated> expectedConsolidation(int p) {
    Consolidated share = p == 3 ? new Consolidated(100, "300/300 (100%)", "Đạt")
        : new Consolidated(91.33, "274/300 (91,33%)", "Chưa đạt");
    Consolidated criterion = p == 3 ? new Consolidated(27, "27/27 cơ quan đạt", "Chưa đạt")
        : new Consolidated(26, "26/27 cơ quan đạt", "Chưa đạt");
    Consolidated kept = new Consolidated(32, "32 xã", "Đạt");
    Consolidated converted = switch (p) {
      case 0 -> new Consolidated(3, "3 xã", "Chưa đạt");
      case 1 -> new Consolidated(6, "6 xã", "Chưa đạt");
      case 2 -> new Consolidated(9, "9 xã", "Chưa đạt");
      default -> new Consolidated(12, "12 xã", "Đạt");
    };
    return List.of(share, share, share, criterion, share, share, share, share, kept, converted, criterion, criterion);
  }

  private static List<String> texts(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(value -> values.add(value.asText()));
    return values;
  }

  private static String outsiderOf(String agency, List<String> agencies) {
    return agencies.get((agencies.indexOf(agency) + 1) % agencies.size());
  }

  static JsonNode demoPlan() throws IOException {
    try (InputStream in = SonLaPlanApiTest.class.getResourceAsStream("/demo/son-la-23-KH-UBND-2023.json")) {
      return JSON.readTree(in);
    }
  }

  /** The agencies the plan addresses, expanded from the directory file independently of the application's code. */
  static List<String> expectedAgencies(JsonNode plan) throws IOException {
    JsonNode directory;
    try (InputStream in = SonLaPlanApiTest.class.getResourceAsStream("/directory/son-la.yaml")) {
      directory = new ObjectMapper(new YAMLFactory()).readTree(in).get("agencies");
    }
    LocalDate issued = LocalDate.parse(plan.get("issueDate").asText());
    Set<String> result = new LinkedHashSet<>();
    for (JsonNode assignment : plan.get("assignments")) {
      String type = assignment.get("targetType").asText();
      String target = assignment.get("target").asText();
      for (JsonNode agency : directory) {
        boolean valid = !agency.hasNonNull("validTo") || !LocalDate.parse(agency.get("validTo").asText()).isBefore(issued);
        boolean matches = switch (type) {
          case "AGENCY" -> agency.get("code").asText().equals(target);
          case "KIND" -> agency.get("kind").asText().equals(target);
          default -> target.equals(agency.path("parent").asText());
        };
        if (valid && matches) {
          result.add(agency.get("code").asText());
        }
      }
    }
    return new ArrayList<>(result);
  }
}
