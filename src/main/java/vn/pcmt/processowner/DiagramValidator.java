package vn.pcmt.processowner;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Checks what a deployment carries (diagrams and forms) against what the application offers, before the engine sees
 * it, and says in the process owner's words what is wrong and how to fix it. Pure: everything it needs comes in as
 * {@link Knowledge}; the same checks run at start-up, on a deployment from Camunda Modeler and in the tests over
 * processes/ and forms/.
 *
 * <p>Rules (each finding names its rule, see docs/process-owners.md):
 * <ul>
 * <li>a deployment holds diagrams (.bpmn) and forms (.form), nothing else;</li>
 * <li>expressions have only the documented shapes ({@link ExpressionPolicy}): a hook as {@code ${hook}}, a documented
 * method as {@code ${hook.method(...)}}, variables (of the process classes, of the diagram's forms, or names the
 * diagram defines: element variable, input/output parameter, initiator, result variable), literals and operators;
 * no code of any other kind: no script, Java class, connector, other implementation type, field injection
 * ({@link ExpressionScan});</li>
 * <li>every user task: a candidate group that is a group variable ({@code ${agencyGroup}}...) or a group the agency
 * directory knows; a due date; a Camunda Form bound to the deployment, present in the deployment, with every field the
 * application reads; the server-side form rules ({@code ${validateFormListener}}, and form rules the server can
 * read: see vn.pcmt.engine.FormFile) ({@link UserTaskChecks});</li>
 * <li>every process: executable, {@code historyTimeToLive}, file named after the process id; called processes
 * exist;</li>
 * <li>the linter: bpmnlint's recommended error rules ({@link LintRules}), or the real bpmnlint when installed.</li>
 * </ul>
 */
final class DiagramValidator {

  /** Attributes that name something the diagram defines itself. */
  private static final Set<String> DEFINING_ATTRIBUTES = Set.of("elementVariable", "initiator", "resultVariable",
      "errorCodeVariable", "errorMessageVariable", "escalationCodeVariable");

  /** The linter that runs over each diagram: the Java rules, or the real bpmnlint when it is installed. */
  @FunctionalInterface
  interface Linter {
    List<Finding> lint(String file, BpmnModelInstance model, byte[] xml);
  }

  static final Linter JAVA_LINT = (file, model, xml) -> LintRules.lint(file, model);

  private final Knowledge known;
  private final Linter linter;
  private final ObjectMapper json = new ObjectMapper();

  DiagramValidator(Knowledge known, Linter linter) {
    this.known = known;
    this.linter = linter;
  }

  DiagramValidator(Knowledge known) {
    this(known, JAVA_LINT);
  }

  /** A form in the deployment: its resource name, id and every field key (nested ones included). */
  record FormFile(String resource, String id, Set<String> keys) {
  }

  /** Checks every diagram (.bpmn) and form (.form) of a deployment; resource name to content. */
  List<Finding> validate(Map<String, byte[]> resources) {
    List<Finding> findings = new ArrayList<>();
    Map<String, byte[]> sorted = new TreeMap<>(resources);
    Map<String, FormFile> forms = readForms(sorted, findings);
    Map<String, BpmnModelInstance> models = new LinkedHashMap<>();
    Set<String> processesHere = new HashSet<>();
    sorted.forEach((name, content) -> {
      if (isDiagram(name)) {
        try {
          BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(content));
          models.put(name, model);
          model.getModelElementsByType(Process.class).forEach(p -> processesHere.add(p.getId()));
        } catch (RuntimeException e) {
          findings.add(new Finding(name, null, null, "unreadable",
              "Tệp không đọc được như một sơ đồ BPMN (" + rootMessage(e) + ").",
              "Mở tệp bằng Camunda Modeler (Camunda 7), sửa chỗ sai rồi lưu lại; đừng sửa XML bằng tay."));
        }
      } else if (!name.endsWith(".form")) {
        findings.add(new Finding(name, null, null, "resource-type", "Tệp '" + name + "' không phải sơ đồ (.bpmn) hay"
            + " biểu mẫu (.form): máy chủ chỉ nhận hai loại tệp này (bảng quyết định, script, trang HTML... không được"
            + " triển khai kèm sơ đồ).", "Bỏ tệp này khỏi lần triển khai; ở hộp thoại Deploy của Camunda Modeler,"
            + " Include additional files chỉ đính kèm các biểu mẫu .form mà sơ đồ dùng."));
      }
    });
    models.forEach((name, model) -> {
      check(new Diagram(name, model, known, forms, findings), processesHere);
      findings.addAll(linter.lint(name, model, sorted.get(name)));
    });
    return findings.stream().distinct().collect(Collectors.toCollection(ArrayList::new));
  }

  private static void check(Diagram diagram, Set<String> processesHere) {
    if (!new ProcessChecks(diagram, processesHere).run()) {
      return;
    }
    Set<String> names = locals(diagram.root, new HashSet<>());
    for (UserTask task : diagram.model.getModelElementsByType(UserTask.class)) {
      diagram.formOf(task.getCamundaFormRef()).ifPresent(form -> names.addAll(form.keys()));
    }
    for (StartEvent start : diagram.model.getModelElementsByType(StartEvent.class)) {
      diagram.formOf(start.getCamundaFormRef()).ifPresent(form -> names.addAll(form.keys()));
    }
    diagram.define(names);
    new UserTaskChecks(diagram).run();
    new ExpressionScan(diagram).run();
  }

  static boolean isDiagram(String name) {
    return name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml");
  }

  private Map<String, FormFile> readForms(Map<String, byte[]> resources, List<Finding> findings) {
    Map<String, FormFile> forms = new LinkedHashMap<>();
    resources.forEach((name, content) -> {
      if (!name.endsWith(".form")) {
        return;
      }
      JsonNode form;
      try {
        form = json.readTree(content);
      } catch (Exception e) {
        findings.add(new Finding(name, null, null, "form-unreadable", "Tệp biểu mẫu không đọc được ("
            + rootMessage(e) + ").", "Mở tệp bằng Camunda Modeler, sửa chỗ sai rồi lưu lại."));
        return;
      }
      String id = form == null || form.get("id") == null ? null : form.get("id").asText().strip();
      if (id == null || id.isEmpty()) {
        findings.add(new Finding(name, null, null, "form-unreadable", "Biểu mẫu không có mã (ID).",
            "Mở biểu mẫu trong Camunda Modeler, bấm vào nền biểu mẫu, đặt General › ID (ví dụ draft-sub-plan) rồi"
                + " lưu."));
        return;
      }
      try {
        vn.pcmt.engine.FormFile.parse(form); // the server checks every submission by these rules
      } catch (IllegalArgumentException e) {
        findings.add(new Finding(name, null, null, "form-rules", "Máy chủ không đọc được quy tắc kiểm tra của biểu"
            + " mẫu: " + e.getMessage() + ".", "Mở biểu mẫu trong Camunda Modeler, sửa ở trường đó phần Conditions ›"
            + " Hide if (biểu thức FEEL bắt đầu bằng =) hoặc Validation (Custom regular expression, Minimum, Maximum)"
            + " rồi lưu lại."));
      }
      FormFile previous = forms.put(id, new FormFile(name, id, keys(form.get("components"), new LinkedHashSet<>())));
      if (previous != null) {
        findings.add(new Finding(name, null, null, "form-duplicate", "Hai tệp biểu mẫu cùng mã '" + id + "' ("
            + previous.resource() + " và " + name + ").", "Mỗi biểu mẫu một mã: đổi ID của một tệp hoặc bỏ tệp thừa."));
      }
    });
    return forms;
  }

  private static Set<String> keys(JsonNode components, Set<String> keys) {
    if (components != null && components.isArray()) {
      for (JsonNode component : components) {
        for (String property : List.of("key", "path")) {
          if (component.hasNonNull(property) && !component.get(property).asText().isBlank()) {
            keys.add(component.get(property).asText());
          }
        }
        keys(component.get("components"), keys);
      }
    }
    return keys;
  }

  /** The checks of one diagram that are not about user tasks or expressions. */
  private static final class ProcessChecks {

    private final Diagram diagram;
    private final Set<String> processesHere;

    ProcessChecks(Diagram diagram, Set<String> processesHere) {
      this.diagram = diagram;
      this.processesHere = processesHere;
    }

    /** False when the file holds no process: nothing else to check. */
    boolean run() {
      List<Process> processes = new ArrayList<>(diagram.model.getModelElementsByType(Process.class));
      if (processes.isEmpty()) {
        diagram.add(null, "no-process", "Tệp không chứa quy trình nào.",
            "Vẽ quy trình bằng Camunda Modeler (loại sơ đồ Camunda 7) rồi lưu lại.");
        return false;
      }
      for (Process process : processes) {
        checkProcess(process, processes.size());
      }
      for (CallActivity call : diagram.model.getModelElementsByType(CallActivity.class)) {
        checkCalledElement(call);
      }
      return true;
    }

    private void checkProcess(Process process, int count) {
      if (!process.isExecutable()) {
        diagram.add(process, "not-executable", "Quy trình chưa được đánh dấu là thực thi được: máy chủ sẽ không chạy"
            + " nó.", "Bấm vào nền sơ đồ, mục General, bật Executable.");
      }
      String ttl = process.getCamundaHistoryTimeToLiveString();
      if (ttl == null || ttl.isBlank()) {
        diagram.add(process, "history-time-to-live", "Quy trình chưa đặt thời gian lưu lịch sử (History cleanup ›"
            + " Time to live): máy chủ không nhận quy trình thiếu nó.",
            "Bấm vào nền sơ đồ, mục History cleanup › Time to live, nhập 3650 (ngày, như các sơ đồ khác).");
      }
      String base = diagram.file.substring(diagram.file.lastIndexOf('/') + 1);
      if (count == 1 && !base.equals(process.getId() + ".bpmn")) {
        diagram.add(process, "file-name", "Tên tệp '" + base + "' khác mã quy trình '" + process.getId()
            + "': lần khởi động sau và người đọc sẽ không biết tệp nào là quy trình nào.",
            "Lưu sơ đồ với tên tệp " + process.getId() + ".bpmn (hoặc sửa General › ID của quy trình cho khớp tên"
                + " tệp, nếu đó là quy trình mới) rồi triển khai lại.");
      }
    }

    private void checkCalledElement(CallActivity call) {
      String called = call.getCalledElement();
      Knowledge known = diagram.known;
      if (called == null || called.isBlank()) {
        diagram.add(call, "called-process", "Call activity chưa chọn quy trình được gọi.",
            "Nhập Called element: mã một quy trình trong processes/ (ví dụ agency-sub-plan), Binding: latest.");
      } else if (!Expressions.isExpression(called) && !processesHere.contains(called)
          && !known.processKeys().contains(called)) {
        Set<String> candidates = new TreeSet<>(known.processKeys());
        candidates.addAll(processesHere);
        String suggestion = Expressions.closest(called, candidates);
        diagram.add(call, "called-process", "Gọi quy trình '" + called + "', nhưng máy chủ không có quy trình nào mã"
            + " này.", "Sửa Called element cho đúng mã một quy trình trong processes/"
                + (suggestion == null ? "" : " (có phải '" + suggestion + "'?)")
                + ", hoặc triển khai quy trình đó trước (hay cùng lúc).");
      }
    }
  }

  /** Names the diagram defines for itself: element variables, input/output parameters, initiator... */
  private static Set<String> locals(Element element, Set<String> locals) {
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr attribute = (Attr) attributes.item(i);
      if (Diagram.isCamunda(element, attribute) && DEFINING_ATTRIBUTES.contains(Diagram.localName(attribute))
          && !Expressions.isExpression(attribute.getValue())) {
        locals.add(attribute.getValue().strip());
      }
    }
    if (Diagram.CAMUNDA_NS.equals(element.getNamespaceURI())) {
      switch (element.getLocalName()) {
        case "inputParameter", "outputParameter" -> locals.add(element.getAttribute("name"));
        case "out" -> locals.add(element.getAttribute("target"));
        case "formField" -> locals.add(element.getAttribute("id"));
        default -> {
        }
      }
    }
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element childElement) {
        locals(childElement, locals);
      }
    }
    return locals;
  }

  static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return message.length() > 300 ? message.substring(0, 300) + "…" : message;
  }
}
