package vn.pcmt.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;
import vn.pcmt.ApiTestSupport;
import vn.pcmt.Chromium;
import vn.pcmt.plan.PlanLifecycleProcess;
import vn.pcmt.subplan.SubPlanProcess;

/**
 * The monitor as the secretariat uses it, in headless Chromium (Debian's chromium and chromium-driver, see .ci/run):
 * ptmcb logs in through the Camunda login page, opens /monitor/, sees the late agency's cell red with its days late,
 * sends a reminder from the page, and the mail arrives (GreenMail). An agency's officer gets the refusal.
 */
// a database of its own: the inbox it reads in the browser must hold this test's tasks only, not other classes'
@org.springframework.test.annotation.DirtiesContext(
    classMode = org.springframework.test.annotation.DirtiesContext.ClassMode.BEFORE_CLASS)
@Chromium.Required
class MonitorBrowserTest extends ApiTestSupport {

  static final String PLAN = "99/KH-UBND";
  static final int SMTP_PORT = freePort();
  static GreenMail smtp;

  WebDriver browser;

  @DynamicPropertySource
  static void mail(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> SMTP_PORT);
  }

  @BeforeAll
  static void startSmtp() {
    smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
  }

  @AfterAll
  static void stopSmtp() {
    smtp.stop();
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void login(String user) {
    browser.get("http://localhost:" + port + "/camunda/app/welcome/default/");
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    WebElement name = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model=username]")));
    name.sendKeys(user);
    browser.findElement(By.cssSelector("input[type=password]")).sendKeys(PASSWORD);
    browser.findElement(By.cssSelector("button[type=submit]")).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[ng-model=username]")));
  }

  long issuePlanWithALateAgency() {
    setClock(LocalDateTime.of(2023, 6, 1, 8, 30));
    Response registered = call("ptmcb", "POST", "/api/plans", Map.of(
        "planNumber", PLAN, "planTitle", "Kế hoạch kiểm thử trên trình duyệt", "issueDate", "2023-05-31",
        "subPlanDeadline", "2023-06-09",
        "assignments", List.of("SYT", "STP").stream().map(code -> Map.of("targetType", "AGENCY", "target", code,
            "role", "LEAD", "duty", "Thực hiện kế hoạch.")).toList(),
        "reportingPeriods", List.of(Map.of("label", "06 tháng", "dueDate", "2023-07-03")),
        "indicators", List.of(Map.of("name", "Số buổi tuyên truyền", "unit", "buổi", "target", 20)),
        "recipients", List.of("UBND tỉnh"), "yearEndCommendation", false));
    assertThat(registered.status()).as(registered.text()).isEqualTo(201);
    submit("ubndtld", awaitTask("ubndtld", PlanLifecycleProcess.TASK_APPROVE_ISSUANCE, PLAN, null),
        vars("issuanceApproved", true));
    awaitTasks("admin", SubPlanProcess.TASK_DRAFT_SUB_PLAN, PLAN, null, 2);
    submit("sytcb", awaitTask("sytcb", SubPlanProcess.TASK_DRAFT_SUB_PLAN, PLAN, null),
        vars("subPlanDocumentNumber", "1/KH-SYT", "subPlanDocumentDate", "2023-06-01", "subPlanSummary", "Nội dung."));
    submit("sytld", awaitTask("sytld", SubPlanProcess.TASK_APPROVE_SUB_PLAN, PLAN, null),
        vars("subPlanHeadApproved", true));
    // due Friday 09/06; Wednesday 14/06 is 3 working days late
    setClock(LocalDateTime.of(2023, 6, 14, 9, 0));
    return registered.json().get("planId").asLong();
  }

  @Test
  void theSecretariatSeesTheLateAgencyInRedAndRemindsItFromThePage() throws Exception {
    long planId = issuePlanWithALateAgency();
    browser = Chromium.start("vi");
    login("ptmcb");
    browser.get("http://localhost:" + port + "/monitor/");
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    WebElement plan = wait.until(ExpectedConditions.elementToBeClickable(
        By.cssSelector("tr.plan[data-plan-id='" + planId + "']")));
    assertThat(plan.getText()).contains(PLAN);
    plan.click();

    By lateCell = By.cssSelector("td.cell[data-agency='STP'][data-step='SUB_PLAN']");
    WebElement cell = wait.until(ExpectedConditions.visibilityOfElementLocated(lateCell));
    assertThat(cell.getAttribute("class")).contains("state-OVERDUE");
    assertThat(cell.getText()).contains("Quá hạn 3 ngày");
    assertThat(cell.getCssValue("background-color")).isEqualTo("rgba(239, 154, 154, 1)");
    assertThat(browser.findElement(By.cssSelector("#matrix tbody tr")).getAttribute("data-agency"))
        .as("the late agency first").isEqualTo("STP");
    assertThat(browser.findElement(By.cssSelector("td.cell[data-agency='SYT'][data-step='SUB_PLAN']"))
        .getAttribute("class")).contains("state-DONE_ON_TIME");
    screenshot("monitor-matrix.png");

    smtp.reset();
    cell.findElement(By.cssSelector("button.cell-actions")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("action-remind"))).click();
    wait.until(ExpectedConditions.textMatches(By.id("action-result"), java.util.regex.Pattern.compile("Đã gửi nhắc việc.*")));
    screenshot("monitor-reminded.png");
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(reminders())
        .extracting(m -> m.getAllRecipients()[0].toString()).contains("stpcb@sonla.pcmt.example"));
    assertThat(GreenMailUtil.getBody(reminders().get(0))).contains("ptmcb");
    // the page shows the action in the cell's history
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("panel-history"), "Nhắc việc"));
  }

  @Test
  void anAgencyOfficerIsRefused() {
    browser = Chromium.start("vi");
    login("sytcb");
    browser.get("http://localhost:" + port + "/monitor/");
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    WebElement notice = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("notice")));
    assertThat(notice.getText()).contains("Không có quyền truy cập").contains("sytcb");
    Object status = ((JavascriptExecutor) browser).executeAsyncScript("var done = arguments[arguments.length - 1];"
        + "fetch('/api/monitor/plans', {credentials: 'same-origin'}).then(function (r) { done(r.status); });");
    assertThat(((Number) status).intValue()).isEqualTo(403);
  }

  List<MimeMessage> reminders() throws Exception {
    return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
      try {
        return m.getSubject().startsWith("[Nhắc việc]") && GreenMailUtil.getBody(m).contains("ptmcb");
      } catch (Exception e) {
        return false;
      }
    }).toList();
  }

  void screenshot(String name) throws IOException {
    Path target = Path.of("target", name);
    Files.write(target, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }
}
