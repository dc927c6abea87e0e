package vn.pcmt.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The shipped templates render into the message an agency receives: a subject line, a plain-text body and an HTML
 * body, with nothing of the template syntax left over. Whoever edits the wording runs this test.
 */
class MailTemplatesTest {

  static final NotificationProperties PROPERTIES = new NotificationProperties("Hệ thống <a@b.example>",
      "classpath:/templates/mail/", false, Duration.ofSeconds(30), 100, Duration.ofMinutes(2), null,
      new NotificationProperties.Retry(Duration.ofMinutes(1), 2.0, Duration.ofHours(1), 12));

  final MailTemplates templates = new MailTemplates(new GenericApplicationContext(), PROPERTIES);

  static Map<String, Object> values() {
    Map<String, Object> values = new HashMap<>();
    values.put("taskName", "Xây dựng kế hoạch triển khai");
    values.put("planNumber", "23/KH-UBND");
    values.put("planTitle", "Thực hiện công tác phòng, chống ma túy & tội phạm năm 2023");
    values.put("agencyName", "Sở Y tế tỉnh Sơn La");
    values.put("dueDate", "15/02/2023");
    values.put("deadlinePhrase", "trước ngày 15/02/2023");
    values.put("description", "Chuyên viên cơ quan soạn kế hoạch triển khai và trình lãnh đạo cơ quan.");
    values.put("taskLink", "http://localhost:8080/camunda/app/tasklist/default/#/?task=abc-123");
    return values;
  }

  @Test
  void taskAssignedHasTheSubjectOfficialsExpectAndBothBodies() {
    MailTemplates.Rendered mail = templates.render(MessageKind.TASK_ASSIGNED, values());

    assertThat(mail.subject())
        .isEqualTo("[Việc mới] Xây dựng kế hoạch triển khai – Kế hoạch 23/KH-UBND – hạn 15/02/2023");
    assertThat(mail.text()).startsWith("Kính gửi: Sở Y tế tỉnh Sơn La\n")
        .contains("Kế hoạch:   23/KH-UBND – Thực hiện công tác phòng, chống ma túy & tội phạm năm 2023\n")
        .contains("Việc:       Xây dựng kế hoạch triển khai\n")
        .contains("Hạn xử lý:  15/02/2023 (kế hoạch quy định: trước ngày 15/02/2023)\n")
        .contains("Mở việc trên Tasklist: http://localhost:8080/camunda/app/tasklist/default/#/?task=abc-123\n")
        .doesNotContain("Kỳ báo cáo", "[#", "[(", "/*[-", "Tiêu đề");
    assertThat(mail.html()).contains("<strong>Sở Y tế tỉnh Sơn La</strong>")
        .contains("phòng, chống ma túy &amp; tội phạm")
        .contains("href=\"http://localhost:8080/camunda/app/tasklist/default/#/?task=abc-123\"")
        .doesNotContain("th:", "Kỳ báo cáo", "Các giá trị có thể dùng");
    System.out.println(mail.subject() + "\n\n" + mail.text());
  }

  @Test
  void aTaskWithoutDueDateOrDescriptionLeavesThoseLinesOut() {
    Map<String, Object> values = values();
    values.put("dueDate", null);
    values.put("deadlinePhrase", null);
    values.put("description", null);
    values.put("periodLabel", "Quý I");

    MailTemplates.Rendered mail = templates.render(MessageKind.TASK_ASSIGNED, values);

    assertThat(mail.subject()).isEqualTo("[Việc mới] Xây dựng kế hoạch triển khai – Kế hoạch 23/KH-UBND");
    assertThat(mail.text()).contains("Kỳ báo cáo: Quý I\n").doesNotContain("Hạn xử lý", "quy định");
    assertThat(mail.html()).contains("Quý I").doesNotContain("Hạn xử lý");
  }
}
