package vn.pcmt.agency;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import vn.pcmt.plan.PlanLifecycleProcess;
import vn.pcmt.subplan.SubPlanProcess;

/**
 * An administrator maintains the directory: a dry run lists what the file changes and changes nothing, the import
 * applies it with the new agencies' Camunda groups; the spreadsheet does the same as the YAML and the export is the
 * spreadsheet to start from. Kinds are data: a kind added by import is an assignment target at once, and a steering
 * committee issues a plan.
 */
class DirectoryImportApiTest extends DirectoryApiTestSupport {

  @BeforeEach
  void at() {
    setClock(LocalDateTime.of(2024, 3, 4, 9, 0));
  }

  @Test
  void aYamlFileIsPreviewedThenApplied() {
    Map<String, Object> file = current();
    kinds(file).add(new java.util.LinkedHashMap<>(Map.of("code", "YOUTH_UNIT", "label", "Đoàn thanh niên cơ sở")));
    agencies(file).add(entry("DTNCS1", "Đoàn thanh niên Sở Y tế", "YOUTH_UNIT", "SYT", "2024-01-01"));
    agency(file, "SCT").put("name", "Sở Công Thương tỉnh Sơn La (tên mới)");
    agency(file, "SNGV").put("parent", "VPUBND");
    agency(file, "CCHQ").put("kind", "DEPARTMENT");
    agency(file, "STP").put("validTo", "2025-06-30");
    Map<String, Object> successor = entry("STPM", "Sở Tư pháp tỉnh Sơn La (sau sáp nhập)", "DEPARTMENT", "UBNDT",
        "2025-07-01");
    successor.put("predecessors", List.of("STP"));
    agencies(file).add(successor);
    String before = snapshot();

    Upload preview = dryRun("danh-ba.yaml", yaml(file));
    assertThat(preview.status()).as(preview.text()).isEqualTo(200);
    assertThat(preview.json().get("dryRun").asBoolean()).isTrue();
    assertThat(preview.json().get("applied").asBoolean()).isFalse();
    assertThat(changes(preview)).containsExactlyInAnyOrder("KIND_NEW YOUTH_UNIT", "NEW DTNCS1", "RENAMED SCT",
        "MOVED SNGV", "KIND_CHANGED CCHQ", "ENDED STP", "NEW STPM", "SUCCESSORS STPM");
    assertThat(message(preview, "ENDED")).isEqualTo("Sở Tư pháp tỉnh Sơn La (STP) kết thúc hoạt động sau ngày 30/06/2025.");
    assertThat(message(preview, "SUCCESSORS")).isEqualTo(
        "Sở Tư pháp tỉnh Sơn La (sau sáp nhập) (STPM) tiếp nhận nhiệm vụ của: STP.");
    assertThat(message(preview, "KIND_CHANGED")).contains("CUSTOMS → DEPARTMENT");
    assertThat(snapshot()).as("a dry run changes nothing").isEqualTo(before);

    Upload applied = apply("danh-ba.yaml", yaml(file));
    assertThat(applied.status()).as(applied.text()).isEqualTo(200);
    assertThat(applied.json().get("applied").asBoolean()).isTrue();
    assertThat(changes(applied)).isEqualTo(changes(preview));
    assertThat(directory.find("DTNCS1").orElseThrow().getKind()).isEqualTo("YOUTH_UNIT");
    assertThat(directory.kind("YOUTH_UNIT").orElseThrow().label()).isEqualTo("Đoàn thanh niên cơ sở");
    assertThat(directory.find("SCT").orElseThrow().getName()).isEqualTo("Sở Công Thương tỉnh Sơn La (tên mới)");
    assertThat(directory.find("STP").orElseThrow().getValidTo()).isEqualTo(LocalDate.of(2025, 6, 30));
    assertThat(directory.find("STPM").orElseThrow().getPredecessors()).containsExactly("STP");
    assertThat(identity.createGroupQuery().groupIdIn("DTNCS1", "DTNCS1LD", "STPM", "STPMLD").count())
        .as("Camunda groups of the new agencies").isEqualTo(4);
    assertThat(identity.createGroupQuery().groupId("SCT").singleResult().getName())
        .isEqualTo("Sở Công Thương tỉnh Sơn La (tên mới)");
    assertThat(jdbc.queryForObject("select imported_by from directory_import order by id desc fetch first 1 rows only",
        String.class)).isEqualTo(ADMIN);

    Upload again = dryRun("danh-ba.yaml", yaml(current()));
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().get("changes")).as("the directory is what the file says").isEmpty();
  }

  @Test
  void theSpreadsheetRoundTripsAndImportsLikeTheYaml() throws IOException {
    byte[] exported = export();
    Upload unchanged = dryRun("danh-ba-co-quan.xlsx", exported);
    assertThat(unchanged.status()).as(unchanged.text()).isEqualTo(200);
    assertThat(unchanged.json().get("format").asText()).isEqualTo("XLSX");
    assertThat(unchanged.json().get("changes")).as("the export imports back as it is").isEmpty();

    byte[] edited;
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(exported))) {
      Sheet agencies = workbook.getSheet(DirectorySpreadsheet.AGENCIES_SHEET);
      List<String> headings = new ArrayList<>();
      agencies.getRow(0).forEach(cell -> headings.add(cell.getStringCellValue()));
      assertThat(headings).containsExactly("Mã", "Tên cơ quan", "Loại", "Mã cấp trên", "Vai trò", "Email",
          "Hoạt động từ ngày", "Hoạt động đến ngày", "Tiền thân");
      Row row = agencies.createRow(agencies.getLastRowNum() + 1);
      row.createCell(0).setCellValue("TTCN");
      row.createCell(1).setCellValue("Trung tâm cai nghiện ma túy tỉnh Sơn La");
      row.createCell(2).setCellValue("REHAB_CENTRE");
      row.createCell(3).setCellValue("SNV");
      row.createCell(6).setCellValue("01/07/2025");
      Row moved = rowOf(agencies, "SVHTTDL");
      moved.getCell(3, Row.MissingCellPolicy.CREATE_NULL_AS_BLANK).setCellValue("VPUBND");
      Sheet kinds = workbook.getSheet(DirectorySpreadsheet.KINDS_SHEET);
      Row kind = kinds.createRow(kinds.getLastRowNum() + 1);
      kind.createCell(0).setCellValue("REHAB_CENTRE");
      kind.createCell(1).setCellValue("Cơ sở cai nghiện ma túy");
      edited = bytes(workbook);
    }
    String before = snapshot();
    Upload preview = dryRun("danh-ba-co-quan.xlsx", edited);
    assertThat(preview.status()).as(preview.text()).isEqualTo(200);
    assertThat(changes(preview)).containsExactlyInAnyOrder("KIND_NEW REHAB_CENTRE", "NEW TTCN", "MOVED SVHTTDL");
    assertThat(snapshot()).isEqualTo(before);
    Upload applied = apply("danh-ba-co-quan.xlsx", edited);
    assertThat(applied.status()).as(applied.text()).isEqualTo(200);
    Agency centre = directory.find("TTCN").orElseThrow();
    assertThat(centre.getValidFrom()).isEqualTo(LocalDate.of(2025, 7, 1));
    assertThat(centre.getKind()).isEqualTo("REHAB_CENTRE");
    assertThat(directory.find("SVHTTDL").orElseThrow().getParentCode()).isEqualTo("VPUBND");
    assertThat(identity.createGroupQuery().groupIdIn("TTCN", "TTCNLD").count()).isEqualTo(2);
  }

  /** A name typed as "=cmd|..." is a name: stored as written, exported as text a spreadsheet never evaluates. */
  @Test
  void aFormulaTypedAsANameIsStoredAsTextAndExportedSafely() throws IOException {
    String hostile = "=cmd|' /C calc'!A0";
    byte[] edited;
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(export()))) {
      Sheet agencies = workbook.getSheet(DirectorySpreadsheet.AGENCIES_SHEET);
      Row row = agencies.createRow(agencies.getLastRowNum() + 1);
      row.createCell(0).setCellValue("CTXH");
      row.createCell(1).setCellValue(hostile);
      row.createCell(2).setCellValue("DEPARTMENT");
      row.createCell(3).setCellValue("UBNDT");
      edited = bytes(workbook);
    }
    Upload applied = apply("danh-ba.xlsx", edited);
    assertThat(applied.status()).as(applied.text()).isEqualTo(200);
    assertThat(directory.find("CTXH").orElseThrow().getName()).isEqualTo(hostile);

    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(export()))) {
      Cell name = rowOf(workbook.getSheet(DirectorySpreadsheet.AGENCIES_SHEET), "CTXH").getCell(1);
      assertThat(name.getCellType()).as("a text cell, not a formula").isEqualTo(CellType.STRING);
      assertThat(name.getStringCellValue()).isEqualTo(hostile);
      CellStyle style = name.getCellStyle();
      assertThat(style.getQuotePrefixed()).as("Excel shows and keeps it as text").isTrue();
    }
  }

  /** A kind added by import, with no code change, is a collective assignment target at once. */
  @Test
  void aKindAddedByImportIsAnAssignmentTarget() {
    Map<String, Object> file = current();
    kinds(file).add(new java.util.LinkedHashMap<>(Map.of("code", "BORDER_POST", "label", "Đồn Biên phòng")));
    agencies(file).add(entry("DBPLONGSAP", "Đồn Biên phòng Lóng Sập", "BORDER_POST", "BDBP", "2004-01-01"));
    agencies(file).add(entry("DBPCHIENGON", "Đồn Biên phòng Chiềng On", "BORDER_POST", "BDBP", "2004-01-01"));
    Upload applied = apply("danh-ba.yaml", yaml(file));
    assertThat(applied.status()).as(applied.text()).isEqualTo(200);

    Map<String, Object> plan = plan("11/KH-UBND");
    plan.put("assignments", List.of(Map.of("targetType", "KIND", "target", "BORDER_POST", "role", "LEAD",
        "duty", "Tuần tra, kiểm soát tuyến biên giới.")));
    Response registered = call(officer("PTM"), "POST", "/api/plans", plan);
    assertThat(registered.status()).as(registered.text()).isEqualTo(201);
    JsonNode approval = awaitTask(head("UBNDT"), PlanLifecycleProcess.TASK_APPROVE_ISSUANCE, "11/KH-UBND", null);
    assertThat(jsonVariable(head("UBNDT"), approval, "assignments").get(0).get("targetLabel").asText())
        .as("the approval form shows the kind's label").isEqualTo("Tất cả: Đồn Biên phòng");
    submit(head("UBNDT"), approval, vars("issuanceApproved", true));
    List<JsonNode> drafts = awaitTasks(ADMIN, SubPlanProcess.TASK_DRAFT_SUB_PLAN, "11/KH-UBND", null, 2);
    List<String> groups = new ArrayList<>();
    drafts.forEach(task -> get(ADMIN, "/engine-rest/task/" + task.get("id").asText()
        + "/identity-links?type=candidate").forEach(link -> groups.add(link.get("groupId").asText())));
    assertThat(groups).containsExactlyInAnyOrder("DBPLONGSAP", "DBPCHIENGON");

    Map<String, Object> unknownKind = plan("12/KH-UBND");
    unknownKind.put("assignments", List.of(Map.of("targetType", "KIND", "target", "BORDER_POSTS", "role", "LEAD",
        "duty", "x")));
    Response refused = call(officer("PTM"), "POST", "/api/plans", unknownKind);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("errors").get(0).get("message").asText())
        .startsWith("Không có loại cơ quan 'BORDER_POSTS' trong danh bạ. Các loại: ")
        .contains("BORDER_POST (Đồn Biên phòng)", "STEERING_COMMITTEE (Ban Chỉ đạo)");
  }

  /** Ban Chỉ đạo 138 issues its own plan: its heads approve it, the plan's standing body runs it. */
  @Test
  void aSteeringCommitteeIssuesAPlan() {
    Map<String, Object> plan = plan("05/KH-BCĐ");
    plan.put("issuingAgency", "BCD138");
    plan.put("standingAgency", "PTM");
    plan.put("assignments", List.of(
        Map.of("targetType", "AGENCY", "target", "SYT", "role", "LEAD", "duty", "Điều trị nghiện."),
        Map.of("targetType", "KIND", "target", "JUDICIAL", "role", "COORDINATING", "duty", "Xét xử điểm.")));
    Response registered = call(officer("PTM"), "POST", "/api/plans", plan);
    assertThat(registered.status()).as(registered.text()).isEqualTo(201);
    JsonNode approval = awaitTask(head("BCD138"), PlanLifecycleProcess.TASK_APPROVE_ISSUANCE, "05/KH-BCĐ", null);
    assertThat(tasks(head("UBNDT"), PlanLifecycleProcess.TASK_APPROVE_ISSUANCE, "05/KH-BCĐ", null))
        .as("not the People's Committee's to approve").isEmpty();
    JsonNode rows = jsonVariable(head("BCD138"), approval, "assignments");
    assertThat(rows.get(0).get("targetLabel").asText()).isEqualTo("Sở Y tế tỉnh Sơn La (SYT)");
    assertThat(rows.get(1).get("targetLabel").asText()).isEqualTo("Tất cả: Tòa án, Viện kiểm sát");
    submit(head("BCD138"), approval, vars("issuanceApproved", true));
    JsonNode issued = get(officer("PTM"), "/api/plans/" + registered.json().get("planId").asLong());
    assertThat(issued.get("issuingAgency").asText()).isEqualTo("BCD138");
    assertThat(issued.get("status").asText()).isEqualTo("ISSUED");
    awaitTask(officer("SYT"), SubPlanProcess.TASK_DRAFT_SUB_PLAN, "05/KH-BCĐ", null);
  }

  private static Map<String, Object> plan(String number) {
    Map<String, Object> plan = new HashMap<>();
    plan.put("planNumber", number);
    plan.put("planTitle", "Kế hoạch thử của danh bạ");
    plan.put("issueDate", "2024-03-01");
    plan.put("subPlanDeadline", "2024-03-20");
    plan.put("reportingPeriods", List.of(Map.of("label", "Quý I", "dueDate", "2024-03-29")));
    plan.put("yearEndCommendation", false);
    return plan;
  }

  private static String message(Upload upload, String type) {
    for (JsonNode change : upload.json().get("changes")) {
      if (change.get("type").asText().equals(type)) {
        return change.get("message").asText();
      }
    }
    throw new AssertionError("no " + type + " in " + upload.text());
  }

  static Row rowOf(Sheet sheet, String code) {
    for (Row row : sheet) {
      if (row.getCell(0) != null && code.equals(row.getCell(0).getStringCellValue())) {
        return row;
      }
    }
    throw new AssertionError("no row " + code);
  }

  static byte[] bytes(XSSFWorkbook workbook) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    workbook.write(out);
    return out.toByteArray();
  }
}
