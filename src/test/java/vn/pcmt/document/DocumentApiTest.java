package vn.pcmt.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import vn.pcmt.ApiTestSupport;
import vn.pcmt.plan.PlanLifecycleProcess;
import vn.pcmt.subplan.SubPlanProcess;

/**
 * The signed sub-plan travels with the task: the officer attaches it (only PDF, DOCX or a scan, up to 20 MB, refused
 * in Vietnamese otherwise), the head and the secretariat open it from their own tasks, another agency cannot list or
 * open it, and the engine's unguarded attachment endpoints are closed.
 */
class DocumentApiTest extends ApiTestSupport {

  static final String PLAN = "113/KH-UBND";
  static final byte[] PDF = ("%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n")
      .getBytes(StandardCharsets.US_ASCII);

  final HttpClient http = HttpClient.newHttpClient();

  record Upload(int status, JsonNode json) {
  }

  Upload upload(String user, String taskId, String fileName, byte[] content) throws Exception {
    String boundary = "----pcmt" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.write(content);
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(
        URI.create("http://localhost:" + port + "/api/tasks/" + taskId + "/documents"))
        .header("Authorization", basic(user)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
        HttpResponse.BodyHandlers.ofString());
    return new Upload(response.statusCode(), response.body().isBlank() ? null : JSON.readTree(response.body()));
  }

  HttpResponse<byte[]> download(String user, String documentId) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/documents/" + documentId))
        .header("Authorization", basic(user)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
  }

  static byte[] docx() throws IOException {
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(zip)) {
      out.putNextEntry(new ZipEntry("[Content_Types].xml"));
      out.write("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"
          .getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
      out.putNextEntry(new ZipEntry("word/document.xml"));
      out.write("<w:document/>".getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
    return zip.toByteArray();
  }

  @Test
  void theSignedSubPlanIsAttachedOpenedByHeadAndSecretariatAndHiddenFromOthers() throws Exception {
    setClock(LocalDateTime.of(2023, 6, 1, 8, 30));
    Response registered = call(officer("PTM"), "POST", "/api/plans", Map.of(
        "planNumber", PLAN, "planTitle", "Kế hoạch kiểm tra tài liệu", "issueDate", "2023-05-31",
        "subPlanDeadline", "2023-06-20",
        "assignments", List.of(Map.of("targetType", "AGENCY", "target", "SYT", "role", "LEAD", "duty", "Làm."),
            Map.of("targetType", "AGENCY", "target", "STP", "role", "COORDINATING", "duty", "Phối hợp.",
                // a coordinating body owes what the plan says it owes: here a sub-plan and the year's report
                "owesSubPlan", true, "reportsOn", List.of("Năm 2023"))),
        "reportingPeriods", List.of(Map.of("label", "Năm 2023", "dueDate", "2023-12-15")),
        "indicators", List.of(Map.of("name", "Số buổi tuyên truyền", "unit", "buổi", "target", 20)),
        "yearEndCommendation", false));
    assertThat(registered.status()).as(registered.text()).isEqualTo(201);
    submit(head("UBNDT"), awaitTask(head("UBNDT"), PlanLifecycleProcess.TASK_APPROVE_ISSUANCE, PLAN, null),
        vars("issuanceApproved", true));
    JsonNode draft = awaitTask(officer("SYT"), SubPlanProcess.TASK_DRAFT_SUB_PLAN, PLAN, null);
    String taskId = draft.get("id").asText();

    Upload text = upload(officer("SYT"), taskId, "ke-hoach.pdf", "chỉ là chữ".getBytes(StandardCharsets.UTF_8));
    assertThat(text.status()).isEqualTo(415);
    assertThat(text.json().get("detail").asText()).isEqualTo("Tệp \"ke-hoach.pdf\" không phải PDF, Word (DOCX) hay "
        + "ảnh quét (JPG, PNG, TIFF): chỉ nhận các loại tệp này.");
    byte[] large = new byte[21 * 1024 * 1024];
    System.arraycopy(PDF, 0, large, 0, PDF.length);
    Upload tooLarge = upload(officer("SYT"), taskId, "ke-hoach-lon.pdf", large);
    assertThat(tooLarge.status()).isEqualTo(413);
    assertThat(tooLarge.json().get("detail").asText()).contains("quá lớn (21,0 MB): tối đa 20,0 MB");
    assertThat(upload(officer("STP"), taskId, "ke-hoach.pdf", PDF).status()).as("another agency").isEqualTo(404);

    Upload signed = upload(officer("SYT"), taskId, "Kế hoạch 15-KH-SYT (đã ký).pdf", PDF);
    assertThat(signed.status()).isEqualTo(201);
    assertThat(signed.json().get("typeLabel").asText()).isEqualTo("PDF");
    assertThat(signed.json().get("uploadedBy").asText()).isEqualTo(officer("SYT"));
    String documentId = signed.json().get("id").asText();
    assertThat(upload(officer("SYT"), taskId, "phu-luc.docx", docx()).json().get("typeLabel").asText())
        .isEqualTo("Word (DOCX)");

    // another agency sees nothing of it, by any route
    assertThat(call(officer("STP"), "GET", "/api/tasks/" + taskId + "/documents", null).status()).isEqualTo(404);
    assertThat(download(officer("STP"), documentId).statusCode()).isEqualTo(404);
    assertThat(download(officer("SNV"), documentId).statusCode()).isEqualTo(404);
    assertThat(call(officer("STP"), "GET", "/engine-rest/task/" + taskId + "/attachment", null).status())
        .isEqualTo(403);
    assertThat(call(officer("SYT"), "GET", "/engine-rest/task/" + taskId + "/attachment/" + documentId + "/data",
        null).status()).as("closed even to the owner: the engine checks nothing").isEqualTo(403);

    // the head opens it from the approval task, the secretariat from its review, leadership too
    submit(officer("SYT"), draft, vars(SubPlanProcess.DOCUMENT_NUMBER.name(), "15/KH-SYT",
        SubPlanProcess.DOCUMENT_DATE.name(), "2023-06-01", SubPlanProcess.SUMMARY.name(), "Tuyên truyền."));
    JsonNode approval = awaitTask(head("SYT"), SubPlanProcess.TASK_APPROVE_SUB_PLAN, PLAN, null);
    JsonNode listed = get(head("SYT"), "/api/tasks/" + approval.get("id").asText() + "/documents");
    assertThat(listed).extracting(d -> d.get("name").asText())
        .containsExactly("Kế hoạch 15-KH-SYT (đã ký).pdf", "phu-luc.docx");
    HttpResponse<byte[]> opened = download(head("SYT"), documentId);
    assertThat(opened.statusCode()).isEqualTo(200);
    assertThat(opened.body()).isEqualTo(PDF);
    assertThat(opened.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
    assertThat(upload(head("SYT"), approval.get("id").asText(), "y-kien.pdf", PDF).status())
        .as("the head may add a document to his own task").isEqualTo(201);

    submit(head("SYT"), approval, vars(SubPlanProcess.HEAD_APPROVED.name(), true));
    JsonNode review = awaitTask(officer("PTM"), SubPlanProcess.TASK_REVIEW_SUB_PLAN, PLAN, null);
    assertThat(get(officer("PTM"), "/api/tasks/" + review.get("id").asText() + "/documents")).hasSize(3);
    assertThat(download(officer("PTM"), documentId).body()).isEqualTo(PDF);
    assertThat(download(head("UBNDT"), documentId).statusCode()).isEqualTo(200);
  }
}
