package vn.pcmt.processowner;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;

import vn.pcmt.processowner.DiagramValidator.FormFile;

/**
 * What every user task needs so that someone sees it, in time, with a form the server checks: a candidate group the
 * directory knows, a due date, a Camunda Form bound to the deployment and present in it with every field the
 * application reads, and the server-side form rules. Start events with a form get the form checks.
 */
final class UserTaskChecks {

  static final String FORM_RULES_HOOK = "validateFormListener";
  private static final String DUE_DATE_EXAMPLES = "${deadlines.workingDaysFromNow(5)} (5 ngày làm việc kể từ khi giao"
      + " việc) hoặc hạn của kế hoạch: ${subPlanDueDate}, ${periodDueDate}, ${proposalDueDate}";

  private final Diagram diagram;
  private final Knowledge known;

  UserTaskChecks(Diagram diagram) {
    this.diagram = diagram;
    this.known = diagram.known;
  }

  void run() {
    for (UserTask task : diagram.model.getModelElementsByType(UserTask.class)) {
      checkUserTask(task);
    }
    for (StartEvent start : diagram.model.getModelElementsByType(StartEvent.class)) {
      if (start.getCamundaFormRef() != null || start.getCamundaFormKey() != null) {
        checkForm(start, start.getCamundaFormRef(), start.getCamundaFormRefBinding());
      }
    }
  }

  private void checkUserTask(UserTask task) {
    String groups = task.getCamundaCandidateGroups();
    if (groups == null || groups.isBlank()) {
      diagram.add(task, "no-candidate-group", "Việc chưa giao cho nhóm nào (User assignment › Candidate groups):"
          + " không ai thấy việc này trong Tasklist.", "Nhập một biến nhóm: " + groupVariableList()
          + ", hoặc mã một cơ quan trong danh bạ.");
    } else {
      for (String item : Expressions.listItems(groups)) {
        checkGroup(task, item);
      }
    }
    String due = task.getCamundaDueDate();
    if (due == null || due.isBlank()) {
      diagram.add(task, "no-due-date", "Việc chưa có hạn xử lý (User assignment › Due date): việc không bao giờ quá"
          + " hạn, không được nhắc và không bị tính là chậm.", "Nhập hạn xử lý, ví dụ " + DUE_DATE_EXAMPLES + ".");
    } else if (!Expressions.isExpression(due) && !isDate(due)) {
      diagram.add(task, "due-date-format", "Hạn xử lý '" + due + "' không phải biểu thức hay ngày giờ hợp lệ.",
          "Nhập một biểu thức, ví dụ " + DUE_DATE_EXAMPLES + ", hoặc ngày giờ dạng 2025-12-15T17:00:00.");
    }
    String formRef = task.getCamundaFormRef();
    if (formRef == null || formRef.isBlank()) {
      diagram.add(task, "no-form", "Việc chưa gắn biểu mẫu Camunda Forms: người nhận việc không có gì để điền.",
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
      diagram.add(task, "form-rules-listener", "Việc thiếu task listener ${" + FORM_RULES_HOOK + "} ở sự kiện"
          + " complete: máy chủ sẽ không kiểm tra dữ liệu người dùng nhập vào biểu mẫu.",
          "Thêm Task listeners › Event type: complete, Listener type: Delegate expression, Delegate expression: ${"
              + FORM_RULES_HOOK + "}.");
    }
  }

  private void checkGroup(UserTask task, String item) {
    String fix = "Dùng một biến nhóm: " + groupVariableList() + ", hoặc mã một cơ quan trong danh bạ (ví dụ SYT;"
        + " nhóm lãnh đạo của cơ quan là mã + LD, ví dụ SYTLD).";
    if (Expressions.isExpression(item)) {
      List<ExpressionPolicy.Violation> violations = diagram.policy().check(item, ExpressionPolicy.Role.VALUE);
      if (!violations.isEmpty()) {
        violations.forEach(v -> diagram.add(task, v.check(), v.problem(), v.fix()));
        return;
      }
      for (String name : Expressions.parse(item).identifiers()) {
        boolean groupVariable = Knowledge.isGroupVariable(name) && diagram.isVariable(name);
        if (!groupVariable && !known.hookMethods().containsKey(name)) {
          String suggestion = Expressions.closest(name, known.groupVariables());
          diagram.add(task, "unknown-group", "Giao việc cho nhóm " + item + ", nhưng '" + name + "' không phải biến"
              + " nhóm mà ứng dụng điền (" + (diagram.isVariable(name) ? "biến này không chứa mã nhóm"
              : "không có biến này") + "): không ai nhận được việc này.",
              (suggestion == null ? "" : "Có phải ${" + suggestion + "}? ") + fix);
        }
      }
    } else if (!known.groups().contains(item)) {
      String suggestion = Expressions.closest(item, known.groups());
      diagram.add(task, "unknown-group", "Giao việc cho nhóm '" + item + "', nhưng danh bạ cơ quan không có cơ quan"
          + " hay nhóm lãnh đạo nào mã '" + item + "': không ai nhận được việc này.",
          (suggestion == null ? "" : "Có phải '" + suggestion + "'? ") + fix);
    }
  }

  private void checkForm(BaseElement element, String formRef, String binding) {
    if (formRef == null || formRef.isBlank()) {
      diagram.add(element, "no-form", "Dùng formKey thay cho Camunda Forms: ứng dụng chỉ hỗ trợ Camunda Forms.",
          "Chọn Form › Type: Camunda Forms (linked), Form reference: mã một biểu mẫu trong forms/, Binding:"
              + " deployment.");
      return;
    }
    if (Expressions.isExpression(formRef)) {
      diagram.add(element, "form-ref-expression", "Form reference " + formRef + " là biểu thức: không kiểm tra được"
          + " biểu mẫu nào sẽ hiện ra.", "Nhập đúng mã (ID) của một biểu mẫu trong forms/, ví dụ draft-sub-plan.");
      return;
    }
    FormFile form = diagram.forms.get(formRef);
    if (form == null && known.formLibrary().contains(formRef)) {
      diagram.add(element, "form-not-attached", "Dùng biểu mẫu '" + formRef + "', nhưng lần triển khai này không"
          + " kèm tệp biểu mẫu đó: việc sẽ không có biểu mẫu để hiển thị.", "Trong Camunda Modeler, ở hộp thoại"
          + " Deploy, mục Include additional files, đính kèm forms/" + formRef + ".form cùng mọi biểu mẫu khác sơ đồ"
          + " dùng (" + String.join(", ", diagram.formFiles()) + "), rồi triển khai lại. Gửi bằng REST thì kèm mọi tệp"
          + " đó và đừng dùng deploy-changed-only (nó bỏ các biểu mẫu không đổi ra khỏi lần triển khai).");
    } else if (form == null) {
      Set<String> candidates = new TreeSet<>(known.formLibrary());
      candidates.addAll(diagram.forms.keySet());
      String suggestion = Expressions.closest(formRef, candidates);
      diagram.add(element, "missing-form", "Dùng biểu mẫu '" + formRef + "', nhưng forms/ không có biểu mẫu nào mã"
          + " (ID) '" + formRef + "'.", "Sửa Form › Form reference cho đúng mã một biểu mẫu trong forms/"
          + (suggestion == null ? "" : " (có phải '" + suggestion + "'?)")
          + ", hoặc tạo biểu mẫu đó bằng Camunda Modeler (mã ở General › ID) và đính kèm khi triển khai.");
    }
    if (!"deployment".equals(binding)) {
      diagram.add(element, "form-binding", "Biểu mẫu '" + formRef + "' không gắn theo lần triển khai (Binding: "
          + (binding == null ? "latest" : binding) + "): việc đang chạy sẽ đổi sang biểu mẫu mới nhất khi có người"
          + " triển khai biểu mẫu khác.", "Chọn Form › Binding: deployment.");
    }
    if (form != null) {
      for (String field : FormContract.fieldsRead(formRef)) {
        if (!form.keys().contains(field)) {
          diagram.add(element, "form-field", "Biểu mẫu '" + formRef + "' (" + form.resource() + ") không còn trường"
              + " '" + field + "' mà ứng dụng đọc (quy tắc kiểm tra, hook hoặc điều kiện rẽ nhánh dùng nó).",
              "Thêm lại vào biểu mẫu một trường có Key là '" + field + "' (được đổi nhãn, vị trí, mô tả; không đổi"
                  + " Key).");
        }
      }
    }
  }

  private String groupVariableList() {
    return known.groupVariables().stream().map(name -> "${" + name + "}").collect(Collectors.joining(", "));
  }

  private static boolean isDate(String text) {
    for (Consumer<String> parser : List.<Consumer<String>>of(OffsetDateTime::parse, LocalDateTime::parse,
        LocalDate::parse)) {
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
}
