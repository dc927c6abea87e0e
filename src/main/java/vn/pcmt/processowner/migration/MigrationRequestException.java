package vn.pcmt.processowner.migration;

/** A migration request that cannot be answered as asked (unknown process or version, unreadable mapping file): 400. */
class MigrationRequestException extends RuntimeException {

  MigrationRequestException(String message) {
    super(message);
  }

  MigrationRequestException(String message, Throwable cause) {
    super(message, cause);
  }
}
