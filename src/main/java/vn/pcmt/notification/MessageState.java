package vn.pcmt.notification;

/** Where a message of the outbox stands; see db/migration/V2__notification_outbox.sql. */
public enum MessageState {
  /** Waits for its first attempt or for a retry. */
  PENDING,
  /** One node is sending it. */
  SENDING,
  /** The SMTP server accepted it. */
  SENT,
  /** Given up: the last allowed attempt failed, or it cannot be sent at all. */
  FAILED,
  /** No SMTP server is configured: kept to be shown, never sent. */
  RECORDED
}
