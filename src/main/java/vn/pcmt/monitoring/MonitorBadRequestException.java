package vn.pcmt.monitoring;

/** A request the monitor refuses as it stands (400), with a Vietnamese reason. */
class MonitorBadRequestException extends RuntimeException {

  MonitorBadRequestException(String message) {
    super(message);
  }
}
