package vn.pcmt;

import java.io.File;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Browser tests run in Debian's headless Chromium through its chromedriver. On a machine with only Java and Maven
 * (the README's prerequisites) they are skipped with one line saying how to enable them; {@code .ci/run} sets
 * {@code PCMT_BROWSER_TESTS=required}, which turns a missing browser into a failure instead of a skip.
 */
public final class Chromium {

  private Chromium() {
  }

  /** On a browser test class: runs it where Chromium is, skips it with one line (or fails it, when required). */
  @Target(ElementType.TYPE)
  @Retention(RetentionPolicy.RUNTIME)
  @ExtendWith(Chromium.Condition.class)
  public @interface Required {
  }

  /** Where Debian installs them; {@code -Dpcmt.chromium=…}, {@code -Dpcmt.chromedriver=…} point elsewhere. */
  public static File binary() {
    return new File(System.getProperty("pcmt.chromium", "/usr/bin/chromium"));
  }

  public static File driver() {
    return new File(System.getProperty("pcmt.chromedriver", "/usr/bin/chromedriver"));
  }

  /** Headless Chromium with the flags this project uses everywhere, the browser's own language as given. */
  public static WebDriver start(String language) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(binary());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-dev-shm-usage", "--window-size=1400,1000", "--lang=" + language);
    return new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(driver()).build(), options);
  }

  /** Enables the class when both programs are there; skips it (or fails it, when required) otherwise. */
  public static final class Condition implements ExecutionCondition {

    static final String REQUIRED = "PCMT_BROWSER_TESTS";
    private static final AtomicBoolean TOLD = new AtomicBoolean();

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      if (binary().canExecute() && driver().canExecute()) {
        return ConditionEvaluationResult.enabled("Chromium and chromedriver found");
      }
      String missing = binary() + " or " + driver() + " is missing; to run them: apt-get install chromium "
          + "chromium-driver (Debian), or point -Dpcmt.chromium=… -Dpcmt.chromedriver=… at them";
      if ("required".equalsIgnoreCase(System.getenv(REQUIRED))
          || "required".equalsIgnoreCase(System.getProperty("pcmt.browser-tests"))) {
        throw new IllegalStateException(REQUIRED + "=required and the browser tests cannot run: " + missing);
      }
      if (TOLD.compareAndSet(false, true)) {
        System.out.println("Browser tests skipped: " + missing);
      }
      return ConditionEvaluationResult.disabled("Browser tests skipped: " + missing);
    }
  }
}
