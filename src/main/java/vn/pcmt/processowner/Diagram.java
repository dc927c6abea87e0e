package vn.pcmt.processowner;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import vn.pcmt.processowner.DiagramValidator.FormFile;

/**
 * One diagram under check, shared by the checks of {@link DiagramValidator}: its file, model and XML, what the
 * application offers, the forms of the deployment, the names the diagram defines for itself, and where findings go.
 */
final class Diagram {

  static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
  static final String BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";

  final String file;
  final BpmnModelInstance model;
  final Element root;
  final Knowledge known;
  final Map<String, FormFile> forms;
  private final List<Finding> findings;
  /** Element variables, input/output parameters, initiator, result variables... and the fields of its forms. */
  private final Set<String> names = new HashSet<>();
  private ExpressionPolicy policy;

  Diagram(String file, BpmnModelInstance model, Knowledge known, Map<String, FormFile> forms,
      List<Finding> findings) {
    this.file = file;
    this.model = model;
    this.root = ((org.w3c.dom.Document) model.getDocument().getDomSource().getNode()).getDocumentElement();
    this.known = known;
    this.forms = forms;
    this.findings = findings;
  }

  /** Adds names the diagram defines; before the first expression is checked. */
  void define(Set<String> defined) {
    names.addAll(defined);
    names.remove("");
    policy = null;
  }

  Set<String> names() {
    return names;
  }

  ExpressionPolicy policy() {
    if (policy == null) {
      policy = new ExpressionPolicy(known, Set.copyOf(names));
    }
    return policy;
  }

  /** A name an expression may read: a variable of the process classes, of the diagram or of its forms. */
  boolean isVariable(String name) {
    return known.variables().contains(name) || names.contains(name);
  }

  /** Checks one expression in its place and reports what is wrong with it, naming the element. */
  void expression(BaseElement element, String expression, ExpressionPolicy.Role role) {
    for (ExpressionPolicy.Violation violation : policy().check(expression.strip(), role)) {
      add(element, violation.check(), violation.problem(), violation.fix());
    }
  }

  void add(BaseElement element, String check, String problem, String fix) {
    findings.add(new Finding(file, element == null ? null : element.getId(), LintRules.name(element), check,
        problem, fix));
  }

  /** The flow element (or process) an XML element belongs to: what the message names. */
  BaseElement owner(Element element) {
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

  Optional<FormFile> formOf(String formRef) {
    return formRef == null ? Optional.empty() : Optional.ofNullable(forms.get(formRef));
  }

  /** The form files the diagram's tasks and start events name, for a message that lists them. */
  List<String> formFiles() {
    Set<String> refs = new TreeSet<>();
    model.getModelElementsByType(UserTask.class).stream().map(UserTask::getCamundaFormRef)
        .filter(ref -> ref != null && !ref.isBlank()).forEach(refs::add);
    model.getModelElementsByType(StartEvent.class).stream().map(StartEvent::getCamundaFormRef)
        .filter(ref -> ref != null && !ref.isBlank()).forEach(refs::add);
    return refs.stream().map(ref -> ref + ".form").toList();
  }

  /** A camunda attribute: qualified on a BPMN element, or unqualified on a camunda element (listeners). */
  static boolean isCamunda(Element element, Attr attribute) {
    return CAMUNDA_NS.equals(attribute.getNamespaceURI())
        || attribute.getNamespaceURI() == null && CAMUNDA_NS.equals(element.getNamespaceURI());
  }

  static String localName(Attr attribute) {
    return attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
  }
}
