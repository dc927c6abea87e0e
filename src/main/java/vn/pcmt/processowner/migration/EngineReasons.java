package vn.pcmt.processowner.migration;

import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Camunda's reasons for refusing a migration, in the process owner's words, with what to do. The engine's own sentence
 * is kept beside it in the report.
 */
final class EngineReasons {

  private record Rule(Pattern pattern, Function<Matcher, String> text) {
  }

  private static final List<Rule> RULES = List.of(
      rule("There is no migration instruction for this instance's activity", m ->
          "Phiên bản mới không có bước nào cùng mã với bước này, và tệp ánh xạ không chỉ bước này chuyển sang đâu."
              + " Cách sửa: giữ nguyên mã bước (ID) trong Modeler, hoặc thêm vào tệp ánh xạ"
              + " <mã quy trình>.migration.yaml, dưới 'map:', một dòng '<mã bước cũ>: <mã bước mới>'."),
      rule("Source activity '(.*)' does not exist", m ->
          "Tệp ánh xạ nêu bước '" + m.group(1) + "', nhưng phiên bản đang chạy không có bước này. Cách sửa: sửa mã"
              + " bên trái dấu ':' cho đúng mã bước của phiên bản cũ."),
      rule("Target activity '(.*)' does not exist", m ->
          "Tệp ánh xạ chuyển sang bước '" + m.group(1) + "', nhưng phiên bản mới không có bước này. Cách sửa: sửa mã"
              + " bên phải dấu ':' cho đúng mã bước của phiên bản mới."),
      rule("Activities have incompatible types \\((.*) is not compatible with (.*)\\)", m ->
          "Hai bước khác loại (" + kind(m.group(1)) + " không chuyển được sang " + kind(m.group(2)) + "): chỉ chuyển"
              + " được sang bước cùng loại. Cách sửa: ánh xạ sang một bước cùng loại, hoặc để các phiên bản đang ở"
              + " bước này đi hết bước rồi mới chuyển."),
      rule("There are multiple mappings for source activity id '(.*?)'.*", m ->
          "Bước '" + m.group(1) + "' được ánh xạ nhiều lần. Cách sửa: giữ một dòng cho bước này trong tệp ánh xạ."),
      rule("The source activity's event scope \\((.*)\\) must be mapped to the target activity's event scope"
          + " \\((.*)\\)", m ->
          "Sự kiện gắn với '" + m.group(1) + "' phải chuyển sang sự kiện gắn với bước mà '" + m.group(1)
              + "' chuyển sang ('" + m.group(2) + "' không phải bước đó)."),
      rule("The source activity's event scope \\((.*)\\) must be mapped but the target activity has no event scope",
          m -> "Sự kiện gắn với '" + m.group(1) + "' không còn gắn với bước nào ở phiên bản mới."),
      rule("The closest mapped ancestor '(.*)' is mapped to scope '(.*)' which is not an ancestor of target scope"
          + " '(.*)'", m ->
          "Bước nằm trong '" + m.group(1) + "', khối này chuyển sang '" + m.group(2) + "', nhưng ở phiên bản mới bước"
              + " đích nằm trong '" + m.group(3) + "'. Cách sửa: giữ bước trong cùng khối (sub-process), hoặc ánh xạ"
              + " cả khối."),
      rule("(Must map|Cannot remove) the inner activity of a multi-instance body when the body is mapped", m ->
          "Khối nhiều lượt (multi-instance) và bước bên trong nó phải được chuyển cùng nhau."),
      rule("Target activity '(.*)' is a descendant of multi-instance body '(.*)' that is not mapped from the source"
          + " process definition\\.", m ->
          "Bước '" + m.group(1) + "' nằm trong khối nhiều lượt '" + m.group(2) + "' mà phiên bản cũ không có."),
      rule("Target activity is not asyncBefore", m ->
          "Bước đang chờ chạy nền trước khi bắt đầu, nhưng ở phiên bản mới bước không còn 'Asynchronous before'."),
      rule("Target activity is not asyncAfter", m ->
          "Bước đang chờ chạy nền sau khi xong, nhưng ở phiên bản mới bước không còn 'Asynchronous after'."),
      rule("Events are not of the same type \\((.*) != (.*)\\)", m ->
          "Hai sự kiện khác loại (" + m.group(1) + " ≠ " + m.group(2) + ")."),
      rule("Cannot update event trigger because the activity does not define a persistent event trigger", m ->
          "Bước không có hẹn giờ hay sự kiện nào để tính lại. Cách sửa: bỏ 'updateEventTriggers' cho bước này."),
      rule("Conditional event has to migrate with update event trigger\\.", m ->
          "Sự kiện điều kiện chỉ chuyển được khi tính lại (updateEventTriggers: true)."),
      rule("The type of the source activity is not supported for activity instance migration", m ->
          "Camunda không chuyển được loại bước này khi đang có phiên bản dừng ở đó. Cách sửa: chờ các phiên bản đi"
              + " qua bước này rồi chuyển."),
      rule("Transition instance is assigned to .*", m ->
          "Bước đang chờ chạy nền ở một luồng không tìm thấy ở phiên bản mới."),
      rule("(Only one gateway|The target gateway|The gateway's flow scope).*", m ->
          "Cổng (gateway) của phiên bản mới không nhận được các luồng đang chờ ở cổng cũ (số luồng vào, khối chứa)."));

  private EngineReasons() {
  }

  private static Rule rule(String regex, Function<Matcher, String> text) {
    return new Rule(Pattern.compile(regex, Pattern.DOTALL), text);
  }

  /** The reason in Vietnamese; an unknown one is shown as Camunda wrote it. */
  static String explain(String engineReason) {
    String reason = engineReason == null ? "" : engineReason.strip();
    for (Rule rule : RULES) {
      Matcher matcher = rule.pattern().matcher(reason);
      if (matcher.matches()) {
        return rule.text().apply(matcher);
      }
    }
    return "Camunda từ chối: " + reason;
  }

  /** "UserTaskActivityBehavior" → "việc người làm". */
  private static String kind(String behavior) {
    String name = behavior.replaceAll(".*\\.", "");
    if (name.contains("UserTask")) {
      return "việc người làm (User task)";
    }
    if (name.contains("ServiceTask") || name.contains("ClassDelegate")) {
      return "việc hệ thống (Service task)";
    }
    if (name.contains("CallableElement") || name.contains("CallActivity")) {
      return "gọi quy trình (Call activity)";
    }
    if (name.contains("Gateway")) {
      return "cổng (Gateway)";
    }
    if (name.contains("SubProcess")) {
      return "khối (Sub-process)";
    }
    return name;
  }
}
