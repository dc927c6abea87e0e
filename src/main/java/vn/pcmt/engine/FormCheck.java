package vn.pcmt.engine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import vn.pcmt.engine.FormFile.Field;
import vn.pcmt.engine.FormFile.Limit;
import vn.pcmt.engine.FormFile.Rules;
import vn.pcmt.engine.InvalidFormDataException.FieldError;

/**
 * Checks a submission against a form file as form-js checks it in Tasklist before submitting: every field shown and
 * not disabled is checked (read-only ones too); a field whose {@code conditional.hide} is true, or inside a hidden
 * group or list, is neither checked nor required. Inside a dynamic list, {@code this} is the row, {@code parent} the
 * enclosing data and {@code i} the row numbers, as in form-js. On top of form-js's rules the server checks each value's
 * type (Tasklist cannot send a text for a number; a REST client can), and a text of only spaces counts as empty.
 * Messages are Vietnamese and name the field's label.
 */
final class FormCheck {

  private static final Pattern EMAIL = Pattern.compile("^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9]"
      + "(?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$");
  /** form-js's own: an international number, country code first. */
  private static final Pattern PHONE = Pattern.compile("(\\+|00)(297|93|244|1264|358|355|376|971|54|374|1684|1268|61"
      + "|43|994|257|32|229|226|880|359|973|1242|387|590|375|501|1441|591|55|1246|673|975|267|236|1|61|41|56|86|225"
      + "|237|243|242|682|57|269|238|506|53|5999|61|1345|357|420|49|253|1767|45|1809|1829|1849|213|593|20|291|212|34"
      + "|372|251|358|679|500|33|298|691|241|44|995|44|233|350|224|590|220|245|240|30|1473|299|502|594|1671|592|852"
      + "|504|385|509|36|62|44|91|246|353|98|964|354|972|39|1876|44|962|81|76|77|254|996|855|686|1869|82|383|965|856"
      + "|961|231|218|1758|423|94|266|370|352|371|853|590|212|377|373|261|960|52|692|389|223|356|95|382|976|1670|258"
      + "|222|1664|596|230|265|60|262|264|687|227|672|234|505|683|31|47|977|674|64|968|92|507|64|51|63|680|675|48"
      + "|1787|1939|850|351|595|970|689|974|262|40|7|250|966|249|221|65|500|4779|677|232|503|378|252|508|381|211|239"
      + "|597|421|386|46|268|1721|248|963|1649|235|228|66|992|690|993|670|676|1868|216|90|688|886|255|256|380|598|1"
      + "|998|3906698|379|1784|58|1284|1340|84|678|681|685|967|27|260|263)(9[976]\\d|8[987530]\\d|6[987]\\d|5[90]\\d"
      + "|42\\d|3[875]\\d|2[98654321]\\d|9[8543210]|8[6421]|6[6543210]|5[87654321]|4[987654310]|3[9643210]|2[70]|7|1)"
      + "\\d{4,20}$");
  private static final Pattern TIME = Pattern.compile("(\\d{2}:\\d{2}(?::\\d{2})?)(Z|[+-]\\d{2}:?\\d{2})?");

  private final Map<String, Object> data;
  private final List<FieldError> errors = new ArrayList<>();

  private FormCheck(Map<String, Object> data) {
    this.data = data;
  }

  /** Every problem of the submission; {@code data} is the form's data: plain maps, lists, texts, numbers, booleans. */
  static List<FieldError> check(FormFile form, Map<String, Object> data) {
    FormCheck check = new FormCheck(data);
    check.walk(form.fields(), new Scope(List.of(), data, null, List.of(), ""));
    return check.errors;
  }

  /** Where the fields of a container are: their data path, {@code this}/{@code parent}/{@code i}, a message prefix. */
  private record Scope(List<Object> path, Object self, Object parent, List<Integer> rows, String prefix) {
  }

  private void walk(List<Field> fields, Scope scope) {
    for (Field field : fields) {
      if (field.disabled() || (field.hide() != null && field.hide().isTrue(context(scope)))) {
        continue;
      }
      List<Object> path = concat(scope.path(), field.path());
      switch (field.kind()) {
        case INPUT -> input(field, path, at(path), scope);
        case GROUP -> walk(field.children(), new Scope(path, scope.self(), scope.parent(), scope.rows(),
            scope.prefix()));
        case LIST -> list(field, path, scope);
      }
    }
  }

  private void list(Field field, List<Object> path, Scope scope) {
    Object value = at(path);
    if (value == null) {
      return;
    }
    if (!(value instanceof List<?> rows)) {
      add(path, scope, "trường '" + field.label() + "' phải là một danh sách.");
      return;
    }
    for (int i = 0; i < rows.size(); i++) {
      List<Object> rowPath = concat(path, List.of(i));
      String prefix = scope.prefix() + "dòng " + (i + 1) + " của '" + field.label() + "': ";
      if (!(rows.get(i) instanceof Map<?, ?>)) {
        add(rowPath, scope, "dòng " + (i + 1) + " của '" + field.label() + "' không đúng định dạng.");
        continue;
      }
      List<Integer> numbers = new ArrayList<>(scope.rows());
      numbers.add(i + 1);
      walk(field.children(), new Scope(rowPath, rows.get(i), scope.self(), numbers, prefix));
    }
  }

  private void input(Field field, List<Object> path, Object value, Scope scope) {
    Rules rules = field.rules();
    String name = "trường '" + field.label() + "'";
    boolean empty = value == null || (value instanceof String text && text.isBlank())
        || (value instanceof List<?> list && list.isEmpty());
    if (empty || ("checkbox".equals(field.type()) && Boolean.FALSE.equals(value))) {
      if (rules.required()) {
        add(path, scope, name + " là bắt buộc.");
      }
      return;
    }
    String typeProblem = typeProblem(field, value);
    if (typeProblem != null) {
      add(path, scope, name + typeProblem);
      return;
    }
    if ("number".equals(field.type())) {
      number(field, path, number(value), scope);
    }
    if (rules.pattern() != null && !(value instanceof List<?>) && !rules.pattern().matcher(value.toString()).find()) {
      add(path, scope, name + " không đúng định dạng" + (field.description() == null ? "" : " ("
          + field.description().strip() + ")") + ".");
    }
    if (value instanceof String text) {
      int length = text.strip().length();
      BigDecimal min = limit(rules.minLength(), scope);
      BigDecimal max = limit(rules.maxLength(), scope);
      if (min != null && length < min.intValue()) {
        add(path, scope, name + " phải có ít nhất " + plain(min) + " ký tự.");
      }
      if (max != null && length > max.intValue()) {
        add(path, scope, name + " dài quá " + plain(max) + " ký tự (hiện có " + length + ").");
      }
      if ("email".equals(rules.validationType()) && !EMAIL.matcher(text).matches()) {
        add(path, scope, name + " phải là một địa chỉ thư điện tử hợp lệ.");
      }
      if ("phone".equals(rules.validationType()) && !PHONE.matcher(text).find()) {
        add(path, scope, name + " phải là số điện thoại có mã quốc gia (ví dụ +84912345678).");
      }
    }
    if (rules.options() != null) {
      options(field, path, value, scope);
    }
  }

  /** Null when the value has the field's type, else the rest of the message. */
  private static String typeProblem(Field field, Object value) {
    return switch (field.type()) {
      case "textfield", "textarea" -> value instanceof String ? null : " phải là văn bản.";
      case "number" -> number(value) != null
          && (value instanceof Number || field.rules().serializeToString()) ? null
          : ": '" + value + "' không phải là số.";
      case "checkbox" -> value instanceof Boolean ? null : ": giá trị '" + value + "' không hợp lệ (chỉ có đúng/sai).";
      case "datetime" -> dateTimeProblem(field.rules().subtype(), value);
      case "checklist", "taglist" -> value instanceof List<?> ? null : " phải là một danh sách các lựa chọn.";
      default -> value instanceof Map<?, ?> || value instanceof List<?> ? ": giá trị '" + value + "' không hợp lệ."
          : null;
    };
  }

  private static String dateTimeProblem(String subtype, Object value) {
    String text = value instanceof String s ? s.strip() : "";
    try {
      switch (subtype == null ? "date" : subtype) {
        case "time" -> {
          if (time(text)) {
            return null;
          }
          return ": '" + value + "' không phải là giờ hợp lệ (định dạng giờ:phút).";
        }
        case "datetime" -> {
          int t = text.indexOf('T');
          if (t == 10 && time(text.substring(11))) {
            LocalDate.parse(text.substring(0, 10));
            return null;
          }
          return ": '" + value + "' không phải là ngày giờ hợp lệ (định dạng năm-tháng-ngàyTgiờ:phút).";
        }
        default -> {
          LocalDate.parse(text);
          return null;
        }
      }
    } catch (DateTimeParseException e) {
      return ": '" + value + "' không phải là ngày hợp lệ (định dạng năm-tháng-ngày).";
    }
  }

  private static boolean time(String text) {
    var matcher = TIME.matcher(text);
    if (!matcher.matches()) {
      return false;
    }
    try {
      LocalTime.parse(matcher.group(1));
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private void number(Field field, List<Object> path, BigDecimal value, Scope scope) {
    Rules rules = field.rules();
    String name = "trường '" + field.label() + "'";
    int decimals = Math.max(0, value.stripTrailingZeros().scale());
    if (rules.decimalDigits() != null && rules.decimalDigits() >= 0 && decimals > rules.decimalDigits()) {
      add(path, scope, name + (rules.decimalDigits() == 0 ? " phải là số nguyên."
          : " chỉ được có tối đa " + rules.decimalDigits() + " chữ số thập phân."));
    }
    if (rules.increment() != null && rules.increment().signum() != 0) {
      BigDecimal rest = value.remainder(rules.increment());
      if (rest.signum() != 0) {
        BigDecimal below = value.subtract(rest);
        add(path, scope, name + " phải là bội của " + plain(rules.increment()) + "; hai giá trị hợp lệ gần nhất là "
            + plain(below) + " và " + plain(below.add(rules.increment())) + ".");
      }
    }
    BigDecimal min = limit(rules.min(), scope);
    BigDecimal max = limit(rules.max(), scope);
    if (min != null && value.compareTo(min) < 0) {
      add(path, scope, name + " không được nhỏ hơn " + plain(min) + ".");
    }
    if (max != null && value.compareTo(max) > 0) {
      add(path, scope, name + " không được lớn hơn " + plain(max) + ".");
    }
  }

  private void options(Field field, List<Object> path, Object value, Scope scope) {
    List<Object> allowed = allowed(field.rules().options(), scope);
    for (Object chosen : value instanceof List<?> list ? list : List.of(value)) {
      if (allowed.stream().noneMatch(option -> same(option, chosen))) {
        add(path, scope, "trường '" + field.label() + "': giá trị '" + chosen + "' không có trong danh sách chọn.");
      }
    }
  }

  /** The option values: listed, or read from a variable or an expression as value or {label, value} entries. */
  private List<Object> allowed(FormFile.Options options, Scope scope) {
    Object source;
    if (options.values() != null) {
      source = options.values();
    } else if (options.key() != null) {
      String whole = String.join(".", options.key());
      source = data.containsKey(whole) ? data.get(whole) : at(new ArrayList<>(options.key()));
    } else {
      source = options.expression().evaluate(context(scope));
    }
    if (!(source instanceof List<?> entries)) {
      return List.of();
    }
    List<Object> values = new ArrayList<>();
    for (Object entry : entries) {
      values.add(entry instanceof Map<?, ?> map && map.containsKey("value") ? map.get("value") : entry);
    }
    return values;
  }

  private static boolean same(Object option, Object value) {
    BigDecimal a = option instanceof Number ? number(option) : null;
    BigDecimal b = value instanceof Number ? number(value) : null;
    return a != null && b != null ? a.compareTo(b) == 0 : Objects.equals(option, value);
  }

  private BigDecimal limit(Limit limit, Scope scope) {
    if (limit == null) {
      return null;
    }
    if (limit.value() != null) {
      return limit.value();
    }
    Object value = limit.expression().evaluate(context(scope));
    return value instanceof Number ? number(value) : null;
  }

  /** A number value, or a text holding one (form-js's "serialize to string"); null otherwise. */
  private static BigDecimal number(Object value) {
    try {
      if (value instanceof Double d && (d.isNaN() || d.isInfinite())
          || value instanceof Float f && (f.isNaN() || f.isInfinite())) {
        return null;
      }
      return value instanceof Number || value instanceof String ? new BigDecimal(value.toString().strip()) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The FEEL context form-js builds: the data, with {@code this}, {@code parent} and {@code i} of the scope. */
  private Map<String, Object> context(Scope scope) {
    Map<String, Object> context = new HashMap<>();
    context.put("this", scope.self());
    context.put("parent", scope.parent());
    context.put("i", scope.rows());
    context.putAll(data);
    context.put("_this_", scope.self());
    context.put("_parent_", scope.parent());
    context.put("_i_", scope.rows());
    return context;
  }

  private Object at(List<Object> path) {
    Object current = data;
    for (Object segment : path) {
      if (segment instanceof Integer index && current instanceof List<?> list) {
        current = index < list.size() ? list.get(index) : null;
      } else if (segment instanceof String name && current instanceof Map<?, ?> map) {
        current = map.get(name);
      } else {
        return null;
      }
    }
    return current;
  }

  private void add(List<Object> path, Scope scope, String message) {
    String text = scope.prefix() + message;
    errors.add(new FieldError(name(path), Character.toUpperCase(text.charAt(0)) + text.substring(1)));
  }

  /** A data path as the API names fields: {@code nominees[1].name}. */
  static String name(List<Object> path) {
    StringBuilder name = new StringBuilder();
    for (Object segment : path) {
      if (segment instanceof Integer index) {
        name.append('[').append(index).append(']');
      } else {
        name.append(name.isEmpty() ? "" : ".").append(segment);
      }
    }
    return name.toString();
  }

  private static List<Object> concat(List<Object> path, List<?> more) {
    List<Object> result = new ArrayList<>(path);
    result.addAll(more);
    return result;
  }

  private static String plain(BigDecimal number) {
    return number.stripTrailingZeros().toPlainString();
  }
}
