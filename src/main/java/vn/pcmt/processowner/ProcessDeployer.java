package vn.pcmt.processowner;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Deploys processes/*.bpmn at start-up, each as its own deployment together with the forms (forms/*.form) it
 * references. Camunda binds a {@code formRefBinding="deployment"} form from the diagram's own deployment, so a running
 * task keeps the form version it was created with. Deploying is idempotent: a diagram whose file and forms are
 * unchanged is not deployed again; a changed one becomes a new version.
 *
 * <p>Every deployment passes the same validation as one from Camunda Modeler ({@link DeploymentGate}). A refused
 * diagram that has an earlier version keeps that version running and the refusal is logged and kept in the deployment
 * history; a refused diagram with no earlier version stops the start, since the plans cannot run without it.
 */
@Service
public class ProcessDeployer {

  private static final Logger LOG = LoggerFactory.getLogger(ProcessDeployer.class);
  static final String SOURCE = "pcmt-processes";

  private final RepositoryService repository;
  private final ModelFolders folders;
  private final ProcessOwners owners;

  ProcessDeployer(RepositoryService repository, ModelFolders folders, ProcessOwners owners) {
    this.repository = repository;
    this.folders = folders;
    this.owners = owners;
  }

  public List<DeploymentWithDefinitions> deployAll() {
    owners.ensureRole();
    Map<String, byte[]> forms = new LinkedHashMap<>();
    folders.forms().forEach((id, form) -> forms.put(id, form.content()));
    List<DeploymentWithDefinitions> deployments = new ArrayList<>();
    for (Map.Entry<String, byte[]> diagram : folders.diagrams().entrySet()) {
      try {
        deployments.add(deploy(diagram.getKey(), diagram.getValue(), forms));
      } catch (DiagramRefusedException refused) {
        String key = diagram.getKey().replaceFirst("\\.bpmn$", "");
        if (repository.createProcessDefinitionQuery().processDefinitionKey(key).count() == 0) {
          throw refused;
        }
        LOG.error("{} is not deployed; plans go on with the version deployed before it. {}", diagram.getKey(),
            refused.getMessage());
      }
    }
    return deployments;
  }

  /** Deploys one diagram with the forms it references (form id to content); refused like any other deployment. */
  DeploymentWithDefinitions deploy(String fileName, byte[] diagram, Map<String, byte[]> forms) {
    DeploymentBuilder builder = repository.createDeployment().name(fileName).source(SOURCE)
        .addInputStream(fileName, new ByteArrayInputStream(diagram));
    boolean complete = true;
    for (String formId : formRefs(diagram)) {
      byte[] form = forms.get(formId);
      if (form != null) {
        builder.addInputStream(formId + ".form", new ByteArrayInputStream(form));
      } else {
        complete = false; // the validation reports it, naming the diagram's element
      }
    }
    if (complete) {
      // duplicate filtering: nothing is deployed when the diagram and its forms are unchanged; with a form missing
      // the deployment must reach the validation even when the diagram itself is unchanged
      builder.enableDuplicateFiltering(false);
    }
    DeploymentWithDefinitions deployment = builder.deployWithResult();
    LOG.info("{}: {}", fileName, deployment.getDeployedProcessDefinitions() == null
        || deployment.getDeployedProcessDefinitions().isEmpty() ? "unchanged" : "deployed as a new version");
    return deployment;
  }

  /** The forms a diagram references; none when it cannot be read (the validation reports that). */
  static Set<String> formRefs(byte[] diagram) {
    Set<String> ids = new LinkedHashSet<>();
    BpmnModelInstance model;
    try {
      model = Bpmn.readModelFromStream(new ByteArrayInputStream(diagram));
    } catch (RuntimeException e) {
      return ids;
    }
    model.getModelElementsByType(UserTask.class).stream().map(UserTask::getCamundaFormRef)
        .filter(id -> id != null && !id.isBlank()).forEach(ids::add);
    model.getModelElementsByType(StartEvent.class).stream().map(StartEvent::getCamundaFormRef)
        .filter(id -> id != null && !id.isBlank()).forEach(ids::add);
    return ids;
  }
}
