package vn.pcmt.processowner;

import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * What the application offers the diagrams at the moment of a deployment; the validator checks a diagram against it.
 *
 * @param hooks          the application's beans a diagram may call ({@code ${openSubPlanDelegate}},
 *                       {@code ${deadlines}})
 * @param variables      every variable the process classes declare ({@code *Process}: written by code or by forms)
 * @param groups         every group the agency directory knows: agency codes and head groups (code + "LD")
 * @param formLibrary    ids of the forms in forms/ (to tell "not attached" from "does not exist")
 * @param processKeys    processes that exist: deployed already or in processes/
 * @param classExists    whether a Java class is on the application's class path
 */
record Knowledge(Set<String> hooks, Set<String> variables, Set<String> groups, Set<String> formLibrary,
    Set<String> processKeys, Predicate<String> classExists) {

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
