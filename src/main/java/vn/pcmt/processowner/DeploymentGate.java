package vn.pcmt.processowner;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.pcmt.processowner.DeploymentAttempts.Attempt;

/**
 * The one gate every new deployment passes, whichever way it comes: Camunda Modeler's Deploy button (REST), any other
 * REST or Java API call made by a user, and the start-up deployment of processes/. It validates the diagrams and forms
 * ({@link DiagramValidator}, with the real bpmnlint when installed), notes the attempt for the deployment history and
 * refuses a faulty deployment with a {@link DiagramRefusedException}.
 *
 * <p>Deployments made by the application's own code without a user (tests deploying small diagrams of their own) are
 * recorded but not validated: they are reviewed code, not a process owner's drawing; the engine sandbox
 * ({@code vn.pcmt.engine.EngineSandbox}) still runs nothing of them but the hooks. No user, administrators included,
 * deploys past the validation.
 */
@Component
class DeploymentGate {

  private static final Logger LOG = LoggerFactory.getLogger(DeploymentGate.class);
  static final String STARTUP = "startup";
  static final String APPLICATION = "application";

  private final KnowledgeSource knowledge;
  private final Bpmnlint bpmnlint;

  DeploymentGate(KnowledgeSource knowledge, Bpmnlint bpmnlint) {
    this.knowledge = knowledge;
    this.bpmnlint = bpmnlint;
  }

  /** Called by the engine for every new deployment before it parses it; throws when the deployment is refused. */
  void check(String name, String source, String user, Map<String, byte[]> resources) {
    boolean startup = ProcessDeployer.SOURCE.equals(source) && user == null;
    boolean validated = user != null || startup;
    List<Finding> findings = validated ? validate(resources) : List.of();
    String by = user != null ? user : startup ? STARTUP : APPLICATION;
    DeploymentAttempts.add(new Attempt(Instant.now(), by, name, source, List.copyOf(resources.keySet()), validated,
        findings));
    if (!findings.isEmpty()) {
      DiagramRefusedException refusal = new DiagramRefusedException(findings, resources);
      LOG.warn("Deployment '{}' by {} refused, {} finding(s): {}", name, by, findings.size(),
          findings.stream().map(f -> f.file() + " " + f.elementId() + " [" + f.check() + "]").toList());
      throw refusal;
    }
  }

  /** The findings about a deployment's diagrams and forms; empty when it may be deployed. */
  List<Finding> validate(Map<String, byte[]> resources) {
    DiagramValidator.Linter linter = bpmnlint.available() ? bpmnlint.linter() : DiagramValidator.JAVA_LINT;
    return new DiagramValidator(knowledge.current(), linter).validate(resources);
  }
}
