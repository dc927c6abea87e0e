package vn.pcmt.processowner;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
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
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Deploys processes/*.bpmn, each as its own deployment together with the forms (forms/*.form) it references.
 * Camunda binds a {@code formRefBinding="deployment"} form from the diagram's own deployment, so a running task keeps
 * the form version it was created with. Deploying is idempotent: a diagram whose file and forms are unchanged is not
 * deployed again; a changed one becomes a new version.
 */
@Service
public class ProcessDeployer {

  private static final Logger LOG = LoggerFactory.getLogger(ProcessDeployer.class);
  static final String SOURCE = "pcmt-processes";

  private final RepositoryService repository;
  private final ObjectMapper json = new ObjectMapper();

  ProcessDeployer(RepositoryService repository) {
    this.repository = repository;
  }

  public List<DeploymentWithDefinitions> deployAll() {
    try {
      PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
      Map<String, byte[]> forms = formsById(resolver.getResources("classpath*:forms/*.form"));
      Resource[] diagrams = resolver.getResources("classpath*:processes/*.bpmn");
      Arrays.sort(diagrams, Comparator.comparing(Resource::getFilename));
      List<DeploymentWithDefinitions> deployments = new ArrayList<>();
      for (Resource diagram : diagrams) {
        deployments.add(deploy(diagram.getFilename(), diagram.getContentAsByteArray(), forms));
      }
      return deployments;
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read processes/ and forms/ from the classpath", e);
    }
  }

  DeploymentWithDefinitions deploy(String fileName, byte[] diagram, Map<String, byte[]> forms) {
    BpmnModelInstance model = Bpmn.readModelFromStream(new java.io.ByteArrayInputStream(diagram));
    DeploymentBuilder builder = repository.createDeployment().name(fileName).source(SOURCE)
        // duplicate filtering: nothing is deployed when the diagram and its forms are unchanged
        .enableDuplicateFiltering(false)
        .addInputStream(fileName, new java.io.ByteArrayInputStream(diagram));
    for (String formId : formRefs(model)) {
      byte[] form = forms.get(formId);
      if (form == null) {
        throw new IllegalStateException(fileName + " refers to form '" + formId + "', but forms/ has no form with that id");
      }
      builder.addInputStream(formId + ".form", new java.io.ByteArrayInputStream(form));
    }
    DeploymentWithDefinitions deployment = builder.deployWithResult();
    LOG.info("{}: {}", fileName, deployment.getDeployedProcessDefinitions() == null
        || deployment.getDeployedProcessDefinitions().isEmpty() ? "unchanged" : "deployed as a new version");
    return deployment;
  }

  static Set<String> formRefs(BpmnModelInstance model) {
    Set<String> ids = new LinkedHashSet<>();
    model.getModelElementsByType(UserTask.class).stream().map(UserTask::getCamundaFormRef)
        .filter(id -> id != null && !id.isBlank()).forEach(ids::add);
    model.getModelElementsByType(StartEvent.class).stream().map(StartEvent::getCamundaFormRef)
        .filter(id -> id != null && !id.isBlank()).forEach(ids::add);
    return ids;
  }

  private Map<String, byte[]> formsById(Resource[] resources) throws IOException {
    Map<String, byte[]> forms = new HashMap<>();
    for (Resource resource : resources) {
      byte[] content = resource.getContentAsByteArray();
      JsonNode id = json.readTree(content).get("id");
      if (id == null || id.asText().isBlank()) {
        throw new IllegalStateException("forms/" + resource.getFilename() + " has no id");
      }
      forms.put(id.asText(), content);
    }
    return forms;
  }

}
