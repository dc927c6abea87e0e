package vn.pcmt.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;

import vn.pcmt.ApiTestSupport;
import vn.pcmt.Chromium;
import vn.pcmt.plan.PlanLifecycleProcess;

/**
 * The report form in Tasklist (headless Chromium): each indicator's row shows the inputs of its kind, as form-js
 * decides from the row's {@code hide} conditions: one number for a count, numerator and denominator for a percentage,
 * Đạt / Không đạt for a criterion. What the officer enters there is what the server keeps; a numerator above its
 * denominator is refused in the server's words. A screenshot of the filled form goes to
 * target/report-form-browser.png.
 */
@Chromium.Required
class ReportFormBrowserTest extends ApiTestSupport {

  static final String PLAN = "134/KH-UBND";
  static final Duration WAIT = Duration.ofSeconds(60);

  WebDriver browser;
  WebDriverWait wait;

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void eachIndicatorShowsTheInputsOfItsKind() throws Exception {
    setClock(LocalDateTime.of(2023, 6, 1, 8, 30));
    Response registered = call(officer("PTM"), "POST", "/api/plans", Map.of(
        "planNumber", PLAN, "planTitle", "Kế hoạch kiểm thử biểu mẫu báo cáo", "issueDate", "2023-05-31",
        "assignments", List.of(Map.of("targetType", "AGENCY", "target", "SYT", "role", "LEAD", "duty", "Chủ trì.")),
        "reportingPeriods", List.of(Map.of("label", "Tháng hành động", "dueDate", "2023-07-03")),
        "indicators", List.of(
            Map.of("name", "Số buổi tuyên truyền", "unit", "buổi", "target", 20),
            Map.of("name", "Hộ gia đình ký cam kết", "unit", "%", "kind", "PERCENTAGE", "target", 100),
            Map.of("name", "Có hòm thư tố giác ở mỗi tổ dân phố", "kind", "CRITERION")),
        "yearEndCommendation", false));
    assertThat(registered.status()).as(registered.text()).isEqualTo(201);
    submit(head("UBNDT"), awaitTask(head("UBNDT"), PlanLifecycleProcess.TASK_APPROVE_ISSUANCE, PLAN, null),
        vars("issuanceApproved", true));
    setClock(LocalDateTime.of(2023, 6, 28, 9, 0));
    String draftId = awaitTask(officer("SYT"), AgencyReportProcess.TASK_DRAFT_REPORT, PLAN, null).get("id").asText();

    browser = Chromium.start("vi-VN");
    wait = new WebDriverWait(browser, WAIT);
    login("sytcb");
    browser.get(tasklist("#/?task=" + draftId));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-container")));
    click(By.cssSelector("button.claim"));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button.claim")));

    // row 1 a count, row 2 a percentage, row 3 a criterion: each with its own inputs only
    wait.until(driver -> inputs("Field_figureNumerator").size() == 1);
    assertThat(inputs("Field_figureValue")).hasSize(1);
    assertThat(inputs("Field_figureDenominator")).hasSize(1);
    assertThat(browser.findElements(By.xpath("//*[contains(@class,'fjs-container')]"
        + "//label[normalize-space()='Không đạt']"))).hasSize(1);
    assertThat(inputs("Field_figureTargetText")).extracting(input -> input.getAttribute("value"))
        .containsExactly("Tối thiểu 20 buổi", "Tối thiểu 100%", "Tất cả cơ quan đạt");

    type("Field_reportNarrative", "Đã tổ chức 12 buổi tuyên truyền.");
    type("Field_figureValue_0", "12");
    type("Field_figureNumerator_1", "45");
    type("Field_figureDenominator_1", "40");
    click(By.xpath("//*[contains(@class,'fjs-container')]//label[normalize-space()='Không đạt']"));
    screenshot("report-form-browser");
    click(By.cssSelector("button[ng-click='complete()']"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//*[contains(@class,'page-notifications')]"
        + "//*[contains(normalize-space(),'không được lớn hơn tổng số (40)')]")));

    type("Field_figureDenominator_1", "50");
    // leaving the field is when form-js takes its value
    click(By.cssSelector(".fjs-container [id$='-Field_figureNumerator_1']"));
    // the refusal's notice lies over the form's buttons: the button is pressed where it is
    WebElement complete = wait.until(ExpectedConditions.elementToBeClickable(
        By.cssSelector("button[ng-click='complete()']")));
    ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].click();", complete);
    JsonNode approval = awaitTask(head("SYT"), AgencyReportProcess.TASK_APPROVE_REPORT, PLAN, null);
    JsonNode rows = jsonVariable(head("SYT"), approval, AgencyReportProcess.INDICATOR_FIGURES.name());
    assertThat(rows.get(0).get("value").asDouble()).isEqualTo(12.0);
    assertThat(rows.get(1).get("numerator").asDouble()).isEqualTo(45.0);
    assertThat(rows.get(1).get("denominator").asDouble()).isEqualTo(50.0);
    assertThat(rows.get(1).path("value").isMissingNode() || rows.get(1).get("value").isNull())
        .as("a hidden input is not submitted").isTrue();
    assertThat(rows.get(2).get("met").asBoolean()).isFalse();
  }

  /** The visible inputs of a field of the report form's rows, in row order. */
  private List<WebElement> inputs(String fieldId) {
    return browser.findElements(By.cssSelector(".fjs-container input[id*='-" + fieldId + "']")).stream()
        .filter(WebElement::isDisplayed).toList();
  }

  /** Types into a form field (its id ends with the component id and, in a list, the row), again if re-rendered. */
  private void type(String id, String text) {
    By field = By.cssSelector(".fjs-container [id$='-" + id + "']");
    wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(driver -> {
      WebElement input = driver.findElement(field);
      if (!text.equals(input.getAttribute("value"))) {
        input.clear();
        input.sendKeys(text);
      }
      return text.equals(driver.findElement(field).getAttribute("value"));
    });
  }

  private void login(String user) {
    browser.get(tasklist(""));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form[name=signinForm] input[type=text]")));
    browser.findElement(By.cssSelector("form[name=signinForm] input[type=text]")).sendKeys(user);
    browser.findElement(By.cssSelector("form[name=signinForm] input[type=password]")).sendKeys(PASSWORD);
    browser.findElement(By.cssSelector("form[name=signinForm] button[type=submit]")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[cam-widget-header] li.account")));
  }

  /** Clicks the element once clickable, scrolled to the middle of the view (Tasklist's footer covers the bottom). */
  private void click(By target) {
    wait.ignoring(org.openqa.selenium.ElementClickInterceptedException.class).until(driver -> {
      WebElement element = wait.until(ExpectedConditions.elementToBeClickable(target));
      ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
          "arguments[0].scrollIntoView({block: 'center'});", element);
      element.click();
      return true;
    });
  }

  private String tasklist(String fragment) {
    return "http://localhost:" + port + "/camunda/app/tasklist/default/" + fragment;
  }

  private void screenshot(String name) throws java.io.IOException {
    Files.write(Path.of("target", name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    Files.writeString(Path.of("target", name + ".html"), browser.getPageSource());
  }
}
