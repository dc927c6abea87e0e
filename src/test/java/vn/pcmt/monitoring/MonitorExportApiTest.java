package vn.pcmt.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import vn.pcmt.ApiTestSupport;
import vn.pcmt.plan.PlanLifecycleProcess;
import vn.pcmt.subplan.SubPlanProcess;

/**
 * The export holds what the page shows: the .xlsx, opened with Apache POI, and the .csv, read with Commons CSV, have
 * the JSON matrix's rows in its order, with Vietnamese headers, for the same filter.
 */
class MonitorExportApiTest extends ApiTestSupport {

  static final String PLAN = "88/KH-UBND";
  static final List<String> AGENCIES = List.of("SYT", "STP", "SGDDT", "CAT");

  @Test
  void theSpreadsheetAndTheCsvHaveTheSameRowsAsThePage() throws Exception {
    setClock(LocalDateTime.of(2023, 6, 1, 8, 30));
    Response registered = call("ptmcb", "POST", "/api/plans", Map.of(
        "planNumber", PLAN, "planTitle", "Kế hoạch kiểm thử xuất Excel", "issueDate", "2023-05-31",
        "subPlanDeadline", "2023-06-09",
        "assignments", AGENCIES.stream().map(code -> Map.of("targetType", "AGENCY", "target", code,
            "role", "LEAD", "duty", "Thực hiện kế hoạch.")).toList(),
        "reportingPeriods", List.of(Map.of("label", "06 tháng", "dueDate", "2023-07-03")),
        "indicators", List.of(Map.of("name", "Số buổi tuyên truyền", "unit", "buổi", "target", 20)),
        "recipients", List.of("UBND tỉnh"), "yearEndCommendation", false));
    assertThat(registered.status()).as(registered.text()).isEqualTo(201);
    long planId = registered.json().get("planId").asLong();
    submit("ubndtld", awaitTask("ubndtld", PlanLifecycleProcess.TASK_APPROVE_ISSUANCE, PLAN, null),
        vars("issuanceApproved", true));
    awaitTasks("admin", SubPlanProcess.TASK_DRAFT_SUB_PLAN, PLAN, null, AGENCIES.size());
    // one agency delivers on time, then the sub-plans are overdue by 3 working days (12, 13, 14 June)
    submit("sytcb", awaitTask("sytcb", SubPlanProcess.TASK_DRAFT_SUB_PLAN, PLAN, null),
        vars("subPlanDocumentNumber", "1/KH-SYT", "subPlanDocumentDate", "2023-06-01", "subPlanSummary", "Nội dung."));
    submit("sytld", awaitTask("sytld", SubPlanProcess.TASK_APPROVE_SUB_PLAN, PLAN, null),
        vars("subPlanHeadApproved", true));
    setClock(LocalDateTime.of(2023, 6, 14, 9, 0));

    for (String query : List.of("", "?state=OVERDUE", "?sort=agency&agency=s%E1%BB%9F")) {
      JsonNode matrix = get("ptmcb", "/api/monitor/plans/" + planId + "/matrix" + query);
      List<List<String>> expected = new ArrayList<>();
      for (JsonNode row : matrix.get("rows")) {
        List<String> line = new ArrayList<>(List.of(row.get("agency").asText(), row.get("agencyName").asText()));
        row.get("cells").forEach(c -> line.add(c.get("text").asText()));
        expected.add(line);
      }
      assertThat(expected).as(query).isNotEmpty();
      List<String> headers = new ArrayList<>(List.of("STT", "Mã cơ quan", "Cơ quan"));
      matrix.get("steps").forEach(s -> headers.add(s.get("label").asText()));

      HttpResponse<byte[]> xlsx = download("/api/monitor/plans/" + planId + "/matrix.xlsx" + query);
      assertThat(xlsx.statusCode()).isEqualTo(200);
      assertThat(xlsx.headers().firstValue("Content-Disposition").orElse("")).contains("theo-doi-88-KH-UBND.xlsx");
      try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(xlsx.body()))) {
        Sheet sheet = workbook.getSheet("Theo dõi thực hiện");
        DataFormatter text = new DataFormatter();
        Row head = sheet.getRow(0);
        for (int c = 0; c < headers.size(); c++) {
          assertThat(head.getCell(c).getStringCellValue()).isEqualTo(headers.get(c));
        }
        assertThat(sheet.getLastRowNum()).as(query).isEqualTo(expected.size());
        for (int r = 0; r < expected.size(); r++) {
          Row row = sheet.getRow(r + 1);
          assertThat(text.formatCellValue(row.getCell(0))).isEqualTo(String.valueOf(r + 1));
          for (int c = 0; c < expected.get(r).size(); c++) {
            assertThat(row.getCell(c + 1).getStringCellValue()).as("%s row %d col %d", query, r, c)
                .isEqualTo(expected.get(r).get(c));
          }
        }
      }

      HttpResponse<byte[]> csv = download("/api/monitor/plans/" + planId + "/matrix.csv" + query);
      assertThat(csv.statusCode()).isEqualTo(200);
      assertThat(csv.body()[0] & 0xff).as("UTF-8 byte order mark").isEqualTo(0xEF);
      String content = new String(csv.body(), StandardCharsets.UTF_8).substring(1);
      List<CSVRecord> records = CSVFormat.EXCEL.builder().setHeader().setSkipHeaderRecord(true).get()
          .parse(new StringReader(content)).getRecords();
      assertThat(records).hasSize(expected.size());
      assertThat(records.get(0).getParser().getHeaderNames()).startsWith(headers.toArray(String[]::new));
      for (int r = 0; r < expected.size(); r++) {
        assertThat(records.get(r).get("Mã cơ quan")).isEqualTo(expected.get(r).get(0));
        assertThat(records.get(r).get("Cơ quan")).isEqualTo(expected.get(r).get(1));
        assertThat(records.get(r).get(headers.get(3))).isEqualTo(expected.get(r).get(2));
      }
    }
    JsonNode overdue = get("ptmcb", "/api/monitor/plans/" + planId + "/matrix?state=OVERDUE");
    assertThat(overdue.get("rows")).hasSize(3)
        .allSatisfy(r -> assertThat(r.get("cells").get(0).get("text").asText()).isEqualTo("Quá hạn 3 ngày"));
    assertThat(download("/api/monitor/plans/" + planId + "/matrix.xlsx?state=NOPE").statusCode()).isEqualTo(400);
  }

  HttpResponse<byte[]> download(String path) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("ptmcb:demo".getBytes()))
        .build(), HttpResponse.BodyHandlers.ofByteArray());
  }
}
