package vn.pcmt.processowner;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
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
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
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
 * <li>every hook the diagram calls ({@code camunda:delegateExpression}, {@code expression}, listeners) is a bean of the
 * application; a Java class exists; every name an expression reads is a variable a process class declares, a field
 * of one of the diagram's forms, a name the diagram defines itself (multi-instance element variable, input/output
 * parameter, initiator, result variable) or a hook;</li>
 * <li>every user task: a candidate group that is a group variable ({@code ${agencyGroup}}...) or a group the agency
 * directory knows; a due date; a Camunda Form bound to the deployment, present in the deployment, with every field the
 * application reads; the server-side form rules ({@code ${validateFormListener}}, and form rules the server can
 * read: see vn.pcmt.engine.FormFile);</li>
 * <li>every process: executable, {@code historyTimeToLive}, file named after the process id; called processes exist;
 * no scripts;</li>
 * <li>the linter: bpmnlint's recommended error rules ({@link LintRules}), or the real bpmnlint when installed.</li>
 * </ul>
 */
final class DiagramValidator {

  static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
  static final String BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  static final String FORM_RULES_HOOK = "validateFormListener";
  /** Names the engine itself provides to expressions. */
  static final Set<String> BUILT_INS = Set.of("execution", "task", "authenticatedUserId", "loopCounter",
      "nrOfInstances", "nrOfActiveInstances", "nrOfCompletedInstances");
  /** Functions the engine provides to expressions (Spin's S, XML, JSON included). */
  static final Set<String> FUNCTIONS = Set.of("now", "dateTime", "currentUser", "currentUserGroups", "S", "XML",
      "JSON");
  /** Attributes that name something the diagram defines itself. */
  private static final Set<String> DEFINING_ATTRIBUTES = Set.of("elementVariable", "initiator", "resultVariable",
      "errorCodeVariable", "errorMessageVariable", "escalationCodeVariable");
  private static final String DUE_DATE_EXAMPLES = "${deadlines.workingDaysFromNow(5)} (5 ngày làm việc kể từ khi giao"
      + " việc) hoặc hạn của kế hoạch: ${subPlanDueDate}, ${periodDueDate}, ${proposalDueDate}";

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
      if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) {
        try {
          BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(content));
          models.put(name, model);
          model.getModelElementsByType(Process.class).forEach(p -> processesHere.add(p.getId()));
        } catch (RuntimeException e) {
          findings.add(new Finding(name, null, null, "unreadable",
              "Tệp không đọc được như một sơ đồ BPMN (" + rootMessage(e) + ").",
              "Mở tệp bằng Camunda Modeler (Camunda 7), sửa chỗ sai rồi lưu lại; đừng sửa XML bằng tay."));
        }
      }
    });
    models.forEach((name, model) -> {
      new DiagramCheck(name, model, forms, processesHere, findings).run();
      findings.addAll(linter.lint(name, model, sorted.get(name)));
    });
    return findings.stream().distinct().collect(Collectors.toCollection(ArrayList::new));
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

  /** The checks of one diagram. */
  private final class DiagramCheck {

    private final String file;
    private final BpmnModelInstance model;
    private final Map<String, FormFile> forms;
    private final Set<String> processesHere;
    private final List<Finding> findings;
    private final Set<String> locals = new HashSet<>();
    private final Set<String> formFields = new HashSet<>();

    DiagramCheck(String file, BpmnModelInstance model, Map<String, FormFile> forms, Set<String> processesHere,
        List<Finding> findings) {
      this.file = file;
      this.model = model;
      this.forms = forms;
      this.processesHere = processesHere;
      this.findings = findings;
    }

    void run() {
      List<Process> processes = new ArrayList<>(model.getModelElementsByType(Process.class));
      if (processes.isEmpty()) {
        findings.add(new Finding(file, null, null, "no-process", "Tệp không chứa quy trình nào.",
            "Vẽ quy trình bằng Camunda Modeler (loại sơ đồ Camunda 7) rồi lưu lại."));
        return;
      }
      for (Process process : processes) {
        checkProcess(process, processes.size());
      }
      Element root = ((org.w3c.dom.Document) model.getDocument().getDomSource().getNode()).getDocumentElement();
      collectLocals(root);
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        formOf(task.getCamundaFormRef()).ifPresent(form -> formFields.addAll(form.keys()));
      }
      for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
        formOf(start.getCamundaFormRef()).ifPresent(form -> formFields.addAll(form.keys()));
      }
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        checkUserTask(task);
      }
      for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
        if (start.getCamundaFormRef() != null || start.getCamundaFormKey() != null) {
          checkForm(start, start.getCamundaFormRef(), start.getCamundaFormRefBinding());
        }
      }
      for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
        checkCalledElement(call);
      }
      for (ScriptTask script : model.getModelElementsByType(ScriptTask.class)) {
        add(script, "script", "Bước dùng script: máy chủ không chạy script trong sơ đồ.",
            "Thay bằng một Service task gọi hook (Delegate expression) trong docs/process-owners.md, hoặc nhờ lập trình"
                + " viên viết hook mới.");
      }
      scan(root);
    }

    private void checkProcess(Process process, int count) {
      if (!process.isExecutable()) {
        add(process, "not-executable", "Quy trình chưa được đánh dấu là thực thi được: máy chủ sẽ không chạy nó.",
            "Bấm vào nền sơ đồ, mục General, bật Executable.");
      }
      String ttl = process.getCamundaHistoryTimeToLiveString();
      if (ttl == null || ttl.isBlank()) {
        add(process, "history-time-to-live", "Quy trình chưa đặt thời gian lưu lịch sử (History cleanup › Time to"
            + " live): máy chủ không nhận quy trình thiếu nó.",
            "Bấm vào nền sơ đồ, mục History cleanup › Time to live, nhập 3650 (ngày, như các sơ đồ khác).");
      }
      String base = file.substring(file.lastIndexOf('/') + 1);
      if (count == 1 && !base.equals(process.getId() + ".bpmn")) {
        add(process, "file-name", "Tên tệp '" + base + "' khác mã quy trình '" + process.getId()
            + "': lần khởi động sau và người đọc sẽ không biết tệp nào là quy trình nào.",
            "Lưu sơ đồ với tên tệp " + process.getId() + ".bpmn (hoặc sửa General › ID của quy trình cho khớp tên"
                + " tệp, nếu đó là quy trình mới) rồi triển khai lại.");
      }
    }

    private void checkUserTask(UserTask task) {
      String groups = task.getCamundaCandidateGroups();
      if (groups == null || groups.isBlank()) {
        add(task, "no-candidate-group", "Việc chưa giao cho nhóm nào (User assignment › Candidate groups): không ai"
            + " thấy việc này trong Tasklist.", "Nhập một biến nhóm: " + groupVariableList()
            + ", hoặc mã một cơ quan trong danh bạ.");
      } else {
        for (String item : Expressions.listItems(groups)) {
          checkGroup(task, item);
        }
      }
      String due = task.getCamundaDueDate();
      if (due == null || due.isBlank()) {
        add(task, "no-due-date", "Việc chưa có hạn xử lý (User assignment › Due date): việc không bao giờ quá hạn,"
            + " không được nhắc và không bị tính là chậm.", "Nhập hạn xử lý, ví dụ " + DUE_DATE_EXAMPLES + ".");
      } else if (!Expressions.isExpression(due) && !isDate(due)) {
        add(task, "due-date-format", "Hạn xử lý '" + due + "' không phải biểu thức hay ngày giờ hợp lệ.",
            "Nhập một biểu thức, ví dụ " + DUE_DATE_EXAMPLES + ", hoặc ngày giờ dạng 2025-12-15T17:00:00.");
      }
      String formRef = task.getCamundaFormRef();
      if (formRef == null || formRef.isBlank()) {
        add(task, "no-form", "Việc chưa gắn biểu mẫu Camunda Forms: người nhận việc không có gì để điền.",
            "Chọn Form › Type: Camunda Forms (linked), Form reference: mã một biểu mẫu trong forms/, Binding:"
                + " deployment.");
        return;
      }
      checkForm(task, formRef, task.getCamundaFormRefBinding());
      boolean validated = task.getExtensionElements() != null && task.getExtensionElements().getElementsQuery()
          .filterByType(CamundaTaskListener.class).list().stream()
          .anyMatch(listener -> "complete".equals(listener.getCamundaEvent())
              && ("${" + FORM_RULES_HOOK + "}").equals(strip(listener.getCamundaDelegateExpression())));
      if (!validated) {
        add(task, "form-rules-listener", "Việc thiếu task listener ${" + FORM_RULES_HOOK + "} ở sự kiện complete:"
            + " máy chủ sẽ không kiểm tra dữ liệu người dùng nhập vào biểu mẫu.",
            "Thêm Task listeners › Event type: complete, Listener type: Delegate expression, Delegate expression: ${"
                + FORM_RULES_HOOK + "}.");
      }
    }

    private void checkGroup(UserTask task, String item) {
      String fix = "Dùng một biến nhóm: " + groupVariableList() + ", hoặc mã một cơ quan trong danh bạ (ví dụ SYT;"
          + " nhóm lãnh đạo của cơ quan là mã + LD, ví dụ SYTLD).";
      if (Expressions.isExpression(item)) {
        Expressions.Parsed parsed = Expressions.parse(item);
        if (!parsed.valid()) {
          syntax(task, item, parsed);
          return;
        }
        for (String name : parsed.identifiers()) {
          boolean groupVariable = Knowledge.isGroupVariable(name)
              && (known.variables().contains(name) || locals.contains(name));
          if (!groupVariable && !known.hooks().contains(name)) {
            String suggestion = Expressions.closest(name, known.groupVariables());
            add(task, "unknown-group", "Giao việc cho nhóm " + item + ", nhưng '" + name + "' không phải biến nhóm"
                + " mà ứng dụng điền (" + (isKnownName(name) ? "biến này không chứa mã nhóm" : "không có biến này")
                + "): không ai nhận được việc này.", (suggestion == null ? "" : "Có phải ${" + suggestion + "}? ")
                + fix);
          }
        }
        checkFunctions(task, item, parsed);
      } else if (!known.groups().contains(item)) {
        String suggestion = Expressions.closest(item, known.groups());
        add(task, "unknown-group", "Giao việc cho nhóm '" + item + "', nhưng danh bạ cơ quan không có cơ quan hay nhóm"
            + " lãnh đạo nào mã '" + item + "': không ai nhận được việc này.",
            (suggestion == null ? "" : "Có phải '" + suggestion + "'? ") + fix);
      }
    }

    private void checkForm(BaseElement element, String formRef, String binding) {
      if (formRef == null || formRef.isBlank()) {
        add(element, "no-form", "Dùng formKey thay cho Camunda Forms: ứng dụng chỉ hỗ trợ Camunda Forms.",
            "Chọn Form › Type: Camunda Forms (linked), Form reference: mã một biểu mẫu trong forms/, Binding:"
                + " deployment.");
        return;
      }
      if (Expressions.isExpression(formRef)) {
        add(element, "form-ref-expression", "Form reference " + formRef + " là biểu thức: không kiểm tra được biểu mẫu"
            + " nào sẽ hiện ra.", "Nhập đúng mã (ID) của một biểu mẫu trong forms/, ví dụ draft-sub-plan.");
        return;
      }
      FormFile form = forms.get(formRef);
      if (form == null && known.formLibrary().contains(formRef)) {
        add(element, "form-not-attached", "Dùng biểu mẫu '" + formRef + "', nhưng lần triển khai này không kèm tệp"
            + " biểu mẫu đó: việc sẽ không có biểu mẫu để hiển thị.", "Trong Camunda Modeler, ở hộp thoại Deploy,"
            + " mục Include additional files, đính kèm forms/" + formRef + ".form cùng mọi biểu mẫu khác sơ đồ dùng"
            + " (" + String.join(", ", formRefs()) + "), rồi triển khai lại. Gửi bằng REST thì kèm mọi tệp đó và đừng"
            + " dùng deploy-changed-only (nó bỏ các biểu mẫu không đổi ra khỏi lần triển khai).");
      } else if (form == null) {
        Set<String> candidates = new TreeSet<>(known.formLibrary());
        candidates.addAll(forms.keySet());
        String suggestion = Expressions.closest(formRef, candidates);
        add(element, "missing-form", "Dùng biểu mẫu '" + formRef + "', nhưng forms/ không có biểu mẫu nào mã (ID) '"
            + formRef + "'.", "Sửa Form › Form reference cho đúng mã một biểu mẫu trong forms/"
            + (suggestion == null ? "" : " (có phải '" + suggestion + "'?)")
            + ", hoặc tạo biểu mẫu đó bằng Camunda Modeler (mã ở General › ID) và đính kèm khi triển khai.");
      }
      if (!"deployment".equals(binding)) {
        add(element, "form-binding", "Biểu mẫu '" + formRef + "' không gắn theo lần triển khai (Binding: "
            + (binding == null ? "latest" : binding) + "): việc đang chạy sẽ đổi sang biểu mẫu mới nhất khi có người"
            + " triển khai biểu mẫu khác.", "Chọn Form › Binding: deployment.");
      }
      if (form != null) {
        for (String field : FormContract.fieldsRead(formRef)) {
          if (!form.keys().contains(field)) {
            add(element, "form-field", "Biểu mẫu '" + formRef + "' (" + form.resource() + ") không còn trường '" + field
                + "' mà ứng dụng đọc (quy tắc kiểm tra, hook hoặc điều kiện rẽ nhánh dùng nó).",
                "Thêm lại vào biểu mẫu một trường có Key là '" + field + "' (được đổi nhãn, vị trí, mô tả; không đổi"
                    + " Key).");
          }
        }
      }
    }

    private void checkCalledElement(CallActivity call) {
      String called = call.getCalledElement();
      if (called == null || called.isBlank()) {
        add(call, "called-process", "Call activity chưa chọn quy trình được gọi.",
            "Nhập Called element: mã một quy trình trong processes/ (ví dụ agency-sub-plan), Binding: latest.");
      } else if (!Expressions.isExpression(called) && !processesHere.contains(called)
          && !known.processKeys().contains(called)) {
        Set<String> candidates = new TreeSet<>(known.processKeys());
        candidates.addAll(processesHere);
        String suggestion = Expressions.closest(called, candidates);
        add(call, "called-process", "Gọi quy trình '" + called + "', nhưng máy chủ không có quy trình nào mã này.",
            "Sửa Called element cho đúng mã một quy trình trong processes/"
                + (suggestion == null ? "" : " (có phải '" + suggestion + "'?)")
                + ", hoặc triển khai quy trình đó trước (hay cùng lúc).");
      }
    }

    /** Names the diagram defines for itself: element variables, input/output parameters, initiator... */
    private void collectLocals(Element element) {
      NamedNodeMap attributes = element.getAttributes();
      for (int i = 0; i < attributes.getLength(); i++) {
        Attr attribute = (Attr) attributes.item(i);
        if (isCamunda(element, attribute) && DEFINING_ATTRIBUTES.contains(localName(attribute))
            && !Expressions.isExpression(attribute.getValue())) {
          locals.add(attribute.getValue().strip());
        }
      }
      if (CAMUNDA_NS.equals(element.getNamespaceURI())) {
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
          collectLocals(childElement);
        }
      }
      locals.remove("");
    }

    /** Every expression and class reference in the diagram's processes: in attributes and in texts. */
    private void scan(Element element) {
      if (BPMN_NS.equals(element.getNamespaceURI()) && Set.of("documentation", "textAnnotation")
          .contains(element.getLocalName()) || "BPMNDiagram".equals(element.getLocalName())) {
        return; // free text and drawing: nothing the engine evaluates
      }
      if (CAMUNDA_NS.equals(element.getNamespaceURI()) && "script".equals(element.getLocalName())) {
        add(owner(element), "script", "Dùng script: máy chủ không chạy script trong sơ đồ.",
            "Thay bằng một hook (Delegate expression) trong docs/process-owners.md, hoặc nhờ lập trình viên viết hook"
                + " mới.");
      }
      NamedNodeMap attributes = element.getAttributes();
      for (int i = 0; i < attributes.getLength(); i++) {
        Attr attribute = (Attr) attributes.item(i);
        String name = localName(attribute);
        String value = attribute.getValue();
        boolean camunda = isCamunda(element, attribute);
        if (camunda && "source".equals(name) && "in".equals(element.getLocalName())
            && !Expressions.isExpression(value) && !isKnownName(value.strip())) {
          // camunda:in source="planId": a variable of this process handed to the called one
          checkNames(owner(element), "${" + value.strip() + "}");
        } else if (camunda && "class".equals(name)) {
          checkClass(owner(element), value.strip());
        } else if (camunda && "candidateGroups".equals(name)) {
          continue; // checked with the user task
        } else if (Expressions.isExpression(value)) {
          if (camunda && "delegateExpression".equals(name)) {
            checkHook(owner(element), value.strip(), true);
          } else if (camunda && "expression".equals(name)) {
            checkHook(owner(element), value.strip(), false);
          } else {
            checkNames(owner(element), value.strip());
          }
        }
      }
      StringBuilder text = new StringBuilder();
      for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
        if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
          text.append(child.getNodeValue());
        }
      }
      if (Expressions.isExpression(text.toString()) && !"script".equals(element.getLocalName())) {
        checkNames(owner(element), text.toString().strip());
      }
      for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
        if (child instanceof Element childElement) {
          scan(childElement);
        }
      }
    }

    private void checkClass(BaseElement owner, String className) {
      if (!known.classExists().test(className)) {
        add(owner, "missing-class", "Gọi lớp Java '" + className + "' nhưng ứng dụng không có lớp này.",
            "Dùng Implementation › Type: Delegate expression với một hook trong docs/process-owners.md thay cho Java"
                + " class.");
      }
    }

    /** A hook: {@code ${bean}} for a delegate expression, {@code ${bean.method(variable)}} for an expression. */
    private void checkHook(BaseElement owner, String expression, boolean delegate) {
      Expressions.Parsed parsed = Expressions.parse(expression);
      if (!parsed.valid()) {
        syntax(owner, expression, parsed);
        return;
      }
      for (String name : parsed.identifiers()) {
        boolean ok = known.hooks().contains(name) || !delegate && isKnownName(name);
        if (!ok) {
          String suggestion = Expressions.closest(name, known.hooks());
          add(owner, "missing-bean", "Gọi hook " + expression + " nhưng ứng dụng không có hook (bean) tên '" + name
              + "'.", "Sửa tên cho đúng một hook trong docs/process-owners.md"
              + (suggestion == null ? "" : " (có phải ${" + suggestion + "}?)")
              + "; một hook mới cần lập trình viên viết và phát hành trước.");
        }
      }
      checkFunctions(owner, expression, parsed);
    }

    private void checkNames(BaseElement owner, String expression) {
      Expressions.Parsed parsed = Expressions.parse(expression);
      if (!parsed.valid()) {
        syntax(owner, expression, parsed);
        return;
      }
      for (String name : parsed.identifiers()) {
        if (!isKnownName(name)) {
          Set<String> candidates = new TreeSet<>(known.variables());
          candidates.addAll(locals);
          candidates.addAll(formFields);
          candidates.addAll(known.hooks());
          String suggestion = Expressions.closest(name, candidates);
          add(owner, "unknown-name", "Biểu thức " + expression + " dùng '" + name + "', nhưng đó không phải biến của"
              + " quy trình, trường của biểu mẫu hay hook của ứng dụng.", "Sửa lại tên"
              + (suggestion == null ? "" : " (có phải '" + suggestion + "'?)")
              + "; các biến và hook dùng được liệt kê trong docs/process-owners.md.");
        }
      }
      checkFunctions(owner, expression, parsed);
    }

    private void checkFunctions(BaseElement owner, String expression, Expressions.Parsed parsed) {
      for (String function : parsed.functions()) {
        String name = function.contains(":") ? function.substring(function.indexOf(':') + 1) : function;
        if (!FUNCTIONS.contains(name)) {
          add(owner, "unknown-function", "Biểu thức " + expression + " gọi hàm '" + function + "()' mà máy chủ không"
              + " có.", "Chỉ dùng now(), dateTime(), currentUser(), currentUserGroups() hoặc một hook trong"
              + " docs/process-owners.md.");
        }
      }
    }

    private void syntax(BaseElement owner, String expression, Expressions.Parsed parsed) {
      add(owner, "expression-syntax", "Biểu thức " + expression + " viết sai cú pháp (" + parsed.error() + ").",
          "Viết lại theo dạng ${tênBiến}, ${!tênBiến} hoặc ${hook.phươngThức(...)}.");
    }

    private boolean isKnownName(String name) {
      return known.hooks().contains(name) || known.variables().contains(name) || locals.contains(name)
          || formFields.contains(name) || BUILT_INS.contains(name);
    }

    /** The flow element (or process) an XML element belongs to: what the message names. */
    private BaseElement owner(Element element) {
      for (Node node = element; node instanceof Element current; node = node.getParentNode()) {
        String id = current.getAttribute("id");
        if (!id.isEmpty()) {
          ModelElementInstance instance = model.getModelElementById(id);
          if (instance instanceof FlowElement || instance instanceof Process) {
            return (BaseElement) instance;
          }
        }
      }
      return null;
    }

    private java.util.Optional<FormFile> formOf(String formRef) {
      return formRef == null ? java.util.Optional.empty() : java.util.Optional.ofNullable(forms.get(formRef));
    }

    private List<String> formRefs() {
      Set<String> refs = new TreeSet<>();
      model.getModelElementsByType(UserTask.class).stream().map(UserTask::getCamundaFormRef)
          .filter(ref -> ref != null && !ref.isBlank()).forEach(refs::add);
      model.getModelElementsByType(StartEvent.class).stream().map(StartEvent::getCamundaFormRef)
          .filter(ref -> ref != null && !ref.isBlank()).forEach(refs::add);
      return refs.stream().map(ref -> ref + ".form").toList();
    }

    private String groupVariableList() {
      return known.groupVariables().stream().map(name -> "${" + name + "}").collect(Collectors.joining(", "));
    }

    private void add(BaseElement element, String check, String problem, String fix) {
      findings.add(new Finding(file, element == null ? null : element.getId(), LintRules.name(element), check,
          problem, fix));
    }
  }

  /** A camunda attribute: qualified on a BPMN element, or unqualified on a camunda element (listeners). */
  private static boolean isCamunda(Element element, Attr attribute) {
    return CAMUNDA_NS.equals(attribute.getNamespaceURI())
        || attribute.getNamespaceURI() == null && CAMUNDA_NS.equals(element.getNamespaceURI());
  }

  private static String localName(Attr attribute) {
    return attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
  }

  private static boolean isDate(String text) {
    for (java.util.function.Consumer<String> parser : List.<java.util.function.Consumer<String>>of(
        OffsetDateTime::parse, LocalDateTime::parse, LocalDate::parse)) {
      try {
        parser.accept(text.strip());
        return true;
      } catch (DateTimeParseException e) {
        // try the next format
      }
    }
    return false;
  }

  private static String strip(String text) {
    return text == null ? null : text.strip();
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
