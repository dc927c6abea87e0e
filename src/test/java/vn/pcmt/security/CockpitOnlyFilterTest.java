package vn.pcmt.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The calls {@link CockpitOnlyFilter} keeps for Cockpit's users, on both routes into the engine's REST API. */
class CockpitOnlyFilterTest {

  static boolean statistics(String path) {
    return CockpitOnlyFilter.STATISTICS.matcher(path).matches();
  }

  static boolean metrics(String path) {
    return CockpitOnlyFilter.METRICS.matcher(path).matches();
  }

  @Test
  void statisticsOfEveryDefinitionOrOneAreKept() {
    assertThat(statistics("/engine-rest/process-definition/statistics")).isTrue();
    assertThat(statistics("/engine-rest/process-definition/agency-sub-plan:1:abc/statistics")).isTrue();
    assertThat(statistics("/engine-rest/process-definition/key/agency-sub-plan/statistics/")).isTrue();
    assertThat(statistics("/engine-rest/history/process-definition/agency-sub-plan:1:abc/statistics")).isTrue();
    assertThat(statistics("/camunda/api/engine/engine/default/process-definition/statistics")).isTrue();
    assertThat(statistics("/camunda/api/cockpit/plugin/base/default/process-definition/statistics-count")).isTrue();
    assertThat(statistics("/engine-rest/process-definition/key/agency-sub-plan/xml")).isFalse();
    assertThat(statistics("/engine-rest/process-definition")).isFalse();
  }

  @Test
  void metricsAreKeptButNotATaskOfThatName() {
    assertThat(metrics("/engine-rest/metrics")).isTrue();
    assertThat(metrics("/engine-rest/metrics/activity-instance-start/sum")).isTrue();
    assertThat(metrics("/engine-rest/engine/default/metrics/task-users")).isTrue();
    assertThat(metrics("/camunda/api/engine/engine/default/metrics/activity-instance-start/sum")).isTrue();
    assertThat(metrics("/engine-rest/task/metrics/variables")).isFalse();
  }
}
