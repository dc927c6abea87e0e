package vn.pcmt.engine;

import java.beans.FeatureDescriptor;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.el.JuelExpressionManager;
import org.camunda.bpm.engine.impl.el.VariableContextElResolver;
import org.camunda.bpm.engine.impl.el.VariableScopeElResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ArrayELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.BeanELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELException;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ListELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.MapELResolver;

/**
 * The engine's expressions, limited to what diagrams are documented to use: process variables, the hooks
 * ({@link DiagramHooks}) and their {@link DiagramHook} methods, the execution's business key, entries of lists and maps
 * held in variables. In place of Spring's expression manager, which hands every bean of the application to every
 * expression and lets it call any public method of any object it reaches.
 */
final class SandboxExpressionManager extends JuelExpressionManager {

  /** The one property of an engine object diagrams read: {@code #{execution.processBusinessKey}} (the plan number). */
  static final String BUSINESS_KEY = "processBusinessKey";

  private final DiagramHooks hooks;

  SandboxExpressionManager(DiagramHooks hooks) {
    super(null);
    this.hooks = hooks;
  }

  @Override
  protected ELResolver createElResolver() {
    CompositeELResolver resolver = new CompositeELResolver();
    resolver.add(new VariableScopeElResolver());
    resolver.add(new VariableContextElResolver());
    resolver.add(new HookGuard(hooks));
    resolver.add(new ArrayELResolver(true));
    resolver.add(new ListELResolver(true));
    resolver.add(new MapELResolver(true));
    resolver.add(new BeanELResolver(true));
    return resolver;
  }

  /**
   * Before the resolvers that read objects: hands out the hooks by name (and no other bean), and stops every step into
   * an object that is not a documented one. A refusal is an {@link ELException}: the engine reports it as an error
   * in the expression, and nothing of the expression past that step runs.
   */
  static final class HookGuard extends ELResolver {

    private final DiagramHooks hooks;

    HookGuard(DiagramHooks hooks) {
      this.hooks = hooks;
    }

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
      if (base == null) {
        String name = String.valueOf(property);
        if (hooks.isHook(name)) {
          context.setPropertyResolved(true);
          return hooks.bean(name);
        }
        return null; // a variable was resolved before; anything else stays unknown
      }
      if (!readable(base, property)) {
        throw refused("read '" + property + "' of " + base.getClass().getName());
      }
      return null;
    }

    @Override
    public Object invoke(ELContext context, Object base, Object method, Class<?>[] types, Object[] params) {
      if (base == null || !DiagramHooks.isCallable(base, String.valueOf(method))) {
        throw refused("call '" + method + "' on " + (base == null ? "nothing" : base.getClass().getName()));
      }
      return null; // a hook method: the bean resolver calls it
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
      if (base != null && !readable(base, property)) {
        throw refused("read '" + property + "' of " + base.getClass().getName());
      }
      return null;
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
      if (base != null || hooks.isHook(String.valueOf(property))) {
        throw refused("write '" + property + "'");
      }
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
      if (base != null) {
        context.setPropertyResolved(true);
      }
      return true;
    }

    @Override
    public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
      return null;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
      return null;
    }

    private static boolean readable(Object base, Object property) {
      return base instanceof DelegateExecution && BUSINESS_KEY.equals(property)
          || base instanceof Map || base instanceof List || base.getClass().isArray();
    }

    private static ELException refused(String what) {
      return new ELException(EngineSandbox.REFUSED + "an expression may not " + what);
    }
  }
}
