package vn.pcmt.processowner.migration;

/** No run with that batch: 404. */
class MigrationNotFoundException extends RuntimeException {

  MigrationNotFoundException(String message) {
    super(message);
  }
}
