package vn.pcmt.monitoring;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import vn.pcmt.calendar.Deadlines;
import vn.pcmt.reorganisation.AgencySuccession;

/** A task moved because its agency ended shows in the obligation's history on the monitor, as a re-route does. */
@Component
class SuccessionHistory {

  private final MonitorActionLog log;
  private final Deadlines deadlines;
  private final MonitorService monitor;

  SuccessionHistory(MonitorActionLog log, Deadlines deadlines, MonitorService monitor) {
    this.log = log;
    this.deadlines = deadlines;
    this.monitor = monitor;
  }

  @EventListener
  void decided(AgencySuccession.Decided decided) {
    log.record(decided.planId(), decided.obligationId(),
        decided.toAgency() != null ? decided.toAgency() : decided.fromAgency(), decided.taskId(),
        MonitorActionLog.Kind.SUCCESSION, decided.detail(), null, AgencySuccession.SYSTEM,
        deadlines.now().toInstant());
    monitor.refreshPlans();
  }
}
