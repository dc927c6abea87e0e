package vn.pcmt.processowner;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import vn.pcmt.processowner.DeploymentAttempts.Attempt;
import vn.pcmt.processowner.DeploymentHistory.Outcome;

/**
 * Writes the deployment history once the engine's deploy command is over: an accepted deployment in the caller's
 * transaction if there is one (so it disappears with it), a refused or failed one in a transaction of its own (the
 * deployment's has rolled back, the record of the attempt stays). A failure to record is logged, never thrown: it must
 * not turn a deployment into an error or hide the reason of a refusal.
 */
@Component
class DeploymentRecorder {

  private static final Logger LOG = LoggerFactory.getLogger(DeploymentRecorder.class);

  private final DeploymentHistory history;
  private final TransactionTemplate joining;
  private final TransactionTemplate own;

  DeploymentRecorder(DeploymentHistory history, PlatformTransactionManager transactions) {
    this.history = history;
    this.joining = new TransactionTemplate(transactions);
    this.own = new TransactionTemplate(transactions);
    this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  void accepted(List<Attempt> attempts, Object result) {
    String deploymentId = null;
    List<String> processes = new ArrayList<>();
    if (result instanceof DeploymentWithDefinitions deployment) {
      deploymentId = deployment.getId();
      if (deployment.getDeployedProcessDefinitions() != null) {
        for (ProcessDefinition definition : deployment.getDeployedProcessDefinitions()) {
          processes.add(definition.getKey() + " v" + definition.getVersion());
        }
      }
    }
    String id = deploymentId;
    write(joining, attempts, attempt -> history.insert(attempt, Outcome.ACCEPTED, id, processes, List.of()));
  }

  void failed(List<Attempt> attempts, RuntimeException failure) {
    write(own, attempts, attempt -> {
      if (!attempt.findings().isEmpty()) {
        history.insert(attempt, Outcome.REFUSED, null, List.of(),
            attempt.findings().stream().map(Finding::text).toList());
      } else {
        String reason = failure.getMessage() != null ? failure.getMessage() : DiagramValidator.rootMessage(failure);
        history.insert(attempt, Outcome.FAILED, null, List.of(), List.of(reason));
      }
    });
  }

  private void write(TransactionTemplate transaction, List<Attempt> attempts,
      java.util.function.Consumer<Attempt> insert) {
    try {
      transaction.executeWithoutResult(status -> attempts.forEach(insert));
    } catch (RuntimeException e) {
      LOG.error("Cannot record deployment attempts {} in the history", attempts, e);
    }
  }
}
