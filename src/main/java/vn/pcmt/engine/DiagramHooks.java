package vn.pcmt.engine;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * What a diagram may call, read from the code, once for everyone who needs it: the deployment validation admits only
 * these, the engine resolves and calls only these ({@link EngineSandbox}), and {@code ModelContractTest} checks that
 * docs/process-owners.md lists each of them and nothing else.
 * <ul>
 * <li>a <b>delegate hook</b>, named as {@code ${bean}} (service task, listener): a bean of the application whose
 * class implements {@link JavaDelegate}, {@link TaskListener} or {@link ExecutionListener};</li>
 * <li>a <b>method hook</b>, called as {@code ${bean.method(...)}} (due dates, timers, Tasklist filters): a public
 * method marked {@link DiagramHook} of a bean of the application.</li>
 * </ul>
 */
@Component
public class DiagramHooks {

  static final String ROOT_PACKAGE = "vn.pcmt.";

  private final ApplicationContext context;
  private volatile Map<String, Class<?>> delegates;
  private volatile Map<String, Set<String>> methods;

  DiagramHooks(ApplicationContext context) {
    this.context = context;
  }

  /** Bean names diagrams may use as {@code ${bean}}. */
  public Set<String> delegates() {
    read();
    return delegates.keySet();
  }

  /** Bean name to the names of the methods diagrams may call on it. */
  public Map<String, Set<String>> methods() {
    read();
    return methods;
  }

  public boolean isHook(String name) {
    return delegates().contains(name) || methods().containsKey(name);
  }

  /** The bean of a hook; only hooks are handed out. */
  public Object bean(String name) {
    if (!isHook(name)) {
      throw new IllegalArgumentException(name + " is no hook of the application");
    }
    return context.getBean(name);
  }

  /** The bean of a delegate hook of exactly this class, if there is one ({@code camunda:class} of our own). */
  public Object delegateOfClass(Class<?> type) {
    read();
    for (Map.Entry<String, Class<?>> delegate : delegates.entrySet()) {
      if (delegate.getValue().equals(type)) {
        return context.getBean(delegate.getKey());
      }
    }
    return null;
  }

  /**
   * Whether a diagram may call this method on this object: its class marks every public method of that name
   * {@link DiagramHook}.
   */
  public static boolean isCallable(Object target, String method) {
    if (target == null || method == null) {
      return false;
    }
    boolean found = false;
    for (Method candidate : ClassUtils.getUserClass(target).getMethods()) {
      if (candidate.getName().equals(method)) {
        if (!candidate.isAnnotationPresent(DiagramHook.class)) {
          return false;
        }
        found = true;
      }
    }
    return found;
  }

  private void read() {
    if (delegates != null && methods != null) {
      return;
    }
    Map<String, Class<?>> delegateTypes = new TreeMap<>();
    Map<String, Set<String>> hookMethods = new TreeMap<>();
    for (String name : context.getBeanDefinitionNames()) {
      Class<?> type = context.getType(name, false);
      if (type == null) {
        continue;
      }
      Class<?> user = ClassUtils.getUserClass(type);
      if (!user.getName().startsWith(ROOT_PACKAGE)) {
        continue;
      }
      if (JavaDelegate.class.isAssignableFrom(user) || TaskListener.class.isAssignableFrom(user)
          || ExecutionListener.class.isAssignableFrom(user)) {
        delegateTypes.put(name, user);
      }
      Set<String> names = new TreeSet<>();
      for (Method method : user.getMethods()) {
        if (method.isAnnotationPresent(DiagramHook.class) && Modifier.isPublic(method.getModifiers())) {
          names.add(method.getName());
        }
      }
      if (!names.isEmpty()) {
        hookMethods.put(name, Collections.unmodifiableSet(names));
      }
    }
    methods = Collections.unmodifiableMap(hookMethods);
    delegates = Collections.unmodifiableMap(delegateTypes);
  }
}
