package vn.pcmt.processowner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.pcmt.processowner.ExpressionPolicy.Role;
import vn.pcmt.processowner.ExpressionPolicy.Violation;

/**
 * The shapes of expression a diagram may hold, read from the syntax tree: what docs/process-owners.md documents
 * passes, everything else is refused with the check that names why.
 */
class ExpressionPolicyTest {

  final ExpressionPolicy policy = new ExpressionPolicy(new Knowledge(
      Set.of("submitSubPlanDelegate", "validateFormListener"),
      Map.of("deadlines", Set.of("workingDaysFromNow", "daysFromNow"), "reminders", Set.of("before", "after")),
      Set.of("agencyGroup", "subPlanAccepted", "subPlanDueDate", "subPlanAgencies", "planNumber"),
      Set.of(), Set.of(), Set.of()), Set.of("agency"));

  @Test
  void theDocumentedShapesPass() {
    for (String value : List.of("${agencyGroup}", "${!subPlanAccepted}", "${agency}", "${empty subPlanAgencies}",
        "${reminders.before(deadlines.workingDaysFromNow(5), 1)}", "${reminders.after(subPlanDueDate, 4)}",
        "#{execution.processBusinessKey}", "${nrOfCompletedInstances >= nrOfInstances / 2 && loopCounter != 0}",
        "${now()}", "${currentUserGroups()}", "${subPlanAccepted ? 'có' : 'không'}", "Kế hoạch ${planNumber}",
        "${authenticatedUserId}")) {
      assertThat(policy.check(value, Role.VALUE)).as(value).isEmpty();
    }
    assertThat(policy.check("${submitSubPlanDelegate}", Role.DELEGATE)).isEmpty();
    assertThat(policy.check("${deadlines.daysFromNow(10)}", Role.HOOK_CALL)).isEmpty();
  }

  @Test
  void everyOtherShapeIsRefusedWithItsReason() {
    Map<String, String> refused = Map.ofEntries(
        Map.entry("${execution.getProcessEngineServices().getIdentityService().createUserQuery().count()}",
            "engine-object"),
        Map.entry("${execution.setVariable('subPlanAccepted', true)}", "engine-object"),
        Map.entry("${execution.processEngineServices}", "engine-object"),
        Map.entry("${task.name}", "engine-object"),
        Map.entry("${authenticatedUserId.length()}", "engine-object"),
        Map.entry("${execution}", "engine-object"),
        Map.entry("${''.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null)}", "reflection"),
        Map.entry("${agencyGroup.class.classLoader}", "reflection"),
        Map.entry("${agencyGroup['class']}", "reflection"),
        Map.entry("${'abc'.toUpperCase()}", "method-call"),
        Map.entry("${agencyGroup.substring(1)}", "method-call"),
        Map.entry("${deadlines.workingDaysFromNow(5).time}", "property"),
        Map.entry("${agencyGroup.bytes}", "property"),
        Map.entry("${subPlanAgencies[0]}", "property"),
        Map.entry("${deadlines.calendar()}", "unknown-method"),
        Map.entry("${validateFormListener.notify(task)}", "unknown-method"),
        Map.entry("${dataSource.getConnection()}", "missing-bean"),
        Map.entry("${deadlines}", "hook-shape"),
        Map.entry("${agencyGrup}", "unknown-name"),
        Map.entry("${S('<x/>')}", "unknown-function"),
        Map.entry("${fn:join(subPlanAgencies)}", "unknown-function"),
        Map.entry("${agencyGroup ==}", "expression-syntax"));
    refused.forEach((expression, check) -> assertThat(policy.check(expression, Role.VALUE)).as(expression)
        .singleElement().satisfies(violation -> {
          assertThat(violation.check()).isEqualTo(check);
          assertThat(violation.problem()).contains(expression);
          assertThat(violation.fix()).isNotBlank();
        }));
  }

  @Test
  void aDelegateExpressionNamesADelegateHookAndNothingElse() {
    assertThat(checks("${submitSubPlanDelegat}", Role.DELEGATE)).containsExactly("missing-bean");
    assertThat(policy.check("${submitSubPlanDelegat}", Role.DELEGATE).get(0).fix())
        .contains("${submitSubPlanDelegate}");
    assertThat(checks("${deadlines}", Role.DELEGATE)).containsExactly("hook-shape");
    assertThat(checks("${runtimeService}", Role.DELEGATE)).containsExactly("missing-bean");
    assertThat(checks("${execution.getProcessEngineServices()}", Role.DELEGATE)).containsExactly("engine-object");
    assertThat(checks("${submitSubPlanDelegate.execute(execution)}", Role.DELEGATE))
        .containsExactly("unknown-method");
    assertThat(checks("${agencyGroup}", Role.DELEGATE)).containsExactly("missing-bean");
  }

  @Test
  void anExpressionOfAServiceTaskOrListenerIsADocumentedHookCall() {
    assertThat(checks("${true}", Role.HOOK_CALL)).containsExactly("hook-shape");
    assertThat(checks("${subPlanAccepted}", Role.HOOK_CALL)).containsExactly("hook-shape");
    assertThat(checks("${execution.setVariable('x', 1)}", Role.HOOK_CALL)).containsExactly("engine-object");
    assertThat(checks("${deadlines.workingDaysFromNow(execution)}", Role.HOOK_CALL))
        .containsExactly("engine-object");
  }

  private List<String> checks(String expression, Role role) {
    return policy.check(expression, role).stream().map(Violation::check).toList();
  }
}
