package vn.pcmt.processowner;

import static vn.pcmt.processowner.Diagram.BPMN_NS;
import static vn.pcmt.processowner.Diagram.CAMUNDA_NS;

import java.util.Set;

import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

import vn.pcmt.processowner.ExpressionPolicy.Role;

/**
 * Everything in a diagram's XML that the engine would evaluate or run, checked where it stands: every expression, in
 * attributes and in texts, against the {@link ExpressionPolicy}; and every way of bringing code into the engine,
 * which no diagram may use: scripts of any language (script tasks, script conditions, listeners and input/output
 * parameters, {@code camunda:resource} files), Java classes ({@code camunda:class}, on tasks, listeners, message
 * events, call activities; form handlers and validators), connectors, other implementation types ({@code camunda:type}: shell, mail, external),
 * field injection into the hooks.
 */
final class ExpressionScan {

  private static final String HOOK_FIX = "Chọn Type: Delegate expression và ghi một hook trong docs/process-owners.md"
      + " (ví dụ ${submitSubPlanDelegate}); một hook mới cần lập trình viên viết và phát hành trước.";
  private static final String SCRIPT_PROBLEM = ": máy chủ không chạy script trong sơ đồ, ở bất kỳ ngôn ngữ nào.";

  private final Diagram diagram;

  ExpressionScan(Diagram diagram) {
    this.diagram = diagram;
  }

  void run() {
    scan(diagram.root);
  }

  private void scan(Element element) {
    String local = element.getLocalName();
    if (BPMN_NS.equals(element.getNamespaceURI()) && Set.of("documentation", "textAnnotation").contains(local)
        || "BPMNDiagram".equals(local)) {
      return; // free text and drawing: nothing the engine evaluates
    }
    if (refusedConstruct(element)) {
      return; // reported once; what is inside does not run either
    }
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      attribute(element, (Attr) attributes.item(i));
    }
    StringBuilder text = new StringBuilder();
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
        text.append(child.getNodeValue());
      }
    }
    if (Expressions.isExpression(text.toString())) {
      diagram.expression(diagram.owner(element), text.toString(), Role.VALUE);
    }
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element childElement) {
        scan(childElement);
      }
    }
  }

  /** A script, connector or field injection: reports it and says so. */
  private boolean refusedConstruct(Element element) {
    String local = element.getLocalName();
    BaseElement owner = diagram.owner(element);
    if (BPMN_NS.equals(element.getNamespaceURI()) && "scriptTask".equals(local)) {
      String resource = element.getAttributeNS(CAMUNDA_NS, "resource");
      diagram.add(owner, "script", "Bước dùng script" + (resource.isBlank() ? "" : " ngoài '" + resource + "'")
          + SCRIPT_PROBLEM, "Thay bằng một Service task gọi hook (Delegate expression) trong docs/process-owners.md,"
          + " hoặc nhờ lập trình viên viết hook mới.");
      return true;
    }
    if (BPMN_NS.equals(element.getNamespaceURI()) && !element.getAttribute("language").isBlank()) {
      diagram.add(owner, "script", "Dùng script (" + kind(element) + " viết bằng " + element.getAttribute("language")
          + ")" + SCRIPT_PROBLEM, "Chọn Condition type: Expression và viết điều kiện dạng ${tênBiến} hoặc"
          + " ${!tênBiến} với biến của quy trình.");
      return true;
    }
    if (!CAMUNDA_NS.equals(element.getNamespaceURI())) {
      return false;
    }
    switch (local) {
      case "script" -> {
        String resource = element.getAttribute("resource");
        diagram.add(owner, "script", "Dùng script" + (resource.isBlank() ? "" : " ngoài '" + resource + "'") + " ("
            + kind(element) + ", " + element.getAttribute("scriptFormat") + ")" + SCRIPT_PROBLEM,
            "Thay bằng một hook (Delegate expression) trong docs/process-owners.md, hoặc nhờ lập trình viên viết"
                + " hook mới.");
        return true;
      }
      case "connector" -> {
        diagram.add(owner, "connector", "Dùng connector" + childText(element, "connectorId") + ": máy chủ không"
            + " gọi dịch vụ bên ngoài từ sơ đồ.", HOOK_FIX);
        return true;
      }
      case "constraint" -> {
        if (!"validator".equals(element.getAttribute("name"))) {
          return false; // required, minlength...: the engine's own rules
        }
        String config = element.getAttribute("config");
        if (Expressions.isExpression(config)) {
          diagram.expression(owner, config, Role.DELEGATE);
        } else {
          diagram.add(owner, "class", "Gọi lớp Java '" + config.strip() + "' (Validation › validator): sơ đồ không"
              + " được chỉ định lớp Java cho máy chủ chạy.", "Xóa ràng buộc này; quy tắc kiểm tra biểu mẫu nằm ở"
              + " máy chủ (${validateFormListener}).");
        }
        return true;
      }
      case "field" -> {
        diagram.add(owner, "field-injection", "Gán trường '" + element.getAttribute("name") + "' cho hook (Field"
            + " injections): hook dùng chung cho mọi quy trình, không nhận giá trị từ sơ đồ.", "Xóa mục Field"
            + " injections; dữ liệu đi qua biến của quy trình.");
        return true;
      }
      default -> {
        return false;
      }
    }
  }

  private void attribute(Element element, Attr attribute) {
    String name = Diagram.localName(attribute);
    String value = attribute.getValue();
    boolean camunda = Diagram.isCamunda(element, attribute);
    BaseElement owner = diagram.owner(element);
    if (camunda && ("class".equals(name) || name.endsWith("Class"))) { // also formHandlerClass, variableMappingClass
      diagram.add(owner, "class", "Gọi lớp Java '" + value.strip() + "' (Java class): sơ đồ không được chỉ định lớp"
          + " Java cho máy chủ chạy.", HOOK_FIX);
    } else if (CAMUNDA_NS.equals(attribute.getNamespaceURI()) && "type".equals(name)) {
      diagram.add(owner, "service-type", "Bước dùng Type '" + value.strip() + "' (camunda:type): máy chủ chỉ chạy"
          + " hook của ứng dụng, không chạy lệnh hệ thống, không gửi thư từ sơ đồ, không chờ chương trình ngoài.",
          HOOK_FIX);
    } else if (camunda && "source".equals(name) && "in".equals(element.getLocalName())
        && !Expressions.isExpression(value)) {
      // camunda:in source="planId": a variable of this process handed to the called one
      diagram.expression(owner, "${" + value.strip() + "}", Role.VALUE);
    } else if (camunda && "candidateGroups".equals(name)) {
      return; // checked with the user task
    } else if (Expressions.isExpression(value)) {
      Role role = camunda && Set.of("delegateExpression", "variableMappingDelegateExpression").contains(name)
          ? Role.DELEGATE : camunda && "expression".equals(name) ? Role.HOOK_CALL : Role.VALUE;
      diagram.expression(owner, value, role);
    }
  }

  /** What a script or language attribute is attached to, as Camunda Modeler names it. */
  private static String kind(Element element) {
    Node parent = element.getParentNode();
    String at = parent instanceof Element parentElement ? parentElement.getLocalName() : "";
    return switch (element.getLocalName()) {
      case "conditionExpression" -> "điều kiện của luồng";
      case "condition" -> "điều kiện của sự kiện";
      case "completionCondition" -> "điều kiện hoàn thành";
      default -> switch (at) {
        case "executionListener" -> "execution listener";
        case "taskListener" -> "task listener";
        case "inputParameter" -> "tham số vào '" + ((Element) parent).getAttribute("name") + "'";
        case "outputParameter" -> "tham số ra '" + ((Element) parent).getAttribute("name") + "'";
        default -> element.getLocalName();
      };
    };
  }

  private static String childText(Element element, String local) {
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element childElement && local.equals(childElement.getLocalName())) {
        return " '" + childElement.getTextContent().strip() + "'";
      }
    }
    return "";
  }
}
