package vn.pcmt.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;

import vn.pcmt.ApiTestSupport;
import vn.pcmt.Chromium;
import vn.pcmt.plan.PlanLifecycleProcess;
import vn.pcmt.subplan.SubPlanProcess;

/**
 * Tasklist as officials use it, in headless Chromium (Debian's chromium and chromium-driver, installed by .ci/run):
 * the Sở Y tế officer logs in, sees Tasklist in Vietnamese and only Sở Y tế's work in "Việc của cơ quan tôi", saves a
 * draft of the sub-plan form, is refused an invalid date in Vietnamese, attaches the signed PDF in the "Tài liệu" tab
 * (a wrong kind and a too large file refused first, in the server's words), logs out (the draft is gone from the
 * browser) and submits validly after logging in again; the head opens the PDF from the approval task and approves; an
 * officer of Sở Tư pháp opening the next task's address sees nothing of it. After each logout, and on the login page
 * of a browser closed without logging out, local storage holds nothing but the language choice.
 *
 * <p>Screenshots of a failure go to target/tasklist-browser-*.png.
 */
// a database of its own: the inbox it reads in the browser must hold this test's tasks only, not other classes'
@org.springframework.test.annotation.DirtiesContext(
    classMode = org.springframework.test.annotation.DirtiesContext.ClassMode.BEFORE_CLASS)
@Chromium.Required
class TasklistBrowserTest extends ApiTestSupport {

  static final String PLAN = "117/KH-UBND";
  static final String PDF_NAME = "Kế hoạch 15-KH-SYT (đã ký).pdf";
  static final String MY_AGENCY = "Việc của cơ quan tôi";
  static final Duration WAIT = Duration.ofSeconds(60);

  WebDriver browser;
  WebDriverWait wait;

  @TempDir
  Path files;

  @RegisterExtension
  final AfterTestExecutionCallback screenshotOnFailure = this::screenshotOnFailure;

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void anOfficerDraftsAttachesAndSubmitsTheHeadOpensAndApprovesAnotherAgencySeesNothing() throws Exception {
    String draftTaskId = issuePlan();
    browser = Chromium.start("en-US"); // the browser English: Tasklist stays Vietnamese
    wait = new WebDriverWait(browser, WAIT);

    // a browser closed without logging out: its login page clears what the last official left, but the language
    browser.get(tasklist(""));
    waitForLoginForm();
    script("localStorage.setItem('camunda-form:left-behind', JSON.stringify({subPlanSummary: 'bí mật'}));"
        + "localStorage.setItem('camForm:left-behind', '{}'); localStorage.setItem('pcmt-locale', 'vi');"
        + "sessionStorage.setItem('left-behind', 'x');");
    browser.navigate().refresh();
    waitForLoginForm();
    wait.until(driver -> storageKeys().equals(List.of("pcmt-locale")) && sessionStorageSize() == 0);

    // Vietnamese from the login page on (the browser itself speaks English); "Việc của cơ quan tôi" holds exactly
    // Sở Y tế's tasks of the plan, none of Sở Tư pháp's
    assertThat(browser.findElement(By.cssSelector("form[name=signinForm] button[type=submit]")).getText())
        .isEqualTo("Đăng nhập");
    login("sytcb");
    assertThat(browser.findElement(By.cssSelector("[cam-widget-header]")).getText())
        .contains("Cán bộ Sở Y tế").contains("Khởi tạo quy trình");
    List<String> agencyTasks = candidateTaskIds("SYT");
    assertThat(agencyTasks).contains(draftTaskId);
    assertThat(myAgencyTaskIds(agencyTasks.size())).containsExactlyInAnyOrderElementsOf(agencyTasks)
        .doesNotContainAnyElementsOf(candidateTaskIds("STP"));
    assertThat(browser.findElement(By.cssSelector("ol.tasks-list")).getText()).contains("Xây dựng kế hoạch triển khai");

    // the form: claim, fill in, save a draft (Tasklist keeps it in local storage), submit a date before the plan's
    openTask(draftTaskId);
    assertThat(tabLabels()).containsExactly("Biểu mẫu", "Tài liệu", "Lịch sử", "Sơ đồ", "Mô tả");
    claim();
    fillDraft("01/05/2023");
    click(By.cssSelector("button[ng-click='save($event)']"));
    wait.until(driver -> storageKeys().contains("camunda-form:" + draftTaskId));
    assertThat(script("return localStorage.getItem(arguments[0]);", "camunda-form:" + draftTaskId))
        .asString().contains("15/KH-SYT");
    click(By.cssSelector("button[ng-click='complete()']"));
    WebElement refusal = wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
        "//*[contains(@class,'page-notifications')]//*[contains(normalize-space(),"
            + "'trước ngày ban hành kế hoạch của tỉnh')]")));
    assertThat(refusal.getText()).contains("Dữ liệu chưa hợp lệ: Ngày ban hành kế hoạch của cơ quan (01/05/2023) "
        + "trước ngày ban hành kế hoạch của tỉnh (31/05/2023).");
    assertThat(tasks(officer("SYT"), SubPlanProcess.TASK_DRAFT_SUB_PLAN, PLAN, null)).as("still to do").hasSize(1);

    // the documents tab: a wrong kind and a too large file refused before upload, a fake PDF by the server, each in
    // the server's words; then the signed PDF attached
    openTab("Tài liệu");
    WebElement status = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector(".pcmt-documents-status")));
    assertThat(status.getText()).isEqualTo("Chưa có tài liệu nào được đính kèm.");
    assertThat(browser.findElement(By.cssSelector(".pcmt-documents-hint")).getText())
        .isEqualTo("PDF, Word (DOCX) hoặc ảnh quét (JPG, PNG, TIFF), tối đa 20,0 MB.");
    attach(file("ghi-chu.txt", "chỉ là chữ".getBytes(StandardCharsets.UTF_8)));
    assertThat(documentsError()).isEqualTo("Tệp \"ghi-chu.txt\" không phải PDF, Word (DOCX) hay ảnh quét (JPG, PNG, "
        + "TIFF): chỉ nhận các loại tệp này.");
    attach(largeFile("ke-hoach-lon.pdf", 21 * 1024 * 1024));
    assertThat(documentsError()).isEqualTo("Tệp \"ke-hoach-lon.pdf\" quá lớn (21,0 MB): tối đa 20,0 MB.");
    attach(file("gia-mao.pdf", "không phải PDF".getBytes(StandardCharsets.UTF_8)));
    assertThat(documentsError()).as("the server's refusal, as the server words it").isEqualTo("Tệp \"gia-mao.pdf\" "
        + "không phải PDF, Word (DOCX) hay ảnh quét (JPG, PNG, TIFF): chỉ nhận các loại tệp này.");
    attach(file(PDF_NAME, pdf()));
    WebElement success = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector(".pcmt-documents-success")));
    assertThat(success.getText()).isEqualTo("Đã đính kèm tệp \"" + PDF_NAME + "\".");
    WebElement row = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector(".pcmt-documents-list tbody tr")));
    assertThat(row.findElement(By.cssSelector("a.pcmt-documents-open")).getText()).isEqualTo(PDF_NAME);
    assertThat(row.getText()).contains("PDF").contains("sytcb").contains("KB").contains("01/06/2023");
    String documentId = row.getAttribute("data-document-id");
    // a change authenticated by the session must carry the webapps' anti-forgery token
    assertThat(fetchStatus("POST", "/api/tasks/" + draftTaskId + "/documents", false)).isEqualTo(403);
    assertThat(fetchStatus("POST", "/api/tasks/" + draftTaskId + "/documents", true)).isEqualTo(201);

    // logout: the draft and all else but the language are gone; after logging in again the form is empty
    logout();
    login("sytcb");
    openTask(draftTaskId);
    assertThat(field("subPlanDocumentNumber").getAttribute("value")).as("no draft after logout").isEmpty();
    fillDraft("01/06/2023");
    click(By.cssSelector("button[ng-click='complete()']"));
    JsonNode approval = awaitTask(head("SYT"), SubPlanProcess.TASK_APPROVE_SUB_PLAN, PLAN, null);
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button[ng-click='complete()']")));
    logout();

    // the head opens the PDF from the approval task, then approves
    login("sytld");
    String approvalId = approval.get("id").asText();
    assertThat(myAgencyTaskIds(candidateTaskIds("SYT", "SYTLD").size())).contains(approvalId);
    openTask(approvalId);
    openTab("Tài liệu");
    WebElement link = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(
        ".pcmt-documents-list tr[data-document-id='" + documentId + "'] a.pcmt-documents-open")));
    assertThat(link.getText()).isEqualTo(PDF_NAME);
    Map<?, ?> content = fetch(link.getAttribute("href"));
    assertThat(content.get("status")).isEqualTo(200L);
    assertThat((String) content.get("type")).startsWith("application/pdf");
    assertThat(content.get("body")).isEqualTo(new String(pdf(), StandardCharsets.ISO_8859_1));
    String tasklistWindow = browser.getWindowHandle();
    click(By.cssSelector("a.pcmt-documents-open[href$='" + documentId + "']"));
    wait.until(ExpectedConditions.numberOfWindowsToBe(2));
    for (String window : browser.getWindowHandles()) {
      if (!window.equals(tasklistWindow)) {
        browser.switchTo().window(window);
        wait.until(ExpectedConditions.urlContains("/api/documents/" + documentId));
        // the browser's PDF viewer shows it (in the webapps' sandbox it would refuse: "localhost is blocked")
        wait.until(driver -> "application/pdf".equals(script("return document.contentType;")));
        browser.close();
      }
    }
    browser.switchTo().window(tasklistWindow);
    openTab("Biểu mẫu");
    claim();
    click(By.xpath("//*[contains(@class,'fjs-container')]//label[normalize-space()='Duyệt, gửi về Thường trực']"));
    click(By.cssSelector("button[ng-click='complete()']"));
    JsonNode review = awaitTask(officer("PTM"), SubPlanProcess.TASK_REVIEW_SUB_PLAN, PLAN, null);
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button[ng-click='complete()']")));
    logout();

    // Sở Tư pháp opens the address of the sub-plan's next task: no task, no document, not even through the API
    login("stpcb");
    String reviewId = review.get("id").asText();
    browser.get(tasklist("#/?task=" + reviewId + "&detailsTab=pcmt-documents"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//*[contains(@class,'page-notifications')]"
        + "//*[contains(normalize-space(),'Công việc không còn tồn tại')]")));
    assertThat(browser.findElements(By.cssSelector(".pcmt-documents"))).isEmpty();
    assertThat(browser.getPageSource()).doesNotContain(PDF_NAME).doesNotContain(documentId)
        .doesNotContain("15/KH-SYT");
    assertThat(fetchStatus("GET", "/api/tasks/" + reviewId + "/documents", true)).isEqualTo(404);
    assertThat(fetchStatus("GET", "/api/documents/" + documentId, true)).isEqualTo(404);
    assertThat(fetchStatus("POST", "/api/tasks/" + reviewId + "/documents", true)).isEqualTo(404);
    logout();
    assertThat(fetchStatus("GET", "/api/tasks/" + reviewId + "/documents", true)).as("after logout").isEqualTo(401);
  }

  /** Registers and issues a plan for Sở Y tế and Sở Tư pháp over the API; the id of Sở Y tế's drafting task. */
  String issuePlan() {
    setClock(LocalDateTime.of(2023, 6, 1, 8, 30));
    Response registered = call(officer("PTM"), "POST", "/api/plans", Map.of(
        "planNumber", PLAN, "planTitle", "Kế hoạch kiểm thử Tasklist", "issueDate", "2023-05-31",
        "subPlanDeadline", "2023-06-20",
        "assignments", List.of(Map.of("targetType", "AGENCY", "target", "SYT", "role", "LEAD", "duty", "Chủ trì."),
            Map.of("targetType", "AGENCY", "target", "STP", "role", "COORDINATING", "duty", "Phối hợp.",
                // a coordinating body owes what the plan says it owes: here a sub-plan and the year's report
                "owesSubPlan", true, "reportsOn", List.of("Năm 2023"))),
        "reportingPeriods", List.of(Map.of("label", "Năm 2023", "dueDate", "2023-12-15")),
        "indicators", List.of(Map.of("name", "Số buổi tuyên truyền", "unit", "buổi", "target", 20)),
        "yearEndCommendation", false));
    assertThat(registered.status()).as(registered.text()).isEqualTo(201);
    submit(head("UBNDT"), awaitTask(head("UBNDT"), PlanLifecycleProcess.TASK_APPROVE_ISSUANCE, PLAN, null),
        vars("issuanceApproved", true));
    awaitTask(officer("STP"), SubPlanProcess.TASK_DRAFT_SUB_PLAN, PLAN, null);
    return awaitTask(officer("SYT"), SubPlanProcess.TASK_DRAFT_SUB_PLAN, PLAN, null).get("id").asText();
  }

  String tasklist(String fragment) {
    return "http://localhost:" + port + "/camunda/app/tasklist/default/" + fragment;
  }

  void waitForLoginForm() {
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form[name=signinForm] input[type=text]")));
  }

  void login(String user) {
    if (!browser.getCurrentUrl().startsWith(tasklist(""))) {
      browser.get(tasklist(""));
    }
    waitForLoginForm();
    WebElement name = browser.findElement(By.cssSelector("form[name=signinForm] input[type=text]"));
    name.clear();
    name.sendKeys(user);
    browser.findElement(By.cssSelector("form[name=signinForm] input[type=password]")).sendKeys(PASSWORD);
    browser.findElement(By.cssSelector("form[name=signinForm] button[type=submit]")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[cam-widget-header] li.account")));
  }

  /** Logs out; returns once the login page has cleared the storage and reloaded (a page of its own, no memory). */
  void logout() {
    script("window.pcmtBeforeLogout = true;");
    click(By.cssSelector("[cam-widget-header] li.account > a"));
    click(By.cssSelector("[cam-widget-header] li.logout a"));
    wait.until(driver -> script("return window.pcmtBeforeLogout === undefined;").equals(Boolean.TRUE));
    waitForLoginForm();
    assertThat(storageKeys()).as("local storage after logout").containsExactly("pcmt-locale");
    assertThat(sessionStorageSize()).isZero();
  }

  /** The ids of the tasks "Việc của cơ quan tôi" lists, once it lists the expected number. */
  List<String> myAgencyTaskIds(int count) {
    // the filter's name, then the number of its tasks
    click(By.xpath("//*[contains(@class,'task-filters')]//*[contains(@class,'item')]//h4/a[starts-with(normalize-space(),"
        + "'" + MY_AGENCY + "')]"));
    By links = By.cssSelector("ol.tasks-list > li.task h4 a");
    wait.until(driver -> driver.findElements(links).size() == count);
    return browser.findElements(links).stream().map(link -> link.getAttribute("href").replaceFirst(".*[?&]task=", ""))
        .toList();
  }

  /** The ids of the plan's open tasks for these candidate groups (claimed ones included), read as the admin. */
  List<String> candidateTaskIds(String... groups) {
    Response response = call("admin", "POST", "/engine-rest/task", Map.of("candidateGroups", List.of(groups),
        "includeAssignedTasks", true, "processInstanceBusinessKey", PLAN));
    assertThat(response.status()).as(response.text()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    response.json().forEach(task -> ids.add(task.get("id").asText()));
    return ids;
  }

  void openTask(String taskId) {
    browser.get(tasklist("#/?task=" + taskId));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-container")));
  }

  List<String> tabLabels() {
    return browser.findElements(By.cssSelector("ul.nav-tabs > li > a")).stream().map(WebElement::getText).toList();
  }

  void openTab(String label) {
    click(By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space()='" + label + "']"));
  }

  /** The input of a Camunda Forms field, by its key (form-js ids end with the field's id, Field_<key>). */
  WebElement field(String key) {
    return wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".fjs-container [id$='-Field_" + key
        + "']")));
  }

  void fillDraft(String date) {
    type("subPlanDocumentNumber", "15/KH-SYT");
    type("subPlanSummary", "Tuyên truyền phòng, chống ma túy trong ngành y tế.");
    // leaving the date field makes the date picker take the typed date
    type("subPlanDocumentDate-date", date);
    click(By.cssSelector(".fjs-container [id$='-Field_subPlanSummary']"));
    wait.until(driver -> date.equals(field("subPlanDocumentDate-date").getAttribute("value")));
  }

  /** Types the text into an empty form field; again if the form re-renders meanwhile. */
  void type(String key, String text) {
    wait.ignoring(StaleElementReferenceException.class).until(driver -> {
      WebElement input = field(key);
      if (!text.equals(input.getAttribute("value"))) {
        input.clear();
        input.sendKeys(text);
      }
      return text.equals(field(key).getAttribute("value"));
    });
  }

  void attach(Path file) {
    WebElement input = wait.until(ExpectedConditions.presenceOfElementLocated(
        By.cssSelector("input.pcmt-documents-file")));
    input.sendKeys(file.toAbsolutePath().toString());
    // the click hides the previous message at once; callers wait for the new one
    click(By.cssSelector("button.pcmt-documents-attach"));
  }

  String documentsError() {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".pcmt-documents-error")))
        .getText();
  }

  /**
   * Clicks the element once it is shown and enabled, scrolled to the middle of the window (Tasklist's footer covers
   * its bottom); again if the page re-renders or moves it meanwhile (a form re-rendered after claiming).
   */
  void click(By target) {
    wait.ignoring(ElementClickInterceptedException.class).ignoring(StaleElementReferenceException.class)
        .until(driver -> {
          WebElement element = driver.findElement(target);
          if (!element.isDisplayed() || !element.isEnabled()) {
            return false;
          }
          script("arguments[0].scrollIntoView({block: 'center'});", element);
          element.click();
          return true;
        });
  }

  void claim() {
    click(By.cssSelector("button.claim"));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button.claim")));
  }

  /** A one-page PDF the browser's viewer shows. */
  static byte[] pdf() {
    String text = "BT /F1 24 Tf 72 760 Td (Ke hoach 15/KH-SYT) Tj ET";
    List<String> objects = List.of("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
            + " /Resources << /Font << /F1 5 0 R >> >> >>",
        "<< /Length " + text.length() + " >>\nstream\n" + text + "\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
    StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
    List<Integer> offsets = new ArrayList<>();
    for (int i = 0; i < objects.size(); i++) {
      offsets.add(pdf.length());
      pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
    }
    int xref = pdf.length();
    pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
    offsets.forEach(offset -> pdf.append(String.format("%010d 00000 n \n", offset)));
    pdf.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref)
        .append("\n%%EOF\n");
    return pdf.toString().getBytes(StandardCharsets.US_ASCII);
  }

  Path file(String name, byte[] content) throws IOException {
    return Files.write(files.resolve(name), content);
  }

  Path largeFile(String name, long size) throws IOException {
    Path file = files.resolve(name);
    try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
      out.write(pdf());
      out.setLength(size);
    }
    return file;
  }

  Object script(String script, Object... arguments) {
    return ((JavascriptExecutor) browser).executeScript(script, arguments);
  }

  @SuppressWarnings("unchecked")
  List<String> storageKeys() {
    List<String> keys = new ArrayList<>((List<String>) script("return Object.keys(localStorage);"));
    keys.sort(String::compareTo);
    return keys;
  }

  long sessionStorageSize() {
    return (Long) script("return sessionStorage.length;");
  }

  /** A GET from the page with the webapps' session, as the documents tab makes it. */
  Map<?, ?> fetch(String url) {
    return (Map<?, ?>) ((JavascriptExecutor) browser).executeAsyncScript("const done = arguments[arguments.length - 1];"
        + "fetch(arguments[0], {credentials: 'same-origin', headers: {'X-Requested-With': 'XMLHttpRequest'}})"
        + ".then(r => r.text().then(body => done({status: r.status, type: r.headers.get('Content-Type'), body})))"
        + ".catch(e => done({status: -1, body: String(e)}));", url);
  }

  /** The status of a request from the page, with or without the webapps' anti-forgery token. */
  long fetchStatus(String method, String path, boolean withToken) {
    return (Long) ((JavascriptExecutor) browser).executeAsyncScript("const done = arguments[arguments.length - 1];"
        + "const token = (document.cookie.match(/(?:^|; )XSRF-TOKEN=([^;]*)/) || [])[1];"
        + "const headers = {'X-Requested-With': 'XMLHttpRequest'};"
        + "if (arguments[2] && token) { headers['X-XSRF-TOKEN'] = decodeURIComponent(token); }"
        + "const body = arguments[0] === 'POST' ? new FormData() : undefined;"
        + "if (body) { body.append('file', new Blob(['%PDF-1.4\\n%%EOF\\n']), 'x.pdf'); }"
        + "fetch(arguments[1], {method: arguments[0], credentials: 'same-origin', headers, body})"
        + ".then(r => done(r.status)).catch(() => done(-1));", method, path, withToken);
  }

  void screenshotOnFailure(ExtensionContext context) throws IOException {
    if (context.getExecutionException().isPresent() && browser != null) {
      String name = "tasklist-browser-" + context.getRequiredTestMethod().getName();
      screenshot(name);
      Files.writeString(Path.of("target", name + ".html"), browser.getPageSource());
    }
  }

  void screenshot(String name) throws IOException {
    Files.write(Path.of("target", name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }
}
