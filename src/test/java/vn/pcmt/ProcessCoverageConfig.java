package vn.pcmt;

import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Process test coverage of the process tests ({@link ProcessTestSupport} imports it; the other test contexts keep the
 * starter's defaults). The starter measures each test class as a suite: after the class it writes
 * target/process-test-coverage/&lt;class&gt;/report.json and fails the class when the coverage of the diagrams the class
 * ran (flow nodes and sequence flows passed, over all elements of those diagrams) is below the threshold.
 *
 * <p>Running a single test method covers less: {@code -Dpcmt.process-coverage.class-at-least=0} turns the check off
 * for such a run.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ProcessCoverageConfig {

  /**
   * The tests take every path of every diagram (1.0 for each class; 0.99 for PlanLifecycleProcessTest, which runs the
   * called diagrams too and cuts the proposals off rather than waiting for all of them); the margin leaves room for
   * the odd flow a diagram change adds before its test.
   */
  public static final String CLASS_COVERAGE_AT_LEAST = "0.95";

  @Bean
  ProcessEngineCoverageProperties processEngineCoverageProperties(
      @Value("${pcmt.process-coverage.class-at-least:" + CLASS_COVERAGE_AT_LEAST + "}") double atLeast) {
    return ProcessEngineCoverageProperties.builder().assertClassCoverageAtLeast(atLeast).build();
  }
}
