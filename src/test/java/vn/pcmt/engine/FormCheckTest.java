package vn.pcmt.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import vn.pcmt.engine.InvalidFormDataException.FieldError;

/** The form files' rules as the server applies them: what form-js checks in Tasklist, and the values' types. */
class FormCheckTest {

  @Test
  void aReasonIsRequiredOnlyWhenTheFormShowsItThatIsWhenReturning() throws IOException {
    FormFile form = formFile("approve-issuance");
    assertThat(check(form, data())).extracting(FieldError::field, FieldError::message)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("issuanceApproved",
            "Trường 'Ý kiến phê duyệt' là bắt buộc."));
    assertThat(check(form, data("issuanceApproved", false))).extracting(FieldError::field, FieldError::message)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("issuanceComment", "Trường 'Ý kiến' là bắt buộc."));
    assertThat(check(form, data("issuanceApproved", false, "issuanceComment", "   ")))
        .extracting(FieldError::message).as("only spaces is empty").containsExactly("Trường 'Ý kiến' là bắt buộc.");
    assertThat(check(form, data("issuanceApproved", true))).as("hidden when approving: not required").isEmpty();
    assertThat(check(form, data("issuanceApproved", true, "issuanceComment", "x".repeat(5000))))
        .as("a hidden field is not checked at all, as in form-js").isEmpty();
    assertThat(check(form, data("issuanceApproved", false, "issuanceComment", "Sửa hạn.", "planNumber", "1/KH")))
        .isEmpty();
    assertThat(check(form, data("issuanceApproved", false, "issuanceComment", "x".repeat(2001))))
        .extracting(FieldError::message).containsExactly("Trường 'Ý kiến' dài quá 2000 ký tự (hiện có 2001).");
    assertThat(check(form, data("issuanceApproved", "true"))).extracting(FieldError::message)
        .as("the radio's values are booleans").contains(
            "Trường 'Ý kiến phê duyệt': giá trị 'true' không có trong danh sách chọn.");
  }

  @Test
  void fieldsInsideADynamicListAreCheckedPerRowWithThisBeingTheRow() throws IOException {
    FormFile form = formFile("appraise-commendations");
    Map<String, Object> recommended = row("name", "Khoa Điều trị", "kind", "COLLECTIVE", "recommended", true);
    Map<String, Object> notRecommended = row("name", "Đại úy A", "kind", "INDIVIDUAL", "recommended", false);
    assertThat(check(form, data("commendationDossier", List.of(notRecommended, recommended))))
        .extracting(FieldError::field, FieldError::message)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("commendationDossier[1].awardForm",
            "Dòng 2 của 'Hồ sơ đề nghị khen thưởng': trường 'Hình thức khen thưởng' là bắt buộc."));
    recommended.put("awardForm", "HUAN_CHUONG");
    assertThat(check(form, data("commendationDossier", List.of(recommended)))).extracting(FieldError::message)
        .containsExactly("Dòng 1 của 'Hồ sơ đề nghị khen thưởng': trường 'Hình thức khen thưởng': giá trị"
            + " 'HUAN_CHUONG' không có trong danh sách chọn.");
    recommended.put("awardForm", "BANG_KHEN");
    assertThat(check(form, data("commendationDossier", List.of(recommended, notRecommended)))).isEmpty();
    assertThat(check(form, data("commendationDossier", "không phải danh sách"))).extracting(FieldError::message)
        .containsExactly("Trường 'Hồ sơ đề nghị khen thưởng' phải là một danh sách.");
    assertThat(check(form, data("commendationDossier", List.of("dòng")))).extracting(FieldError::field)
        .containsExactly("commendationDossier[0]");
  }

  @Test
  void numbersKeepTheirLimitsDecimalsAndSteps() {
    FormFile form = inline("""
        {"type": "number", "key": "n", "label": "Số buổi",
         "validate": {"required": true, "min": 0, "max": "=limit"}, "decimalDigits": 0, "increment": 2}""");
    assertThat(messages(form, data("n", -2, "limit", 10))).containsExactly("Trường 'Số buổi' không được nhỏ hơn 0.");
    assertThat(messages(form, data("n", 12, "limit", 10))).as("max from FEEL")
        .containsExactly("Trường 'Số buổi' không được lớn hơn 10.");
    assertThat(messages(form, data("n", 1.5, "limit", 10))).containsExactly("Trường 'Số buổi' phải là số nguyên.",
        "Trường 'Số buổi' phải là bội của 2; hai giá trị hợp lệ gần nhất là 0 và 2.");
    assertThat(messages(form, data("n", 0, "limit", 10))).as("zero is a value").isEmpty();
    assertThat(messages(form, data("n", "4", "limit", 10))).as("a text is no number")
        .containsExactly("Trường 'Số buổi': '4' không phải là số.");
    assertThat(messages(form, data("n", null))).containsExactly("Trường 'Số buổi' là bắt buộc.");

    FormFile asText = inline("""
        {"type": "number", "key": "n", "label": "Mục tiêu", "serializeToString": true, "decimalDigits": 2,
         "validate": {"min": 1}}""");
    assertThat(messages(asText, data("n", "4.25"))).isEmpty();
    assertThat(messages(asText, data("n", "0.125"))).containsExactly(
        "Trường 'Mục tiêu' chỉ được có tối đa 2 chữ số thập phân.", "Trường 'Mục tiêu' không được nhỏ hơn 1.");
    assertThat(messages(asText, data("n", "abc"))).containsExactly("Trường 'Mục tiêu': 'abc' không phải là số.");
  }

  @Test
  void textsKeepTheirPatternLengthsAndTypes() {
    FormFile form = inline("""
        {"type": "textfield", "key": "so", "label": "Số, ký hiệu", "description": "Ví dụ: 23/KH-UBND",
         "validate": {"pattern": "^\\\\d+/KH-[A-Z]+$", "minLength": 6, "maxLength": 12}},
        {"type": "textfield", "key": "mail", "label": "Thư điện tử", "validate": {"validationType": "email"}},
        {"type": "textfield", "key": "phone", "label": "Điện thoại", "validate": {"validationType": "phone"}}""");
    assertThat(messages(form, data("so", "23/KH-UBND", "mail", "a@b.vn", "phone", "+84912345678"))).isEmpty();
    assertThat(messages(form, data("so", "23-KH"))).containsExactly(
        "Trường 'Số, ký hiệu' không đúng định dạng (Ví dụ: 23/KH-UBND).",
        "Trường 'Số, ký hiệu' phải có ít nhất 6 ký tự.");
    assertThat(messages(form, data("so", "12345/KH-UBNDT"))).containsExactly(
        "Trường 'Số, ký hiệu' dài quá 12 ký tự (hiện có 14).");
    assertThat(messages(form, data("so", 23))).containsExactly("Trường 'Số, ký hiệu' phải là văn bản.");
    assertThat(messages(form, data("mail", "a@", "phone", "0912345678"))).containsExactly(
        "Trường 'Thư điện tử' phải là một địa chỉ thư điện tử hợp lệ.",
        "Trường 'Điện thoại' phải là số điện thoại có mã quốc gia (ví dụ +84912345678).");
  }

  @Test
  void optionsComeFromTheFormAVariableOrAnExpression() {
    FormFile form = inline("""
        {"type": "select", "key": "role", "label": "Vai trò", "values": [{"label": "Chủ trì", "value": "LEAD"}]},
        {"type": "radio", "key": "agency", "label": "Cơ quan", "valuesKey": "agencies"},
        {"type": "checklist", "key": "days", "label": "Ngày", "valuesExpression": "=[1, 2, 3]",
         "validate": {"required": true}},
        {"type": "taglist", "key": "tags", "label": "Nhãn", "values": [{"label": "A", "value": "A"}]}""");
    Map<String, Object> valid = data("role", "LEAD", "agency", "SYT", "agencies",
        List.of(Map.of("label", "Sở Y tế", "value", "SYT"), "CAT"), "days", List.of(1, 3), "tags", List.of("A"));
    assertThat(messages(form, valid)).isEmpty();
    valid.putAll(data("role", "COORDINATING", "agency", "SXD", "days", List.of(4), "tags", "A"));
    assertThat(messages(form, valid)).containsExactly(
        "Trường 'Vai trò': giá trị 'COORDINATING' không có trong danh sách chọn.",
        "Trường 'Cơ quan': giá trị 'SXD' không có trong danh sách chọn.",
        "Trường 'Ngày': giá trị '4' không có trong danh sách chọn.",
        "Trường 'Nhãn' phải là một danh sách các lựa chọn.");
    valid.put("days", List.of());
    assertThat(messages(form, valid)).contains("Trường 'Ngày' là bắt buộc.");
  }

  @Test
  void datesTimesAndCheckboxesHaveTheirFormats() {
    FormFile form = inline("""
        {"type": "datetime", "subtype": "date", "key": "d", "dateLabel": "Ngày ban hành"},
        {"type": "datetime", "subtype": "time", "key": "t", "timeLabel": "Giờ họp"},
        {"type": "datetime", "subtype": "datetime", "key": "dt", "dateLabel": "Lúc"},
        {"type": "checkbox", "key": "ok", "label": "Đồng ý", "validate": {"required": true}}""");
    assertThat(messages(form, data("d", "2024-02-29", "t", "08:30", "dt", "2024-03-01T08:30+07:00", "ok", true)))
        .isEmpty();
    assertThat(messages(form, data("d", "30/02/2024", "t", "25:00", "dt", "2024-03-01", "ok", false))).containsExactly(
        "Trường 'Ngày ban hành': '30/02/2024' không phải là ngày hợp lệ (định dạng năm-tháng-ngày).",
        "Trường 'Giờ họp': '25:00' không phải là giờ hợp lệ (định dạng giờ:phút).",
        "Trường 'Lúc': '2024-03-01' không phải là ngày giờ hợp lệ (định dạng năm-tháng-ngàyTgiờ:phút).",
        "Trường 'Đồng ý' là bắt buộc.");
    assertThat(messages(form, data("ok", "yes"))).containsExactly(
        "Trường 'Đồng ý': giá trị 'yes' không hợp lệ (chỉ có đúng/sai).");
  }

  @Test
  void disabledAndHiddenContainersAndGroupPathsAreFollowed() {
    FormFile form = inline("""
        {"type": "textfield", "key": "locked", "label": "Khóa", "disabled": true, "validate": {"required": true}},
        {"type": "group", "path": "address", "label": "Địa chỉ", "conditional": {"hide": "=noAddress"},
         "components": [{"type": "textfield", "key": "street", "label": "Đường", "validate": {"required": true}}]},
        {"type": "group", "label": "Không có đường dẫn",
         "components": [{"type": "textfield", "key": "a.b", "label": "Lồng", "validate": {"required": true}}]},
        {"type": "text", "text": "chỉ để đọc"}, {"type": "table", "label": "Bảng", "dataSource": "=rows"}""");
    assertThat(check(form, data())).extracting(FieldError::field).containsExactly("address.street", "a.b");
    assertThat(check(form, data("noAddress", true, "a", Map.of("b", "x")))).isEmpty();
  }

  @Test
  void aFormTheServerCannotReadIsRefusedWithTheReason() {
    assertThatThrownBy(() -> inline("""
        {"type": "textarea", "id": "Field_x", "key": "x", "conditional": {"hide": "=a !=="}}"""))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trường 'Field_x'")
        .hasMessageContaining("biểu thức FEEL '=a !==' viết sai");
    assertThatThrownBy(() -> inline("""
        {"type": "textfield", "id": "Field_y", "key": "y", "validate": {"pattern": "[a-"}}"""))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mẫu (pattern) '[a-' viết sai");
    assertThatThrownBy(() -> FormFile.parse("không phải JSON".getBytes()))
        .hasMessageContaining("không phải JSON hợp lệ");
  }

  @Test
  void everyFormOfTheApplicationIsReadable() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("forms"))) {
      List<Path> forms = files.filter(f -> f.toString().endsWith(".form")).toList();
      assertThat(forms).isNotEmpty();
      for (Path file : forms) {
        assertThat(FormFile.parse(Files.readAllBytes(file)).id()).as(file.toString())
            .isEqualTo(file.getFileName().toString().replace(".form", ""));
      }
    }
  }

  private static List<FieldError> check(FormFile form, Map<String, Object> data) {
    return FormCheck.check(form, data);
  }

  private static List<String> messages(FormFile form, Map<String, Object> data) {
    return check(form, data).stream().map(FieldError::message).toList();
  }

  private static FormFile formFile(String id) throws IOException {
    return FormFile.parse(Files.readAllBytes(Path.of("forms", id + ".form")));
  }

  private static FormFile inline(String components) {
    return FormFile.parse(("{\"id\": \"test\", \"components\": [" + components + "]}").getBytes());
  }

  private static Map<String, Object> data(Object... namesAndValues) {
    Map<String, Object> data = new HashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      data.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return data;
  }

  private static Map<String, Object> row(Object... namesAndValues) {
    return data(namesAndValues);
  }
}
