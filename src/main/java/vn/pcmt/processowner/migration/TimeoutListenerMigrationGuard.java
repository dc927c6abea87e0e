package vn.pcmt.processowner.migration;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.bpmn.helper.BpmnProperties;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.TimerDeclarationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Works around a Camunda 7.24 bug that would make migration lose reminders (camunda-bpm-platform issues #4633, #4637,
 * closed unfixed): when a timeout listener's timer moves to a listener with the same id in the new version, the engine
 * removes that listener's timer declaration from the new version's definition in the deployment cache (a shallow copy
 * in {@code ActivityInstanceJobHandler#removeTimeoutListenerJobFromTargetScope}). From then on, until the cache is
 * rebuilt, every further instance migrated to that version loses the timer of that listener, and every task the version
 * creates has no timer for it: no reminder, no escalation. A dry run, which migrates in a rolled-back transaction,
 * damages the cache just the same.
 *
 * <p>This plugin gives each user task's timeout-listener declarations a map that ignores that one removal. Nothing
 * else removes from it; the engine then sees the declaration as migrated already ("triggered already") and neither
 * deletes it nor creates a second timer for it, so migration keeps exactly one timer per listener, as designed.
 * {@code MigrationEngineBehaviourTest} shows the bug without this plugin and the behaviour with it.
 */
@Component
public class TimeoutListenerMigrationGuard extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        guard(activity);
      }
    });
    configuration.setCustomPostBPMNParseListeners(listeners);
  }

  static void guard(ActivityImpl activity) {
    Map<String, Map<String, TimerDeclarationImpl>> declarations =
        activity.getProperties().get(BpmnProperties.TIMEOUT_LISTENER_DECLARATIONS);
    if (declarations != null) {
      declarations.replaceAll((activityId, byListener) -> byListener instanceof KeptOnRemoval
          ? byListener : new KeptOnRemoval(byListener));
    }
  }

  /** A task's timeout-listener declarations by listener id; {@code remove} answers but keeps the declaration. */
  static final class KeptOnRemoval extends HashMap<String, TimerDeclarationImpl> {

    KeptOnRemoval(Map<String, TimerDeclarationImpl> declarations) {
      super(declarations);
    }

    @Override
    public TimerDeclarationImpl remove(Object listenerId) {
      return get(listenerId);
    }
  }
}
