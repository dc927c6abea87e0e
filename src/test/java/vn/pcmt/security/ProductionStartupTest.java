package vn.pcmt.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import vn.pcmt.PcmtApplication;

/**
 * The production profile starts only with a first administrator from the environment and a strong password; the
 * refusal says what is missing and what to do, before anything touches the database.
 */
@ExtendWith(OutputCaptureExtension.class)
class ProductionStartupTest {

  static void start(String... args) {
    new SpringApplicationBuilder(PcmtApplication.class).profiles("postgres").run(args);
  }

  @Test
  void withoutTheAdministratorVariablesTheApplicationRefusesToStart(CapturedOutput output) {
    assertThatThrownBy(() -> start("--server.port=0")).isInstanceOf(StartupRefusedException.class)
        .hasMessageContaining("Thiếu biến môi trường PCMT_ADMIN_USER")
        .hasMessageContaining("Thiếu biến môi trường PCMT_ADMIN_PASSWORD");
    assertThat(output).contains("APPLICATION FAILED TO START")
        .contains("Không khởi động: tài khoản quản trị đầu tiên chưa đạt yêu cầu")
        .contains("Đặt biến môi trường PCMT_ADMIN_USER và PCMT_ADMIN_PASSWORD");
  }

  @Test
  void aWeakPasswordIsRefusedWithItsReasons() {
    assertThatThrownBy(() -> start("--server.port=0", "--PCMT_ADMIN_USER=quantri", "--PCMT_ADMIN_PASSWORD=quantri123"))
        .isInstanceOf(StartupRefusedException.class)
        .hasMessageContaining("PCMT_ADMIN_PASSWORD quá ngắn: cần ít nhất 12 ký tự.")
        .hasMessageContaining("PCMT_ADMIN_PASSWORD không được chứa tên tài khoản.")
        .hasMessageNotContaining("Thiếu biến");
  }

  @Test
  void thePolicy() {
    assertThat(AdministratorCheck.problems("quantri", "Xk7#pq2Lm!vR9")).isEmpty();
    assertThat(AdministratorCheck.problems("quantri", "xk7#pq2lm!vr9"))
        .containsExactly("PCMT_ADMIN_PASSWORD cần có chữ hoa.");
    assertThat(AdministratorCheck.problems("quantri", "Abcdef#12345x")).contains(
        "PCMT_ADMIN_PASSWORD không được chứa dãy ký tự liền nhau dễ đoán (abcde, 12345, qwert).");
    assertThat(AdministratorCheck.problems("", "Xk7#pq2Lm!vR9"))
        .containsExactly("Thiếu biến môi trường PCMT_ADMIN_USER (tên tài khoản quản trị).");
  }
}
