package vn.pcmt.processowner;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstEval;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstLiteral;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNested;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.jakarta.el.ELException;

/**
 * Which expressions a diagram may hold: only the shapes docs/process-owners.md documents, read from the expression's
 * syntax tree as the engine parses it (the engine's own JUEL), not from its text:
 * <ul>
 * <li>{@link Role#DELEGATE} (Delegate expression of a service task or listener): {@code ${hook}}, a delegate hook;</li>
 * <li>{@link Role#HOOK_CALL} ({@code camunda:expression}): {@code ${hook.method(...)}}, a documented method;</li>
 * <li>{@link Role#VALUE} (conditions, due dates, timers, groups, collections, mappings...): process variables, names
 * the diagram defines, literals, operators, the functions {@code now()}, {@code dateTime()}, {@code currentUser()},
 * {@code currentUserGroups()}, documented hook methods, and {@code execution.processBusinessKey}.</li>
 * </ul>
 * Everything else is refused with the reason, in the process owner's words: a call or a property read on
 * {@code execution}, {@code task}, a literal, a variable or a result; reflection; an unknown method of a hook. The
 * engine refuses the same at run time ({@code vn.pcmt.engine.EngineSandbox}).
 */
final class ExpressionPolicy {

  enum Role { DELEGATE, HOOK_CALL, VALUE }

  /** What is wrong with one expression: the check's name, the problem and the fix, in Vietnamese. */
  record Violation(String check, String problem, String fix) {
  }

  static final Set<String> FUNCTIONS = Set.of("now", "dateTime", "currentUser", "currentUserGroups");
  /** Names the engine gives every expression: the objects are its own, not data. */
  static final Set<String> ENGINE_OBJECTS = Set.of("execution", "task", "authenticatedUserId");
  /** Variables the engine sets on each instance of a multi-instance activity. */
  static final Set<String> MULTI_INSTANCE = Set.of("loopCounter", "nrOfInstances", "nrOfActiveInstances",
      "nrOfCompletedInstances");
  /** The one property of an engine object a diagram reads: the plan number every plan's instances carry. */
  static final String BUSINESS_KEY = "processBusinessKey";
  static final Set<String> REFLECTION = Set.of("class", "getClass", "forName", "getMethod", "getMethods",
      "getDeclaredMethod", "getDeclaredMethods", "getField", "getFields", "getDeclaredField", "getDeclaredFields",
      "getConstructor", "getConstructors", "getDeclaredConstructor", "getDeclaredConstructors", "newInstance",
      "invoke", "getClassLoader", "loadClass", "getModule", "getRuntime", "exec");

  private static final Builder JUEL = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS);
  private static final String HOOK_FIX = "; các hook dùng được liệt kê trong docs/process-owners.md, một hook mới cần"
      + " lập trình viên viết và phát hành trước.";

  private final Knowledge known;
  private final Set<String> names;

  /**
   * @param known what the application offers
   * @param names the names this diagram defines for itself (element variables, input/output parameters, form fields)
   */
  ExpressionPolicy(Knowledge known, Set<String> names) {
    this.known = known;
    this.names = names;
  }

  /** The violations of one expression in its place; empty when it may be deployed. */
  List<Violation> check(String expression, Role role) {
    Node root;
    try {
      root = JUEL.build(expression).getRoot();
    } catch (ELException e) {
      return List.of(new Violation("expression-syntax", "Biểu thức " + expression + " viết sai cú pháp ("
          + e.getMessage() + ").", "Viết lại theo dạng ${tênBiến}, ${!tênBiến} hoặc ${hook.phươngThức(...)}."));
    }
    Walk walk = new Walk(expression);
    Node body = root instanceof AstEval eval ? eval.getChild(0) : null;
    if (role == Role.DELEGATE && body instanceof AstIdentifier identifier) {
      delegate(walk, identifier.getName());
    } else if (role == Role.HOOK_CALL && !(body instanceof AstMethod)) {
      walk.node(root);
      if (walk.violations.isEmpty()) {
        walk.add("hook-shape", "Expression " + expression + " không phải lời gọi hook dạng ${hook.phươngThức(...)}:"
            + " ở đây máy chủ chỉ chạy hook của ứng dụng.", "Chọn Type: Delegate expression và ghi ${tênHook}"
            + HOOK_FIX);
      }
    } else {
      walk.node(root);
      if (role == Role.DELEGATE && walk.violations.isEmpty()) {
        walk.add("hook-shape", "Delegate expression " + expression + " không phải dạng ${tênHook}: ở đây chỉ được ghi"
            + " tên một hook, không gọi phương thức hay tính toán.", "Ghi đúng tên một hook, ví dụ"
            + " ${submitSubPlanDelegate}" + HOOK_FIX);
      }
    }
    return walk.violations;
  }

  private void delegate(Walk walk, String name) {
    if (known.delegates().contains(name)) {
      return;
    }
    if (known.hookMethods().containsKey(name)) {
      walk.add("hook-shape", "'" + name + "' là hook dùng trong biểu thức (dạng ${" + name + ".phươngThức(...)}),"
          + " không phải hook xử lý một bước.", "Dùng một hook xử lý bước (tên …Delegate hoặc …Listener)" + HOOK_FIX);
      return;
    }
    String suggestion = Expressions.closest(name, known.delegates());
    walk.add("missing-bean", "Gọi hook " + walk.expression + " nhưng ứng dụng không có hook (bean) tên '" + name
        + "'.", "Sửa tên cho đúng một hook trong docs/process-owners.md"
        + (suggestion == null ? "" : " (có phải ${" + suggestion + "}?)")
        + "; một hook mới cần lập trình viên viết và phát hành trước.");
  }

  /** One pass over the tree; each chain of calls and reads gets at most one violation. */
  private final class Walk {

    final String expression;
    final List<Violation> violations = new ArrayList<>();

    Walk(String expression) {
      this.expression = expression;
    }

    void add(String check, String problem, String fix) {
      violations.add(new Violation(check, problem, fix));
    }

    void node(Node node) {
      if (node instanceof AstIdentifier identifier) {
        identifier(identifier.getName());
      } else if (node instanceof AstMethod || node instanceof AstDot || node instanceof AstBracket) {
        chain(node);
      } else if (node instanceof AstFunction function) {
        function(function);
      } else if (!(node instanceof AstLiteral)) {
        children(node); // ${...}, text, operators, parentheses, parameters
      }
    }

    private void children(Node node) {
      for (int i = 0; i < node.getCardinality(); i++) {
        node(node.getChild(i));
      }
    }

    private void identifier(String name) {
      if (names.contains(name) || known.variables().contains(name) || MULTI_INSTANCE.contains(name)
          || "authenticatedUserId".equals(name)) {
        return;
      }
      if (ENGINE_OBJECTS.contains(name)) {
        add("engine-object", "Biểu thức " + expression + " đưa đối tượng '" + name + "' của máy chủ quy trình ra"
            + " dùng: qua nó đọc, sửa được mọi dữ liệu và gọi được mọi dịch vụ của máy chủ.", engineFix());
      } else if (known.hooks().contains(name)) {
        add("hook-shape", "Biểu thức " + expression + " dùng hook '" + name + "' như một giá trị.", "Gọi một phương"
            + " thức đã ghi của hook (ví dụ ${deadlines.workingDaysFromNow(5)}) hoặc dùng biến của quy trình"
            + HOOK_FIX);
      } else {
        Set<String> candidates = new TreeSet<>(known.variables());
        candidates.addAll(names);
        String suggestion = Expressions.closest(name, candidates);
        add("unknown-name", "Biểu thức " + expression + " dùng '" + name + "', nhưng đó không phải biến của quy"
            + " trình, trường của biểu mẫu hay hook của ứng dụng.", "Sửa lại tên"
            + (suggestion == null ? "" : " (có phải '" + suggestion + "'?)")
            + "; các biến và hook dùng được liệt kê trong docs/process-owners.md.");
      }
    }

    private void function(AstFunction function) {
      String name = function.getName();
      String local = name.contains(":") ? name.substring(name.indexOf(':') + 1) : name;
      if (name.contains(":") || !FUNCTIONS.contains(local)) {
        add("unknown-function", "Biểu thức " + expression + " gọi hàm '" + name + "()' mà máy chủ không có.",
            "Chỉ dùng now(), dateTime(), currentUser(), currentUserGroups() hoặc một hook trong"
                + " docs/process-owners.md.");
        return;
      }
      children(function);
    }

    /** {@code a.b(...).c[d]}: from the outermost step down to what it starts from. */
    private void chain(Node outer) {
      List<Node> steps = new ArrayList<>();
      Node base = outer;
      while (true) {
        if (base instanceof AstMethod method) {
          steps.add(method);
          base = method.getChild(0).getChild(0);
        } else if (base instanceof AstDot || base instanceof AstBracket) {
          steps.add(base);
          base = base.getChild(0);
        } else if (base instanceof AstNested nested) {
          base = nested.getChild(0);
        } else {
          break;
        }
      }
      Node first = steps.get(steps.size() - 1);
      String firstName = stepName(first);
      String rootName = base instanceof AstIdentifier identifier ? identifier.getName() : null;
      if (steps.size() == 1 && first instanceof AstMethod && rootName != null && firstName != null
          && known.hookMethods().getOrDefault(rootName, Set.of()).contains(firstName)
          && !names.contains(rootName) && !known.variables().contains(rootName)) {
        children(first.getChild(1)); // a documented hook method: its arguments are values again
        return;
      }
      if (steps.size() == 1 && first instanceof AstDot && "execution".equals(rootName)
          && BUSINESS_KEY.equals(firstName)) {
        return;
      }
      for (int i = steps.size() - 1; i >= 0; i--) {
        String name = stepName(steps.get(i));
        if (name != null && REFLECTION.contains(name)) {
          add("reflection", "Biểu thức " + expression + " dùng '" + name + "': đó là phản chiếu Java (nạp lớp, gọi"
              + " phương thức bất kỳ), máy chủ không bao giờ chạy.", "Xóa biểu thức này. Việc cần máy chủ làm phải là"
              + " một hook trong docs/process-owners.md, do lập trình viên viết.");
          return;
        }
      }
      String what = firstName == null ? "một tên tính ra lúc chạy" : "'" + firstName + "'";
      if (rootName != null && ENGINE_OBJECTS.contains(rootName)) {
        add("engine-object", "Biểu thức " + expression + " dùng " + what + " của " + rootName + ": sơ đồ không được"
            + " đụng tới đối tượng của máy chủ quy trình (qua nó đọc, sửa được mọi dữ liệu và gọi được mọi dịch vụ"
            + " của máy chủ).", engineFix());
      } else if (steps.size() == 1 && first instanceof AstMethod && rootName != null && firstName != null
          && known.hooks().contains(rootName) && !names.contains(rootName)) {
        unknownMethod(rootName, firstName);
      } else if (steps.size() == 1 && first instanceof AstMethod && rootName != null
          && !names.contains(rootName) && !known.variables().contains(rootName)) {
        String suggestion = Expressions.closest(rootName, known.hookMethods().keySet());
        add("missing-bean", "Gọi hook " + expression + " nhưng ứng dụng không có hook (bean) tên '" + rootName
            + "'.", "Sửa tên cho đúng một hook trong docs/process-owners.md"
            + (suggestion == null ? "" : " (có phải ${" + suggestion + "}?)")
            + "; một hook mới cần lập trình viên viết và phát hành trước.");
      } else {
        String of = base instanceof AstLiteral ? "một giá trị cố định"
            : rootName != null && steps.size() == 1 ? "biến '" + rootName + "'" : "kết quả của một phép tính";
        if (outer instanceof AstMethod) {
          add("method-call", "Biểu thức " + expression + " gọi phương thức " + what + " của " + of + ": sơ đồ chỉ"
              + " được gọi phương thức đã ghi của hook.", "Dùng ${hook.phươngThức(...)} như docs/process-owners.md"
              + " ghi, hoặc chỉ dùng biến, giá trị cố định và phép toán.");
        } else {
          add("property", "Biểu thức " + expression + " đọc " + what + " bên trong " + of + ": sơ đồ chỉ đọc biến"
              + " của quy trình, không đọc vào bên trong đối tượng.", "Dùng thẳng một biến của quy trình"
              + " (${tênBiến}); cần giá trị khác thì nhờ lập trình viên đặt nó vào một biến.");
        }
      }
    }

    private void unknownMethod(String hook, String method) {
      Set<String> documented = known.hookMethods().getOrDefault(hook, Set.of());
      String suggestion = Expressions.closest(method, documented);
      add("unknown-method", "Biểu thức " + expression + " gọi '" + hook + "." + method + "', nhưng hook '" + hook
          + "' không có phương thức '" + method + "' dành cho sơ đồ.", documented.isEmpty()
              ? "Hook ${" + hook + "} chỉ dùng làm Delegate expression; biểu thức dùng được liệt kê trong"
                  + " docs/process-owners.md."
              : "Dùng một phương thức đã ghi trong docs/process-owners.md: " + documented.stream()
                  .map(m -> "${" + hook + "." + m + "(…)}").collect(Collectors.joining(", "))
                  + (suggestion == null ? "" : " (có phải '" + suggestion + "'?)") + ".");
    }

    private String engineFix() {
      return "Chỉ dùng biến của quy trình (ví dụ ${planNumber}), mã hồ sơ #{execution." + BUSINESS_KEY + "} hoặc"
          + " một hook trong docs/process-owners.md; cần thêm thì nhờ lập trình viên viết hook.";
    }
  }

  /** The name a step reads or calls: {@code .name}, {@code ['name']}; null when computed at run time. */
  private static String stepName(Node step) {
    Node property = step instanceof AstMethod method ? method.getChild(0) : step;
    if (property instanceof AstDot dot) {
      String text = dot.toString(); // ". name"
      return text.startsWith(". ") ? text.substring(2) : text;
    }
    if (property instanceof AstBracket && property.getChild(1) instanceof AstString literal) {
      String text = literal.toString(); // "\"name\"" as JUEL prints it
      return text.length() >= 2 ? text.substring(1, text.length() - 1) : text;
    }
    return null;
  }
}
