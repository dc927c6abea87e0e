package vn.pcmt.demo;

import java.time.Instant;
import java.util.Date;

// Camunda 7 has no public API for its clock: ClockUtil is the clock every engine component (task create times,
// timers, history) and vn.pcmt.calendar.Deadlines read, so the demo's back-dated history has to move it.
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The engine's clock, moved while the demo writes its back-dated history and given back to real time when closed.
 * The clock is JVM-wide: the demo moves it only at start-up, before the job executor runs.
 */
final class EngineClock implements AutoCloseable {

  void set(Instant moment) {
    ClockUtil.setCurrentTime(Date.from(moment));
  }

  Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  @Override
  public void close() {
    ClockUtil.reset();
  }
}
