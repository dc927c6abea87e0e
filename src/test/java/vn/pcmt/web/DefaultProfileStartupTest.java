package vn.pcmt.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The application as the README's first command starts it: the default profile, with the demo province, users and
 * the Sơn La plan in flight. Only the file database is swapped for an in-memory one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"spring.datasource.url=jdbc:h2:mem:default-profile;DB_CLOSE_DELAY=-1",
        // process coverage is measured by the process tests; here the demo plan starts before any test runs
        "spring.autoconfigure.exclude="
            + "org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration"})
class DefaultProfileStartupTest {

  @LocalServerPort
  int port;

  @Autowired
  Environment environment;

  final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

  @Test
  void tasklistShowsItsLoginPageAndTheDemoPlanIsInFlight() throws Exception {
    assertThat(environment.getActiveProfiles()).isEmpty();
    assertThat(environment.getDefaultProfiles()).containsExactly("demo");

    HttpResponse<String> tasklist = http.send(HttpRequest.newBuilder(
        URI.create("http://localhost:" + port + "/camunda/app/tasklist/")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(tasklist.statusCode()).isEqualTo(200);
    assertThat(tasklist.body()).contains("<title>Camunda Tasklist</title>").contains("camunda-tasklist-bootstrap");

    HttpResponse<String> root = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(root.statusCode()).isEqualTo(200);

    // the demo plan is issued: Sở Y tế's officer has its sub-plan task
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
      HttpResponse<String> tasks = http.send(HttpRequest.newBuilder(
          URI.create("http://localhost:" + port + "/engine-rest/task?taskDefinitionKey=Task_DraftSubPlan"))
          .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("sytcb:demo"
              .getBytes(StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(tasks.statusCode()).isEqualTo(200);
      assertThat(tasks.body()).contains("Xây dựng kế hoạch triển khai");
    });
  }
}
