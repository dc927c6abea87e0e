package vn.pcmt.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import vn.pcmt.ApiTestSupport;

/**
 * Malformed and hostile registrations: each is answered 4xx with a message an official understands, naming the field
 * where there is one, and none of them leaves a plan, a process instance or a task behind.
 */
class HostileRegistrationApiTest extends ApiTestSupport {

  @Autowired
  JdbcTemplate jdbc;

  int plansBefore;
  int instancesBefore;

  /** A valid plan of 2025 (after the 2025 reorganisation, before the end of the district level). */
  static Map<String, Object> valid() {
    Map<String, Object> plan = new HashMap<>();
    plan.put("planNumber", "88/KH-UBND");
    plan.put("planTitle", "Kế hoạch kiểm tra dữ liệu đăng ký");
    plan.put("issueDate", "2025-06-02");
    plan.put("subPlanDeadline", "2025-06-30");
    plan.put("assignments", new ArrayList<>(List.of(assignment("CAT", "LEAD"), assignment("SYT", "LEAD"))));
    plan.put("reportingPeriods", new ArrayList<>(List.of(period("Quý III", "2025-09-15"))));
    plan.put("indicators", List.of(Map.of("name", "Số buổi tuyên truyền", "unit", "buổi", "target", 4)));
    plan.put("recipients", List.of("Ủy ban nhân dân tỉnh (để b/c)"));
    plan.put("yearEndCommendation", false);
    return plan;
  }

  static Map<String, Object> assignment(String code, String role) {
    return new HashMap<>(Map.of("targetType", "AGENCY", "target", code, "role", role, "duty", "Thực hiện " + code + "."));
  }

  static Map<String, Object> period(String label, String due) {
    return new HashMap<>(Map.of("label", label, "dueDate", due));
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Map<String, Object> plan, String key) {
    return (List<Object>) plan.get(key);
  }

  static Object with(Consumer<Map<String, Object>> change) {
    Map<String, Object> plan = valid();
    change.accept(plan);
    return plan;
  }

  static Arguments bad(String what, Object body, int status, String field, String message) {
    return Arguments.of(what, body, status, field, message);
  }

  @SuppressWarnings("unchecked")
  static Stream<Arguments> hostileBodies() {
    return Stream.of(
        bad("not JSON", "{planNumber: 88", 400, "", "không phải JSON hợp lệ"),
        bad("a JSON array", "[]", 400, "", "không"),
        bad("empty object", "{}", 400, null, "bắt buộc"),
        bad("misspelt field", with(p -> p.put("planNumbr", "1")), 400, "planNumbr", "không có trong mẫu dữ liệu"),
        bad("issue date as days since 1970", with(p -> p.put("issueDate", 20241)), 400, "issueDate", "không phải ngày"),
        bad("issue date dd/MM/yyyy", with(p -> p.put("issueDate", "02/06/2025")), 400, "issueDate", "không phải ngày"),
        bad("impossible date", with(p -> p.put("issueDate", "2025-02-30")), 400, "issueDate", "không phải ngày"),
        bad("yes/no as text", with(p -> p.put("yearEndCommendation", "có")), 400, "yearEndCommendation", "true hoặc false"),
        bad("yes/no as number", with(p -> p.put("yearEndCommendation", 1)), 400, "yearEndCommendation", "true hoặc false"),
        bad("agency code as number", with(p -> ((Map<String, Object>) list(p, "assignments").get(0)).put("target", 123)),
            400, "assignments[0].target", "Không tìm thấy cơ quan có mã '123'"),
        bad("assignments not a list", with(p -> p.put("assignments", "CAT")), 400, "assignments", "không"),
        bad("no assignment", with(p -> p.put("assignments", List.of())), 400, "assignments", "ít nhất một cơ quan"),
        bad("unknown agency", with(p -> list(p, "assignments").add(assignment("XYZ", "LEAD"))), 400,
            "assignments[2].target", "Không tìm thấy cơ quan có mã 'XYZ'"),
        bad("unknown target type", with(p -> ((Map<String, Object>) list(p, "assignments").get(0))
            .put("targetType", "GROUP")), 400, "assignments[0].targetType", "không hợp lệ"),
        bad("unknown role", with(p -> ((Map<String, Object>) list(p, "assignments").get(0)).put("role", "BOSS")),
            400, "assignments[0].role", "không hợp lệ"),
        bad("unknown kind", with(p -> list(p, "assignments").add(new HashMap<>(Map.of("targetType", "KIND",
            "target", "ALIENS", "role", "LEAD", "duty", "X.")))), 400, "assignments[2].target", "ALIENS"),
        bad("a parent without children", with(p -> list(p, "assignments").add(new HashMap<>(Map.of("targetType",
            "CHILDREN_OF", "target", "SYT", "role", "LEAD", "duty", "X.")))), 400, "assignments[2].target",
            "không có đơn vị trực thuộc"),
        bad("agency merged before the issue date", with(p -> list(p, "assignments").add(assignment("SLDTBXH", "LEAD"))),
            400, "assignments[2].target", "không còn hoạt động"),
        bad("agency founded after the issue date", with(p -> list(p, "assignments").add(assignment("XVH", "LEAD"))),
            400, "assignments[2].target", "chưa hoạt động"),
        bad("the same assignment twice", with(p -> list(p, "assignments").add(assignment("CAT", "LEAD"))), 400,
            "assignments[2]", "bị nhập trùng"),
        bad("period due in 9999", with(p -> p.put("reportingPeriods", List.of(period("Năm", "9999-12-31")))), 400,
            "reportingPeriods[0].dueDate", "ngoài khoảng cho phép"),
        bad("issued in 1900", with(p -> p.put("issueDate", "1900-01-01")), 400, "issueDate", "ngoài khoảng cho phép"),
        bad("issued in 2099", with(p -> p.put("issueDate", "2099-01-01")), 400, "issueDate", "ngoài khoảng cho phép"),
        bad("period due before the issue date", with(p -> p.put("reportingPeriods", List.of(period("Quý I",
            "2025-03-15")))), 400, "reportingPeriods[0].dueDate", "trước ngày ban hành"),
        bad("the same period twice", with(p -> list(p, "reportingPeriods").add(period("Quý III", "2025-10-15"))), 400,
            "reportingPeriods[1].label", "bị trùng"),
        bad("phrase naming another date", with(p -> p.put("reportingPeriods", List.of(Map.of("label", "Quý III",
            "dueDate", "2025-09-15", "deadlinePhrase", "trước ngày 20/9/2025")))), 400,
            "reportingPeriods[0].deadlinePhrase", "không khớp"),
        bad("phrase nobody can read", with(p -> p.put("reportingPeriods", List.of(Map.of("label", "Quý III",
            "deadlinePhrase", "khi nào xong thì gửi")))), 400, "reportingPeriods[0].deadlinePhrase", "khi nào xong"),
        bad("period with neither date nor phrase", with(p -> p.put("reportingPeriods", List.of(Map.of("label",
            "Quý III")))), 400, "reportingPeriods[0].dueDate", "Chưa nhập hạn báo cáo"),
        bad("sub-plan phrase nobody can read", with(p -> {
          p.remove("subPlanDeadline");
          p.put("subPlanDeadlinePhrase", "sớm nhất có thể");
        }), 400, "subPlanDeadlinePhrase", "sớm nhất có thể"),
        bad("sub-plan due before the issue date", with(p -> p.put("subPlanDeadline", "2025-05-01")), 400,
            "subPlanDeadline", "trước ngày ban hành"),
        bad("negative target", with(p -> p.put("indicators", List.of(Map.of("name", "Số vụ", "target", -5)))), 400,
            null, "Mục tiêu"),
        bad("plan number of 300 characters", with(p -> p.put("planNumber", "9".repeat(300))), 400, "planNumber",
            "ký tự"),
        bad("no title", with(p -> p.remove("planTitle")), 400, "planTitle", "bắt buộc"),
        bad("reports on a period the plan does not have", with(p -> ((Map<String, Object>) list(p, "assignments")
            .get(1)).put("reportsOn", List.of("Quý IV"))), 400, "assignments[1].reportsOn[0]", "Quý IV"),
        bad("owes a sub-plan with no deadline anywhere", with(p -> {
          p.remove("subPlanDeadline");
          ((Map<String, Object>) list(p, "assignments").get(0)).put("owesSubPlan", true);
        }), 400, "assignments[0].subPlanDeadline", "chưa có hạn"),
        bad("own sub-plan deadline without a sub-plan", with(p -> ((Map<String, Object>) list(p, "assignments")
            .get(1)).putAll(Map.of("owesSubPlan", false, "subPlanDeadline", "2025-07-01"))), 400,
            "assignments[1].subPlanDeadline", "không phải gửi kế hoạch triển khai"),
        bad("unknown issuing body", with(p -> p.put("issuingAgency", "ABC")), 400, "issuingAgency",
            "Không tìm thấy cơ quan ban hành"),
        bad("unknown standing body", with(p -> p.put("standingAgency", "ABC")), 400, "standingAgency",
            "Không tìm thấy cơ quan thường trực"),
        bad("a null assignment", with(p -> list(p, "assignments").add(null)), 400, null, ""),
        bad("recipients not a list", with(p -> p.put("recipients", 42)), 400, "recipients", "không"),
        bad("legal bases as an object", with(p -> p.put("legalBases", Map.of("a", "b"))), 400, "legalBases", "không"));
  }

  @BeforeEach
  void countBefore() {
    setClock(LocalDateTime.of(2025, 6, 3, 9, 0));
    plansBefore = plans();
    instancesBefore = instances();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileBodies")
  void refusedInWordsAndNothingChanges(String what, Object body, int status, String field, String message) {
    Response response = call(officer("PTM"), "POST", "/api/plans", body);
    assertThat(response.status()).as("%s: %s", what, response.text()).isEqualTo(status);
    assertThat(response.json().path("title").asText()).as("a Vietnamese title").isNotBlank();
    StringBuilder said = new StringBuilder(response.json().path("detail").asText());
    boolean fieldNamed = field == null;
    for (JsonNode error : response.json().path("errors")) {
      said.append(" | ").append(error.path("message").asText());
      fieldNamed |= field != null && field.equals(error.path("field").asText());
    }
    assertThat(fieldNamed).as("%s names the field %s: %s", what, field, response.text()).isTrue();
    assertThat(said.toString()).as(what).containsIgnoringCase(message);
    assertThat(plans()).as("no plan saved").isEqualTo(plansBefore);
    assertThat(instances()).as("no process started").isEqualTo(instancesBefore);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("wrongCallers")
  void theWrongCallerIsRefusedBeforeAnythingIsRead(String what, String user, String password, String contentType,
      int status) {
    Response response = contentType == null ? callAs(user, password, "POST", "/api/plans", valid())
        : callRaw(user, password, "POST", "/api/plans", contentType, "planNumber=88");
    assertThat(response.status()).as("%s: %s", what, response.text()).isEqualTo(status);
    assertThat(plans()).isEqualTo(plansBefore);
    assertThat(instances()).isEqualTo(instancesBefore);
  }

  static Stream<Arguments> wrongCallers() {
    return Stream.of(
        Arguments.of("nobody logged in", null, null, null, 401),
        Arguments.of("a wrong password", "ptmld", "sai-mat-khau", null, 401),
        Arguments.of("an officer of another agency", "sytcb", PASSWORD, null, 403),
        Arguments.of("a form post instead of JSON", "ptmcb", PASSWORD, "text/plain", 415));
  }

  private int plans() {
    Integer count = jdbc.queryForObject("select count(*) from plan", Integer.class);
    return count == null ? 0 : count;
  }

  private int instances() {
    return get("admin", "/engine-rest/process-instance/count").get("count").asInt();
  }
}
