package vn.pcmt.engine;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import javax.script.ScriptEngineManager;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.camunda.bpm.engine.ArtifactFactory;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.scripting.engine.ScriptEngineResolver;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

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
 * class ({@code java.lang.Runtime}, the shell and mail tasks of {@code camunda:type}) is refused;</li>
 * <li>the two classes a diagram can name that the engine instantiates without asking that factory (a form handler,
 * {@code camunda:formHandlerClass}; a form field validator, {@code camunda:constraint name="validator"}), and field
 * injection ({@code camunda:field}, which writes into the hook's bean, shared by every process), make the engine
 * refuse the diagram before it parses it, when it is deployed and whenever it is loaded again from the
 * database.</li>
 * </ul>
 * A process engine plugin, the expression manager, the script engine resolver and a deployer have no public API: this
 * class uses the engine's internals ({@code org.camunda.bpm.engine.impl}).
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
    List<Deployer> deployers = new ArrayList<>();
    if (configuration.getCustomPreDeployers() != null) {
      deployers.addAll(configuration.getCustomPreDeployers());
    }
    deployers.add(new RefusedBeforeParsing());
    configuration.setCustomPreDeployers(deployers);
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

  /**
   * Runs before the engine parses any diagram, new or loaded again from the database into the cache: the parser
   * instantiates a form handler class at once, and a validator class at the first form submitted; field injection
   * sets fields of the hook's bean by reflection.
   */
  static final class RefusedBeforeParsing implements Deployer {

    static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

    @Override
    public void deploy(DeploymentEntity deployment) {
      if (deployment.getResources() == null) {
        return;
      }
      for (ResourceEntity resource : deployment.getResources().values()) {
        if (resource.getName().endsWith(".bpmn") || resource.getName().endsWith(".bpmn20.xml")) {
          check(resource.getName(), resource.getBytes());
        }
      }
    }

    static void check(String name, byte[] xml) {
      Document document;
      try {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
      } catch (Exception e) {
        return; // not XML: the engine's parser refuses it without instantiating anything
      }
      NodeList elements = document.getElementsByTagNameNS("*", "*");
      for (int i = 0; i < elements.getLength(); i++) {
        Element element = (Element) elements.item(i);
        if (element.hasAttributeNS(CAMUNDA_NS, "formHandlerClass")) {
          throw new ProcessEngineException(REFUSED + name + ": form handler class "
              + element.getAttributeNS(CAMUNDA_NS, "formHandlerClass") + " is not instantiated");
        }
        if (CAMUNDA_NS.equals(element.getNamespaceURI()) && "field".equals(element.getLocalName())) {
          throw new ProcessEngineException(REFUSED + name + ": field injection ('" + element.getAttribute("name")
              + "') would write into a shared hook bean");
        }
        String config = element.getAttribute("config");
        if (CAMUNDA_NS.equals(element.getNamespaceURI()) && "constraint".equals(element.getLocalName())
            && "validator".equals(element.getAttribute("name")) && !config.contains("${") && !config.contains("#{")) {
          throw new ProcessEngineException(REFUSED + name + ": validator class " + config + " is not instantiated");
        }
      }
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
