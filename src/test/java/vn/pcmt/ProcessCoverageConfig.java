package vn.pcmt;

import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Process test coverage of the process tests ({@link ProcessTestSupport} imports it; other test contexts keep the
 * starter's defaults). The starter measures every test class as a suite; after each class it writes
 * target/process-test-coverage/&lt;class&gt;/report.json and fails the class when the coverage of the diagrams the
 * class ran (flow nodes and sequence flows passed, over all elements of those diagrams) is below the threshold.
 * {@code -Dorg.camunda.community.process_test_coverage.ASSERT_AT_LEAST=0.95} adds a stricter check for one build.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ProcessCoverageConfig {

  /** Every path of every diagram is tested; the margin leaves room for one flow a diagram change adds. */
  public static final double CLASS_COVERAGE_AT_LEAST = 0.9;

  @Bean
  ProcessEngineCoverageProperties processEngineCoverageProperties() {
    return ProcessEngineCoverageProperties.builder()
        .assertClassCoverageAtLeast(CLASS_COVERAGE_AT_LEAST)
        .build();
  }
}
