package vn.pcmt.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

import vn.pcmt.ApiTestSupport;
import vn.pcmt.plan.PlanLifecycleProcess;
import vn.pcmt.subplan.SubPlanProcess;

/**
 * What the server sends back, checked against what docs/security.md says it sends: the headers of a sample of every
 * route family (the document's table is the test's input), the error format, and links that follow the configured
 * public address in mail and in the monitor.
 */
@TestPropertySource(properties = "pcmt.public-url=https://pcmt.sonla.gov.vn/")
class ResponseHeadersApiTest extends ApiTestSupport {

  static final java.util.concurrent.atomic.AtomicInteger PLANS = new java.util.concurrent.atomic.AtomicInteger();
  static final String PUBLIC = "https://pcmt.sonla.gov.vn";
  static final Pattern ROW = Pattern.compile(
      "^\\|[^|]+\\| `GET ([^`]+)` \\| `?([a-z]+)`? \\| (\\d{3}) \\| `?([^|`]+?)`? \\| `?([^|`]+?)`? \\|$");

  record Expected(String path, String user, int status, String cacheControl, String contentTypeOptions) {
  }

  @Test
  void everyRouteFamilySendsWhatTheSecurityDocumentSays() throws IOException {
    Map<String, String> ids = issuePlan();
    List<Expected> rows = documentedHeaders();
    assertThat(rows).as("rows of the response-headers table in docs/security.md").hasSizeGreaterThanOrEqualTo(10);
    SoftAssertions softly = new SoftAssertions();
    for (Expected row : rows) {
      String path = row.path().replace("{plan}", ids.get("plan")).replace("{task}", ids.get("task"));
      String user = "anonymous".equals(row.user()) ? null : row.user();
      Response response = callAs(user, PASSWORD, "GET", path, null);
      String what = "GET " + path + " as " + row.user();
      softly.assertThat(response.status()).as(what + ": status (" + response.text() + ")").isEqualTo(row.status());
      softly.assertThat(header(response, "Cache-Control")).as(what + ": Cache-Control").isEqualTo(row.cacheControl());
      softly.assertThat(header(response, "X-Content-Type-Options")).as(what + ": X-Content-Type-Options")
          .isEqualTo(row.contentTypeOptions());
    }
    softly.assertAll();
  }

  @Test
  void errorsCarryTheirRealStatusAsAProblemOrAVietnamesePage() {
    Response direct = callAs(null, null, "GET", "/error", null);
    assertThat(direct.status()).isEqualTo(404);
    assertThat(direct.headers("Content-Type")).singleElement().asString().startsWith("application/problem+json");
    assertThat(direct.json().get("status").asInt()).isEqualTo(404);
    assertThat(direct.json().get("title").asText()).isEqualTo("Không tìm thấy");
    assertThat(direct.json().get("type").asText()).isEqualTo("urn:pcmt:problem:not-found");

    Response unknown = call("ptmcb", "GET", "/api/no-such-thing", null);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().get("status").asInt()).isEqualTo(404);
    assertThat(unknown.json().get("detail").asText()).contains("Không tìm thấy");
    assertThat(unknown.text()).doesNotContain("999", "Exception", "trace");

    Response page = html("/khong-co-trang-nay");
    assertThat(page.status()).isEqualTo(404);
    assertThat(page.headers("Content-Type")).singleElement().asString().startsWith("text/html");
    assertThat(page.text()).contains("<html lang=\"vi\">", "Không tìm thấy trang hoặc dữ liệu được yêu cầu.")
        .doesNotContain("Whitelabel");
  }

  @Test
  void linksInMailAndInTheMonitorUseThePublicAddress() {
    Map<String, String> ids = issuePlan();
    JsonNode messages = get("admin", "/api/notifications?taskId=" + ids.get("task"));
    assertThat(messages).isNotEmpty();
    for (JsonNode message : messages) {
      JsonNode full = get("admin", "/api/notifications/" + message.get("id").asLong());
      String link = PUBLIC + "/camunda/app/tasklist/default/#/?task=" + ids.get("task");
      assertThat(full.get("bodyText").asText()).contains(link).doesNotContain("localhost");
      assertThat(full.get("bodyHtml").asText()).contains("href=\"" + link + "\"");
    }
    String matrix = call("ptmcb", "GET", "/api/monitor/plans/" + ids.get("plan") + "/matrix", null).text();
    assertThat(matrix).contains(PUBLIC + "/camunda/app/tasklist/default/").doesNotContain("localhost:");
  }

  /** One plan issued to Sở Y tế: its id and SYT's sub-plan draft task. */
  private Map<String, String> issuePlan() {
    String number = (40 + PLANS.incrementAndGet()) + "/KH-UBND";
    setClock(LocalDateTime.of(2024, 2, 1, 9, 0));
    Map<String, Object> plan = Map.of(
        "planNumber", number,
        "planTitle", "Kế hoạch kiểm tra tiêu đề phản hồi",
        "issueDate", "2024-02-01",
        "subPlanDeadline", "2024-03-15",
        "assignments", List.of(Map.of("targetType", "AGENCY", "target", "SYT", "role", "LEAD",
            "duty", "Xây dựng kế hoạch triển khai.")),
        "reportingPeriods", List.of(Map.of("label", "Năm 2024", "dueDate", "2024-12-15")),
        "indicators", List.of(Map.of("name", "Số buổi tuyên truyền", "unit", "buổi", "target", 4)),
        "recipients", List.of("Ủy ban nhân dân tỉnh (để b/c)"),
        "yearEndCommendation", false);
    Response registered = call("ptmcb", "POST", "/api/plans", plan);
    assertThat(registered.status()).as(registered.text()).isEqualTo(201);
    submit(head("UBNDT"), awaitTask(head("UBNDT"), PlanLifecycleProcess.TASK_APPROVE_ISSUANCE, number, null),
        vars("issuanceApproved", true));
    JsonNode draft = awaitTask(officer("SYT"), SubPlanProcess.TASK_DRAFT_SUB_PLAN, number, null);
    return Map.of("plan", registered.json().get("planId").asText(), "task", draft.get("id").asText());
  }

  private static List<Expected> documentedHeaders() throws IOException {
    String document = Files.readString(Path.of("docs/security.md"), StandardCharsets.UTF_8);
    String table = document.substring(document.indexOf("<!-- response-headers:start -->"),
        document.indexOf("<!-- response-headers:end -->"));
    List<Expected> rows = new ArrayList<>();
    for (String line : table.split("\n")) {
      Matcher row = ROW.matcher(line.strip());
      if (row.matches()) {
        rows.add(new Expected(row.group(1), row.group(2), Integer.parseInt(row.group(3)), row.group(4).strip(),
            row.group(5).strip()));
      }
    }
    return rows;
  }

  private static String header(Response response, String name) {
    List<String> values = response.headers(name);
    return values.isEmpty() ? "-" : String.join(", ", values);
  }

  private Response html(String path) {
    return callAccepting("text/html", null, null, "GET", path, null);
  }
}
