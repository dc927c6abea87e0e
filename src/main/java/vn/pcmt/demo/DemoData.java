package vn.pcmt.demo;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
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
import vn.pcmt.calendar.Deadlines;
import vn.pcmt.engine.InvalidFormDataException;
import vn.pcmt.plan.PlanLifecycleProcess;
import vn.pcmt.plan.PlanRegistration;
import vn.pcmt.plan.PlanRegistrationService;
import vn.pcmt.web.PublicUrl;

/**
 * The demo profile only: an officer and a head per agency, all with the printed demo password, and a demo copy of
 * the Sơn La plan 23/KH-UBND in the middle of its year (its dates moved to today, half a year of work done by the
 * demo users), so Tasklist, the monitor and the mail outbox show real work at once. Idempotent across restarts.
 */
@Component
@Profile("demo")
class DemoData {

  private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);
  private static final DateTimeFormatter VN_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final AgencyDirectory directory;
  private final IdentityService identity;
  private final ProcessEngine engine;
  private final HistoryService history;
  private final Deadlines deadlines;
  private final boolean smtpConfigured;
  private final int cutoffWorkingDays;
  private final ObjectMapper json;
  private final String password;
  private final Resource plan;
  private final boolean registerPlan;
  private final PublicUrl publicUrl;
  private final PlanRegistrationService plans;

  DemoData(AgencyDirectory directory, ProcessEngine engine, Deadlines deadlines, ObjectMapper json,
      @Value("${pcmt.demo.password}") String password, @Value("${pcmt.demo.plan}") Resource plan,
      @Value("${pcmt.demo.register-plan:true}") boolean registerPlan,
      @Value("${spring.mail.host:}") String mailHost,
      @Value("${pcmt.reporting.cutoff-working-days:5}") int cutoffWorkingDays, PublicUrl publicUrl,
      PlanRegistrationService plans) {
    this.directory = directory;
    this.engine = engine;
    this.identity = engine.getIdentityService();
    this.history = engine.getHistoryService();
    this.deadlines = deadlines;
    this.smtpConfigured = mailHost != null && !mailHost.isBlank();
    this.cutoffWorkingDays = cutoffWorkingDays;
    this.json = json;
    this.password = password;
    this.plan = plan;
    this.registerPlan = registerPlan;
    this.publicUrl = publicUrl;
    this.plans = plans;
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
        .append("   Tasklist: ").append(publicUrl.tasklist()).append("\n");
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

  /**
   * The Sơn La plan moved to today (DemoPlan) and driven to the middle of its year (DemoStory), once: a restart finds
   * the plan's process and leaves it alone. The story runs before the job executor starts (Startup publishes
   * ApplicationPrepared from its ApplicationReadyEvent listener of order 0, the starter starts the job executor
   * from a later one), so that only this thread moves the engine and its clock.
   */
  private void registerDemoPlan() {
    LocalDate today = deadlines.today();
    DemoPlan demoPlan = DemoPlan.of(read(), today, deadlines, directory);
    PlanRegistration registration = demoPlan.registration();
    if (history.createHistoricProcessInstanceQuery().processDefinitionKey(PlanLifecycleProcess.KEY)
        .processInstanceBusinessKey(registration.planNumber()).count() > 0) {
      LOG.info("Demo: kế hoạch {} đã có từ lần chạy trước, giữ nguyên", registration.planNumber());
      return;
    }
    if (smtpConfigured) {
      // its back-dated half-year would send a few hundred assignment, reminder and escalation mails at once
      LOG.warn("Demo: có cấu hình máy chủ thư (spring.mail.host) nên không dựng kế hoạch mẫu (tránh gửi hàng trăm "
          + "thư nhắc việc về những việc của nửa năm đã qua)");
      return;
    }
    try {
      plans.validate(registration, null);
    } catch (InvalidFormDataException e) {
      // another province's directory: the demo users are there, the Sơn La plan is not
      LOG.info("Demo: kế hoạch {} không dựng được với danh bạ này, bỏ qua ({})", registration.planNumber(),
          e.getMessage());
      return;
    }
    String secretariat = directory.withRole(AgencyRole.SECRETARIAT, registration.issueDate()).orElseThrow().getCode();
    String issuer = directory.withRole(AgencyRole.ISSUER, registration.issueDate()).orElseThrow().getCode();
    LOG.info("Demo: kế hoạch {} là bản demo của Kế hoạch số {} ngày {} của UBND tỉnh Sơn La: cùng cơ quan, nhiệm vụ, "
        + "chỉ tiêu; mọi ngày tháng dời {} ngày để hôm nay ({}) là giữa năm thực hiện: ban hành {}, kế hoạch triển "
        + "khai {}, báo cáo {}", registration.planNumber(), demoPlan.real().planNumber(),
        VN_DATE.format(demoPlan.real().issueDate()), demoPlan.shiftDays(), VN_DATE.format(today),
        VN_DATE.format(registration.issueDate()), registration.subPlanDeadlinePhrase(),
        registration.reportingPeriods().stream().map(p -> p.label() + " " + p.deadlinePhrase()).toList());
    long started = System.nanoTime();
    DemoActors actors = new DemoActors(engine, registration.planNumber());
    try (EngineClock clock = new EngineClock()) {
      new DemoStory(actors, clock, deadlines, directory, demoPlan, secretariat, issuer, cutoffWorkingDays, today)
          .write();
    } catch (RuntimeException e) {
      // a broken demo must not keep the application from starting; the plan may be half-written
      LOG.error("Demo: không dựng được đủ dữ liệu mẫu của kế hoạch {} (xóa thư mục ./data để dựng lại)",
          registration.planNumber(), e);
      return;
    }
    // with the engine's clock back on real time, what became due today runs now
    actors.executeDueJobs();
    LOG.info("Demo: kế hoạch {} đã được đăng ký, ban hành và thực hiện đến hôm nay trong {} ms ({} lượt người dùng "
        + "hoàn thành việc, {} công việc của engine)", registration.planNumber(),
        (System.nanoTime() - started) / 1_000_000, actors.submissions(), actors.jobs());
  }

  private PlanRegistration read() {
    try (InputStream in = plan.getInputStream()) {
      return json.readValue(in, PlanRegistration.class);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read the demo plan " + plan, e);
    }
  }
}
