package vn.pcmt.processowner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The validator alone, without the application: what an application offering a few hooks, the process classes'
 * variables and two groups makes of the sub-plan diagram and of faults the deployment tests do not cover.
 */
class DiagramValidatorTest {

  static final String FILE = "agency-sub-plan.bpmn";
  static final List<String> FORMS = List.of("draft-sub-plan", "approve-sub-plan", "review-sub-plan");

  final Knowledge known;

  DiagramValidatorTest() throws Exception {
    known = new Knowledge(
        Set.of("openSubPlanDelegate", "submitSubPlanDelegate", "acceptSubPlanDelegate", "validateFormListener",
            "sendReminderListener", "escalateToAgencyHeadListener", "escalateToSecretariatListener"),
        Map.of("deadlines", Set.of("workingDaysFromNow", "daysFromNow"),
            "reminders", Set.of("before", "after", "everyAfter")),
        ModelContractTest.declaredVariables(), Set.of("SYT", "SYTLD", "PTM", "PTMLD"), Set.copyOf(FORMS),
        Set.of());
  }

  @Test
  void theSubPlanDiagramWithItsFormsPasses() throws IOException {
    assertThat(validate(diagram())).isEmpty();
  }

  @Test
  void aMisspeltVariableInAConditionIsNamedWithTheFlowAndASuggestion() throws IOException {
    List<Finding> findings = validate(diagram().replace("${subPlanAccepted}", "${subPlanAcepted}"));
    assertThat(findings).singleElement().satisfies(finding -> {
      assertThat(finding.check()).isEqualTo("unknown-name");
      assertThat(finding.elementId()).isEqualTo("Flow_SubPlanAccepted");
      assertThat(finding.elementName()).isEqualTo("Chấp nhận");
      assertThat(finding.problem()).contains("'subPlanAcepted'");
      assertThat(finding.fix()).contains("'subPlanAccepted'");
    });
  }

  @Test
  void aCandidateGroupMustHoldAGroup() throws IOException {
    List<Finding> findings = validate(diagram().replace("camunda:candidateGroups=\"${agencyHeadGroup}\"",
        "camunda:candidateGroups=\"${agencyName}, PTMLD\""));
    assertThat(findings).singleElement().satisfies(finding -> {
      assertThat(finding.check()).isEqualTo("unknown-group");
      assertThat(finding.elementId()).isEqualTo("Task_ApproveSubPlan");
      assertThat(finding.problem()).contains("'agencyName'").contains("không chứa mã nhóm");
    });
  }

  @Test
  void everyFaultIsReportedAtOnce() throws IOException {
    String faulty = diagram()
        .replace("${openSubPlanDelegate}", "${openSubplanDelegate}")
        .replace(" camunda:formRefBinding=\"deployment\" camunda:candidateGroups=\"${secretariatGroup}\"",
            " camunda:candidateGroups=\"${secretariatGroup}\"")
        .replace("<bpmn:serviceTask id=\"Task_AcceptSubPlan\"", "<bpmn:scriptTask id=\"Task_AcceptSubPlan\"")
        .replace("</bpmn:serviceTask>\n    <bpmn:endEvent", "</bpmn:scriptTask>\n    <bpmn:endEvent");
    assertThat(validate(faulty)).extracting(f -> f.check() + "@" + f.elementId()).containsExactlyInAnyOrder(
        "missing-bean@Task_OpenSubPlan", "form-binding@Task_ReviewSubPlan", "script@Task_AcceptSubPlan");
  }

  @Test
  void aTimeoutTaskListenerForRemindersPassesWhenItsHookAndNamesExist() throws IOException {
    String listener = "<camunda:taskListener delegateExpression=\"${%s}\" event=\"timeout\""
        + " id=\"TimeoutListener_Reminder\"><bpmn:timerEventDefinition id=\"TimerEventDefinition_Reminder\">"
        + "<bpmn:timeDate xsi:type=\"bpmn:tFormalExpression\">${%s}</bpmn:timeDate></bpmn:timerEventDefinition>"
        + "</camunda:taskListener>";
    String anchor = "<camunda:taskListener delegateExpression=\"${validateFormListener}\" event=\"complete\" />";
    String reminded = diagram().replaceFirst(java.util.regex.Pattern.quote(anchor), java.util.regex.Matcher
        .quoteReplacement(anchor
            + String.format(listener, "sendReminderListener", "deadlines.workingDaysFromNow(-2)")));
    assertThat(reminded).contains("TimeoutListener_Reminder");
    assertThat(validate(reminded)).isEmpty();

    String unknown = diagram().replaceFirst(java.util.regex.Pattern.quote(anchor), java.util.regex.Matcher
        .quoteReplacement(anchor + String.format(listener, "taskReminderListener", "reminderAt")));
    assertThat(validate(unknown)).extracting(f -> f.check() + "@" + f.elementId())
        .containsExactlyInAnyOrder("missing-bean@Task_DraftSubPlan", "unknown-name@Task_DraftSubPlan");
  }

  @Test
  void anUnreadableFileOrFormIsRefusedNotThrown() {
    Map<String, byte[]> resources = new LinkedHashMap<>();
    resources.put(FILE, "<definitions/>".getBytes(StandardCharsets.UTF_8));
    resources.put("draft-sub-plan.form", "{ not json".getBytes(StandardCharsets.UTF_8));
    assertThat(new DiagramValidator(known).validate(resources)).extracting(Finding::check)
        .containsExactly("form-unreadable", "unreadable");
  }

  /** The server checks every submission by the form's rules: one it cannot read is refused at deployment. */
  @Test
  void aFormWhoseRulesTheServerCannotReadIsRefused() throws IOException {
    Map<String, byte[]> resources = resources(diagram());
    String form = Files.readString(Path.of("forms", "approve-sub-plan.form"))
        .replace("=subPlanHeadApproved != false", "=subPlanHeadApproved !=== false");
    resources.put("approve-sub-plan.form", form.getBytes(StandardCharsets.UTF_8));
    assertThat(new DiagramValidator(known).validate(resources)).singleElement().satisfies(finding -> {
      assertThat(finding.check()).isEqualTo("form-rules");
      assertThat(finding.file()).isEqualTo("approve-sub-plan.form");
      assertThat(finding.problem()).contains("Field_subPlanHeadComment").contains("=subPlanHeadApproved !=== false");
    });
  }

  private List<Finding> validate(String diagram) throws IOException {
    return new DiagramValidator(known).validate(resources(diagram));
  }

  private static Map<String, byte[]> resources(String diagram) throws IOException {
    Map<String, byte[]> resources = new LinkedHashMap<>();
    resources.put(FILE, diagram.getBytes(StandardCharsets.UTF_8));
    for (String form : FORMS) {
      resources.put(form + ".form", Files.readAllBytes(Path.of("forms", form + ".form")));
    }
    return resources;
  }

  private static String diagram() throws IOException {
    return Files.readString(Path.of("processes", FILE));
  }
}
