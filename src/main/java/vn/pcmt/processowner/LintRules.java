package vn.pcmt.processowner;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.bpmn.instance.CompensateEventDefinition;
import org.camunda.bpm.model.bpmn.instance.ComplexGateway;
import org.camunda.bpm.model.bpmn.instance.DataObject;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.EventDefinition;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.IntermediateThrowEvent;
import org.camunda.bpm.model.bpmn.instance.LinkEventDefinition;
import org.camunda.bpm.model.bpmn.instance.ParallelGateway;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.ThrowEvent;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * The error rules of bpmnlint's recommended set (what Camunda Modeler shows in its Problems panel), in Java, so that a
 * deployment is checked by them where Node.js is not installed. Each finding carries the bpmnlint rule name
 * ({@code lint:no-implicit-split}); the wording is the process owner's, in Vietnamese. CI runs the real bpmnlint
 * (.ci/run) with the Camunda 7.24 compatibility rules as well.
 */
final class LintRules {

  private LintRules() {
  }

  static List<Finding> lint(String file, BpmnModelInstance model) {
    List<Finding> findings = new ArrayList<>();
    List<Container> containers = new ArrayList<>();
    for (Process process : model.getModelElementsByType(Process.class)) {
      containers.add(new Container(process, process.getFlowElements(), false));
    }
    for (SubProcess sub : model.getModelElementsByType(SubProcess.class)) {
      containers.add(new Container(sub, sub.getFlowElements(), sub.triggeredByEvent()));
    }
    // flows as the engine reads them (sourceRef/targetRef), not the <incoming>/<outgoing> hints
    Map<FlowNode, List<SequenceFlow>> incoming = new HashMap<>();
    Map<FlowNode, List<SequenceFlow>> outgoing = new HashMap<>();
    for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
      if (flow.getSource() != null) {
        outgoing.computeIfAbsent(flow.getSource(), k -> new ArrayList<>()).add(flow);
      }
      if (flow.getTarget() != null) {
        incoming.computeIfAbsent(flow.getTarget(), k -> new ArrayList<>()).add(flow);
      }
    }

    for (Container container : containers) {
      checkContainer(file, container, findings);
    }
    Set<String> flowKeys = new HashSet<>();
    Set<String> reported = new HashSet<>();
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      List<SequenceFlow> in = incoming.getOrDefault(node, List.of());
      List<SequenceFlow> out = outgoing.getOrDefault(node, List.of());
      checkConnections(file, node, in, out, findings);
      checkLabel(file, node, out, findings);
      if (node instanceof Gateway && in.size() > 1 && out.size() > 1) {
        findings.add(finding(file, node, "no-gateway-join-fork"));
      }
      if (node instanceof ComplexGateway) {
        findings.add(finding(file, node, "no-complex-gateway"));
      }
      if (node instanceof Event event && eventDefinitions(event).size() > 1) {
        findings.add(finding(file, node, "single-event-definition"));
      }
      checkConditions(file, node, out, findings);
    }
    for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
      if (flow.getConditionExpression() != null && blank(flow.getName())) {
        findings.add(finding(file, flow, "label-required"));
      }
      String key = id(flow.getSource()) + "#" + id(flow.getTarget()) + "#"
          + (flow.getConditionExpression() == null ? "" : flow.getConditionExpression().getTextContent());
      if (!flowKeys.add(key) && reported.add(key)) {
        findings.add(finding(file, flow, "no-duplicate-sequence-flows"));
      }
    }
    for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
      if (!(element instanceof DataObject) && element.getDiagramElement() == null) {
        findings.add(finding(file, element, "no-bpmndi"));
      }
    }
    return findings;
  }

  private record Container(BaseElement element, Collection<FlowElement> flowElements, boolean eventSubProcess) {
  }

  private static void checkContainer(String file, Container container, List<Finding> findings) {
    List<StartEvent> starts = container.flowElements().stream().filter(StartEvent.class::isInstance)
        .map(StartEvent.class::cast).toList();
    if (starts.isEmpty()) {
      findings.add(finding(file, container.element(), "start-event-required"));
    }
    if (container.flowElements().stream().noneMatch(EndEvent.class::isInstance)) {
      findings.add(finding(file, container.element(), "end-event-required"));
    }
    if (starts.stream().filter(s -> s.getEventDefinitions().isEmpty()).count() > 1) {
      findings.add(finding(file, container.element(), "single-blank-start-event"));
    }
    if (container.element() instanceof SubProcess) {
      for (StartEvent start : starts) {
        if (container.eventSubProcess() && start.getEventDefinitions().isEmpty()) {
          findings.add(finding(file, start, "event-sub-process-typed-start-event"));
        } else if (!container.eventSubProcess() && !start.getEventDefinitions().isEmpty()) {
          findings.add(finding(file, start, "sub-process-blank-start-event"));
        }
      }
    }
  }

  private static void checkConnections(String file, FlowNode node, List<SequenceFlow> in, List<SequenceFlow> out,
      List<Finding> findings) {
    boolean eventSubProcess = node instanceof SubProcess sub && sub.triggeredByEvent();
    boolean compensation = node instanceof Activity activity && activity.isForCompensation()
        || node instanceof BoundaryEvent boundary && isOnly(boundary, CompensateEventDefinition.class);
    if (eventSubProcess || compensation) {
      return;
    }
    if (in.isEmpty() && out.isEmpty()) {
      findings.add(finding(file, node, "no-disconnected")); // and, as bpmnlint says, an implicit start and end
    }
    boolean startsItself = node instanceof StartEvent || node instanceof BoundaryEvent
        || node instanceof IntermediateCatchEvent catchEvent && isOnly(catchEvent, LinkEventDefinition.class);
    if (in.isEmpty() && !startsItself) {
      findings.add(finding(file, node, "no-implicit-start"));
    }
    boolean endsItself = node instanceof EndEvent
        || node instanceof IntermediateThrowEvent throwEvent && isOnly(throwEvent, LinkEventDefinition.class);
    if (out.isEmpty() && !endsItself) {
      findings.add(finding(file, node, "no-implicit-end"));
    }
  }

  private static void checkLabel(String file, FlowNode node, List<SequenceFlow> out, List<Finding> findings) {
    boolean exempt = node instanceof ParallelGateway || node instanceof EventBasedGateway || node instanceof SubProcess
        || node instanceof Gateway && out.size() <= 1;
    if (!exempt && blank(node.getName())) {
      findings.add(finding(file, node, "label-required"));
    }
  }

  private static void checkConditions(String file, FlowNode node, List<SequenceFlow> out, List<Finding> findings) {
    String defaultFlow = node.getAttributeValue("default");
    boolean conditional = defaultFlow != null || out.stream().anyMatch(f -> f.getConditionExpression() != null);
    List<SequenceFlow> unconditioned = out.stream()
        .filter(f -> f.getConditionExpression() == null && !f.getId().equals(defaultFlow)).toList();
    if ((node instanceof Activity || node instanceof Event) && unconditioned.size() > 1) {
      findings.add(finding(file, node, "no-implicit-split"));
    }
    if (conditional) {
      for (SequenceFlow flow : unconditioned) {
        findings.add(finding(file, flow, "conditional-flows"));
      }
    }
  }

  private static Collection<EventDefinition> eventDefinitions(Event event) {
    if (event instanceof CatchEvent catchEvent) {
      return catchEvent.getEventDefinitions();
    }
    if (event instanceof ThrowEvent throwEvent) {
      return throwEvent.getEventDefinitions();
    }
    return List.of();
  }

  private static boolean isOnly(Event event, Class<? extends EventDefinition> type) {
    Collection<EventDefinition> definitions = eventDefinitions(event);
    return !definitions.isEmpty() && definitions.stream().allMatch(type::isInstance);
  }

  private static Finding finding(String file, BaseElement element, String rule) {
    Finding wording = WORDING.get(rule);
    return new Finding(file, element.getId(), name(element), "lint:" + rule, wording.problem(), wording.fix());
  }

  /** The Vietnamese wording of each rule, by bpmnlint rule name: problem and fix (file and element left empty). */
  static Map<String, Finding> wording() {
    return WORDING;
  }

  private static Finding say(String rule, String problem, String fix) {
    return new Finding("", null, null, "lint:" + rule, problem, fix);
  }

  private static final Map<String, Finding> WORDING = Map.ofEntries(
      Map.entry("start-event-required", say("start-event-required",
          "Quy trình (hoặc quy trình con) không có sự kiện bắt đầu.",
          "Thêm một Start event và nối nó tới bước đầu tiên.")),
      Map.entry("end-event-required", say("end-event-required",
          "Quy trình (hoặc quy trình con) không có sự kiện kết thúc.",
          "Thêm một End event ở cuối mỗi nhánh.")),
      Map.entry("single-blank-start-event", say("single-blank-start-event",
          "Có nhiều sự kiện bắt đầu thường: máy chủ không biết bắt đầu từ đâu.",
          "Giữ một Start event thường, xóa các cái thừa.")),
      Map.entry("event-sub-process-typed-start-event", say("event-sub-process-typed-start-event",
          "Sự kiện bắt đầu của quy trình con sự kiện (event sub-process) phải có loại.",
          "Chọn loại cho sự kiện (timer, message, error...).")),
      Map.entry("sub-process-blank-start-event", say("sub-process-blank-start-event",
          "Sự kiện bắt đầu của quy trình con phải là sự kiện thường (không timer, message...).",
          "Đổi nó thành Start event thường; đặt timer hay message trên luồng trước quy trình con.")),
      Map.entry("no-disconnected", say("no-disconnected",
          "Phần tử không nối với luồng nào: quy trình không bao giờ đi qua nó.",
          "Nối nó vào luồng bằng Sequence flow, hoặc xóa nó.")),
      Map.entry("no-implicit-start", say("no-implicit-start",
          "Phần tử không có luồng đi vào: không bao giờ tới được nó.",
          "Nối một Sequence flow từ bước trước vào nó, hoặc xóa nó.")),
      Map.entry("no-implicit-end", say("no-implicit-end",
          "Phần tử không có luồng đi ra: quy trình dừng ở đây mà không có sự kiện kết thúc.",
          "Nối nó tới bước tiếp theo hoặc tới một End event.")),
      Map.entry("no-implicit-split", say("no-implicit-split",
          "Có nhiều luồng đi ra không điều kiện: mọi nhánh sẽ chạy cùng lúc một cách ngầm định.",
          "Đặt sau phần tử một Exclusive gateway (rẽ theo điều kiện) hoặc Parallel gateway (song song có chủ ý) rồi"
              + " nối các nhánh từ cổng đó; hoặc xóa luồng thừa.")),
      Map.entry("conditional-flows", say("conditional-flows",
          "Luồng ra của một điểm rẽ nhánh có điều kiện, nhưng luồng này không có điều kiện và không phải luồng mặc"
              + " định.",
          "Chọn luồng › Condition › Type: Expression và nhập điều kiện (ví dụ ${subPlanAccepted}), hoặc đặt nó làm"
              + " luồng mặc định (Default flow).")),
      Map.entry("label-required", say("label-required",
          "Phần tử chưa có tên: người dùng và người đọc sơ đồ không biết bước (hay nhánh) này là gì.",
          "Đặt tên tiếng Việt cho phần tử (General › Name); một luồng có điều kiện đặt tên như \"Duyệt\", \"Trả"
              + " lại\".")),
      Map.entry("no-duplicate-sequence-flows", say("no-duplicate-sequence-flows",
          "Có hai luồng trùng nhau (cùng điểm đầu, điểm cuối và điều kiện).", "Xóa luồng thừa.")),
      Map.entry("no-gateway-join-fork", say("no-gateway-join-fork", "Cổng vừa gộp vừa tách nhánh.",
          "Tách thành hai cổng: một cổng gộp các nhánh vào, rồi một cổng tách nhánh ra.")),
      Map.entry("no-complex-gateway", say("no-complex-gateway", "Complex gateway không được dùng.",
          "Dùng Exclusive gateway (rẽ theo điều kiện) hoặc Parallel gateway (song song).")),
      Map.entry("single-event-definition", say("single-event-definition",
          "Sự kiện có nhiều loại (nhiều event definition).",
          "Mỗi sự kiện chỉ giữ một loại (timer, message...); tách thành nhiều sự kiện nếu cần.")),
      Map.entry("no-bpmndi", say("no-bpmndi", "Phần tử có trong quy trình nhưng không được vẽ trên sơ đồ.",
          "Mở tệp bằng Camunda Modeler, vẽ lại phần tử (hoặc xóa nó) rồi lưu; đừng sửa XML bằng tay.")));

  static String name(ModelElementInstance element) {
    return element == null ? null : element.getAttributeValue("name");
  }

  private static String id(BaseElement element) {
    return element == null ? "" : element.getId();
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
