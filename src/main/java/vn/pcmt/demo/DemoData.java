package vn.pcmt.demo;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

import vn.pcmt.Startup.ApplicationPrepared;
import vn.pcmt.agency.Agency;
import vn.pcmt.agency.AgencyDirectory;
import vn.pcmt.agency.AgencyGroups;
import vn.pcmt.agency.AgencyRole;
import vn.pcmt.plan.PlanLifecycleProcess;
import vn.pcmt.plan.PlanRegistration;
import vn.pcmt.plan.PlanRegistrationForm;

/**
 * The demo profile only: an officer and a head per agency, all with the printed demo password, and the Sơn La plan
 * 23/KH-UBND registered and issued, so Tasklist shows real work at once. Idempotent across restarts.
 */
@Component
@Profile("demo")
class DemoData {

  private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

  private final AgencyDirectory directory;
  private final IdentityService identity;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ObjectMapper json;
  private final String password;
  private final Resource plan;
  private final boolean registerPlan;

  DemoData(AgencyDirectory directory, IdentityService identity, RuntimeService runtime, TaskService tasks,
      ObjectMapper json, @Value("${pcmt.demo.password}") String password, @Value("${pcmt.demo.plan}") Resource plan,
      @Value("${pcmt.demo.register-plan:true}") boolean registerPlan) {
    this.directory = directory;
    this.identity = identity;
    this.runtime = runtime;
    this.tasks = tasks;
    this.json = json;
    this.password = password;
    this.plan = plan;
    this.registerPlan = registerPlan;
  }

  /** The officer's user id of an agency: its code in lower case + "cb" (cán bộ). */
  public static String officerOf(String agencyCode) {
    return agencyCode.toLowerCase() + "cb";
  }

  /** The head's user id of an agency: its code in lower case + "ld" (lãnh đạo). */
  public static String headOf(String agencyCode) {
    return agencyCode.toLowerCase() + "ld";
  }

  @EventListener(ApplicationPrepared.class)
  void load() {
    List<Agency> agencies = directory.all();
    for (Agency agency : agencies) {
      ensureUser(officerOf(agency.getCode()), "Cán bộ", agency, false);
      ensureUser(headOf(agency.getCode()), "Lãnh đạo", agency, true);
    }
    if (registerPlan) {
      registerDemoPlan();
    }
    StringBuilder table = new StringBuilder();
    table.append("\n==== DEMO: tài khoản đăng nhập (mật khẩu của mọi tài khoản: '").append(password).append("') ====\n");
    table.append(String.format("%-10s %-12s %-12s %s%n", "Mã", "Cán bộ", "Lãnh đạo", "Cơ quan"));
    for (Agency agency : agencies) {
      table.append(String.format("%-10s %-12s %-12s %s%s%n", agency.getCode(), officerOf(agency.getCode()),
          headOf(agency.getCode()), agency.getName(), agency.getRoles().isEmpty() ? "" : " " + agency.getRoles()));
    }
    table.append("Quản trị: admin / ").append(password)
        .append("   Tasklist: http://localhost:8080/camunda/app/tasklist/\n");
    LOG.info(table.toString());
  }

  private void ensureUser(String id, String title, Agency agency, boolean head) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setFirstName(title);
      user.setLastName(agency.getName());
      user.setEmail(id + "@sonla.pcmt.example");
      user.setPassword(password);
      identity.saveUser(user);
      identity.createMembership(id, agency.getCode());
      if (head) {
        identity.createMembership(id, AgencyGroups.headGroupOf(agency.getCode()));
      }
    }
  }

  private void registerDemoPlan() {
    PlanRegistration registration = read();
    if (runtime.createProcessInstanceQuery().processDefinitionKey(PlanLifecycleProcess.KEY)
        .processInstanceBusinessKey(registration.planNumber()).count() > 0) {
      return;
    }
    String secretariat = directory.withRole(AgencyRole.SECRETARIAT, registration.issueDate()).orElseThrow().getCode();
    String issuer = directory.withRole(AgencyRole.ISSUER, registration.issueDate()).orElseThrow().getCode();
    try {
      identity.setAuthentication(officerOf(secretariat), List.of(secretariat));
      String instanceId = runtime.startProcessInstanceByKey(PlanLifecycleProcess.KEY,
          PlanRegistrationForm.write(registration)).getId();
      identity.setAuthentication(headOf(issuer), List.of(issuer, AgencyGroups.headGroupOf(issuer)));
      Task approval = tasks.createTaskQuery().processInstanceId(instanceId)
          .taskDefinitionKey(PlanLifecycleProcess.TASK_APPROVE_ISSUANCE).singleResult();
      tasks.complete(approval.getId(), PlanLifecycleProcess.ISSUANCE_APPROVED.put(new java.util.HashMap<>(), true));
      LOG.info("Demo: kế hoạch {} đã được đăng ký và ban hành", registration.planNumber());
    } finally {
      identity.clearAuthentication();
    }
  }

  private PlanRegistration read() {
    try (InputStream in = plan.getInputStream()) {
      return json.readValue(in, PlanRegistration.class);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read the demo plan " + plan, e);
    }
  }
}
