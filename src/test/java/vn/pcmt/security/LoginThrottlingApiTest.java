package vn.pcmt.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

import vn.pcmt.ApiTestSupport;

/**
 * Password guessing over HTTP Basic (the webapps' login goes through the same engine check): each failure makes the
 * user wait longer, even with the right password; ten failures in a row lock the user until an administrator
 * unlocks it. The webapps set their session and CSRF cookies HttpOnly and SameSite.
 */
class LoginThrottlingApiTest extends ApiTestSupport {

  static final String USER = "stpcb";

  int status(String user, String password) {
    return callAs(user, password, "GET", "/engine-rest/task/count", null).status();
  }

  @Test
  void guessingIsSlowedThenLockedUntilAnAdministratorUnlocks() {
    LocalDateTime now = LocalDateTime.of(2024, 3, 4, 9, 0);
    setClock(now);
    assertThat(status(USER, "demo")).isEqualTo(200);
    assertThat(status(USER, "sai-mat-khau")).isEqualTo(401);
    assertThat(status(USER, "demo")).as("the right password, but within the delay").isEqualTo(401);
    setClock(now.plusSeconds(4));
    assertThat(status(USER, "demo")).as("after the delay").isEqualTo(200);

    for (int attempt = 1; attempt <= 10; attempt++) {
      now = now.plusMinutes(2);
      setClock(now);
      assertThat(status(USER, "doan-" + attempt)).isEqualTo(401);
    }
    setClock(now.plusHours(5));
    assertThat(status(USER, "demo")).as("locked after 10 failures").isEqualTo(401);
    assertThat(callAs("admin", "demo", "POST", "/engine-rest/user/" + USER + "/unlock", null).status())
        .isEqualTo(204);
    assertThat(status(USER, "demo")).isEqualTo(200);
  }

  @Test
  void theWebappsCookiesAreHttpOnlyAndSameSite() {
    Response page = callAs(null, null, "GET", "/camunda/app/tasklist/default/", null);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.headers("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie).startsWith("XSRF-TOKEN=")
        .contains("SameSite=Lax"));
    assertThat(page.headers("X-Content-Type-Options")).containsExactly("nosniff");
  }
}
