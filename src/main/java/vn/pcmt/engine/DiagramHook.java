package vn.pcmt.engine;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A method of an application bean that diagrams may call as {@code ${bean.method(...)}} (due dates, reminder timers,
 * Tasklist filters). Nothing else of a bean is callable from an expression: the deployment validation refuses any
 * other call, and the engine refuses to run one ({@link EngineSandbox}). Every such method is documented in
 * docs/process-owners.md; {@code ModelContractTest} checks both ways.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface DiagramHook {
}
