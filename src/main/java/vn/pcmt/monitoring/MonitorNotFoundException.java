package vn.pcmt.monitoring;

/** A plan, task or obligation the monitor was asked about does not exist (404). */
class MonitorNotFoundException extends RuntimeException {

  MonitorNotFoundException(String message) {
    super(message);
  }
}
