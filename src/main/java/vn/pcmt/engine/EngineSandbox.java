package vn.pcmt.engine;

import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import javax.script.ScriptEngineManager;

import org.camunda.bpm.engine.ArtifactFactory;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.scripting.engine.ScriptEngineResolver;
import org.springframework.stereotype.Component;

/**
 * The engine runs nothing of a diagram but the application's hooks ({@link DiagramHooks}), whoever deployed it and
 * whichever way it reached the database. The deployment validation refuses everything else with the process owner's
 * reasons; this is the second wall, for what did not pass it (a deployment made by code, a row written straight into
 * the database, a Tasklist filter):
 * <ul>
 * <li><b>no script engine</b>: a script task, a script condition, listener or input/output parameter, in any
 * language (JUEL-as-script and {@code camunda:resource} scripts included), fails when it would run;</li>
 * <li><b>expressions</b> ({@link SandboxExpressionManager}) resolve process variables and the hooks only, no other
 * bean; call only {@link DiagramHook} methods; read no property of any object but the execution's business key and
 * the entries of lists and maps held in variables: no {@code execution.getProcessEngineServices()}, no
 * {@code getClass()}, no {@code ${dataSource}};</li>
 * <li><b>{@code camunda:class}</b> instantiates only the application's own delegate hooks (their bean); any other
 * class ({@code java.lang.Runtime}, the shell and mail tasks of {@code camunda:type}) is refused.</li>
 * </ul>
 * A process engine plugin, the expression manager and the script engine resolver have no public API: this class uses
 * the engine's internals ({@code org.camunda.bpm.engine.impl}).
 */
@Component
class EngineSandbox extends AbstractProcessEnginePlugin {

  static final String REFUSED = "refused by the engine sandbox (vn.pcmt.engine.EngineSandbox): ";

  private final DiagramHooks hooks;

  EngineSandbox(DiagramHooks hooks) {
    this.hooks = hooks;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setExpressionManager(new SandboxExpressionManager(hooks));
    configuration.setScriptEngineResolver(new NoScriptEngines());
    configuration.setEnableFetchScriptEngineFromProcessApplication(false);
    configuration.setArtifactFactory(new HooksOnly(hooks));
  }

  @Override
  public String toString() {
    return "pcmt engine sandbox";
  }

  /** Every script, in every language, meets this instead of a script engine. */
  static final class NoScriptEngines implements ScriptEngineResolver {

    @Override
    public void addScriptEngineFactory(ScriptEngineFactory factory) {
      // nothing is added: the engine has no script engines
    }

    @Override
    public ScriptEngineManager getScriptEngineManager() {
      throw new ProcessEngineException(REFUSED + "the engine has no script engines");
    }

    @Override
    public ScriptEngine getScriptEngine(String language, boolean resolveFromCache) {
      throw new ProcessEngineException(REFUSED + "no script runs, in any language ('" + language + "')");
    }
  }

  /** {@code camunda:class}: the application's own delegate hooks, as their Spring bean; nothing else. */
  static final class HooksOnly implements ArtifactFactory {

    private final DiagramHooks hooks;

    HooksOnly(DiagramHooks hooks) {
      this.hooks = hooks;
    }

    @Override
    public <T> T getArtifact(Class<T> type) {
      Object bean = hooks.delegateOfClass(type);
      if (bean == null) {
        throw new ProcessEngineException(REFUSED + "class " + type.getName()
            + " is no hook of the application and is not instantiated");
      }
      return type.cast(bean);
    }
  }
}
