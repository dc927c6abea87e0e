package vn.pcmt.processowner;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.pcmt.processowner.DeploymentAttempts.Attempt;

/**
 * Hooks the validation into the engine itself, so that every path to a deployment passes it: a custom pre-deployer
 * runs {@link DeploymentGate} on each new deployment before the engine parses it (Camunda Modeler's Deploy button,
 * any REST or Java API call, the start-up deployment alike), and a command interceptor outside the engine's
 * transaction writes the {@link DeploymentHistory} once the deployment committed or rolled back. The only place this
 * package touches the engine's internals ({@code org.camunda.bpm.engine.impl}): a process engine plugin has no other
 * way in.
 */
@Configuration
@EnableConfigurationProperties(ProcessOwnerProperties.class)
class DeploymentValidationConfig {

  /** Beans are looked up when the first deployment arrives: they need the engine this plugin configures. */
  @Bean
  AbstractProcessEnginePlugin deploymentValidation(ObjectProvider<DeploymentGate> gate,
      ObjectProvider<DeploymentRecorder> recorder) {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<Deployer> deployers = new ArrayList<>();
        if (configuration.getCustomPreDeployers() != null) {
          deployers.addAll(configuration.getCustomPreDeployers());
        }
        // first, whatever other plugins added: the process owner hears the findings before any other refusal
        deployers.add(0, new ValidatingDeployer(gate));
        configuration.setCustomPreDeployers(deployers);

        List<CommandInterceptor> interceptors = new ArrayList<>();
        if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
          interceptors.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
        }
        interceptors.add(new HistoryInterceptor(recorder));
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
      }

      @Override
      public String toString() {
        return "pcmt deployment validation";
      }
    };
  }

  /**
   * Runs before the engine's own deployers. The engine also runs its deployers when it reloads an old deployment into
   * its cache (another node deployed it, or the cache evicted it): those are not new and are not checked again.
   */
  static final class ValidatingDeployer implements Deployer {

    private final ObjectProvider<DeploymentGate> gate;

    ValidatingDeployer(ObjectProvider<DeploymentGate> gate) {
      this.gate = gate;
    }

    @Override
    public void deploy(DeploymentEntity deployment) {
      if (!deployment.isNew()) {
        return;
      }
      Map<String, byte[]> resources = new LinkedHashMap<>();
      if (deployment.getResources() != null) {
        for (ResourceEntity resource : deployment.getResources().values()) {
          resources.put(resource.getName(), resource.getBytes());
        }
      }
      String user = Context.getCommandContext().getAuthenticatedUserId();
      gate.getObject().check(deployment.getName(), deployment.getSource(), user, resources);
    }
  }

  /** Outside the engine's transaction: sees the deploy command's result, or its exception after the rollback. */
  static final class HistoryInterceptor extends CommandInterceptor {

    private final ObjectProvider<DeploymentRecorder> recorder;

    HistoryInterceptor(ObjectProvider<DeploymentRecorder> recorder) {
      this.recorder = recorder;
    }

    @Override
    public <T> T execute(Command<T> command) {
      if (!DeploymentAttempts.begin()) {
        return next.execute(command);
      }
      try {
        T result;
        try {
          result = next.execute(command);
        } catch (RuntimeException e) {
          List<Attempt> attempts = DeploymentAttempts.end();
          if (!attempts.isEmpty()) {
            recorder.getObject().failed(attempts, e);
          }
          throw e;
        }
        List<Attempt> attempts = DeploymentAttempts.end();
        if (!attempts.isEmpty()) {
          recorder.getObject().accepted(attempts, result);
        }
        return result;
      } finally {
        DeploymentAttempts.end();
      }
    }
  }
}
