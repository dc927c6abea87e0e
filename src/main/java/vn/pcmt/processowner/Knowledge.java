package vn.pcmt.processowner;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the application offers the diagrams at the moment of a deployment; the validator checks a diagram against it.
 *
 * @param delegates      the hooks a diagram names as {@code ${bean}} (service tasks, listeners:
 *                       {@code ${openSubPlanDelegate}}), from {@code vn.pcmt.engine.DiagramHooks}
 * @param hookMethods    the hooks a diagram calls as {@code ${bean.method(...)}}, with their documented methods
 *                       ({@code deadlines}: {@code workingDaysFromNow}, ...)
 * @param variables      every variable the process classes declare ({@code *Process}: written by code or by forms)
 * @param groups         every group the agency directory knows: agency codes and head groups (code + "LD")
 * @param formLibrary    ids of the forms in forms/ (to tell "not attached" from "does not exist")
 * @param processKeys    processes that exist: deployed already or in processes/
 */
record Knowledge(Set<String> delegates, Map<String, Set<String>> hookMethods, Set<String> variables,
    Set<String> groups, Set<String> formLibrary, Set<String> processKeys) {

  /** Every hook's name, delegate or method hook. */
  Set<String> hooks() {
    Set<String> names = new TreeSet<>(delegates);
    names.addAll(hookMethods.keySet());
    return names;
  }

  /** Variables holding a candidate group id: by convention their names end in "Group". */
  Set<String> groupVariables() {
    Set<String> names = new TreeSet<>();
    variables.stream().filter(Knowledge::isGroupVariable).forEach(names::add);
    return names;
  }

  static boolean isGroupVariable(String name) {
    return name.endsWith("Group");
  }
}
