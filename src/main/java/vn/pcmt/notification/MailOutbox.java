package vn.pcmt.notification;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The mail_outbox table. Writes that change a message's state are single conditional UPDATEs: whoever's update
 * count is 1 owns the change, so two nodes on one database never both claim, and a node that lost its claim cannot
 * overwrite the new owner's outcome.
 */
@Repository
class MailOutbox {

  private static final String COLUMNS = "id, kind, task_id, process_instance_id, plan_number, candidate_group, "
      + "recipient, recipient_ref, subject, body_text, body_html, state, attempts, next_attempt_at, claimed_by, "
      + "claimed_until, last_error, created_at, last_attempt_at, sent_at, occasion, requested_by";
  static final int MAX_ERROR = 2000;
  static final int MAX_SUBJECT = 1000;

  private final JdbcTemplate jdbc;

  MailOutbox(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** A message to record: one recipient; PENDING messages are due at once. */
  record NewMessage(MessageKind kind, String taskId, String processInstanceId, String planNumber,
      String candidateGroup, String recipient, String recipientRef, String subject, String bodyText,
      String bodyHtml, MessageState state, String lastError, String occasion, String requestedBy) {
  }

  /** One row, as the sender and the administrator's endpoint read it. */
  record Message(long id, MessageKind kind, String taskId, String processInstanceId, String planNumber,
      String candidateGroup, String recipient, String recipientRef, String subject, String bodyText,
      String bodyHtml, MessageState state, int attempts, OffsetDateTime nextAttemptAt, String claimedBy,
      OffsetDateTime claimedUntil, String lastError, OffsetDateTime createdAt, OffsetDateTime lastAttemptAt,
      OffsetDateTime sentAt, String occasion, String requestedBy) {
  }

  /** Inserts the message in the caller's transaction; returns its id. */
  long insert(NewMessage message, Instant now) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      PreparedStatement insert = connection.prepareStatement("insert into mail_outbox (kind, task_id, "
          + "process_instance_id, plan_number, candidate_group, recipient, recipient_ref, subject, body_text, "
          + "body_html, state, attempts, next_attempt_at, last_error, created_at, occasion, requested_by) "
          + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?)", new String[] {"id"});
      insert.setString(1, message.kind().name());
      insert.setString(2, message.taskId());
      insert.setString(3, message.processInstanceId());
      insert.setString(4, message.planNumber());
      insert.setString(5, message.candidateGroup());
      insert.setString(6, message.recipient());
      insert.setString(7, message.recipientRef());
      insert.setString(8, cut(message.subject(), MAX_SUBJECT));
      insert.setString(9, message.bodyText());
      insert.setString(10, message.bodyHtml());
      insert.setString(11, message.state().name());
      insert.setObject(12, message.state() == MessageState.PENDING ? at(now) : null);
      insert.setString(13, cut(message.lastError(), MAX_ERROR));
      insert.setObject(14, at(now));
      insert.setString(15, message.occasion() == null ? "" : message.occasion());
      insert.setString(16, message.requestedBy());
      return insert;
    }, key);
    return key.getKeyAs(Number.class).longValue();
  }

  /**
   * Takes the message for sending if it is due (PENDING and its time has come, or SENDING under an expired claim);
   * counts the attempt. True only for the one caller whose update took effect.
   */
  boolean claim(long id, String node, Instant now, Instant claimedUntil) {
    return jdbc.update("update mail_outbox set state = 'SENDING', claimed_by = ?, claimed_until = ?, "
        + "attempts = attempts + 1, last_attempt_at = ? where id = ? and ((state = 'PENDING' and next_attempt_at <= ?) "
        + "or (state = 'SENDING' and claimed_until < ?))",
        node, at(claimedUntil), at(now), id, at(now), at(now)) == 1;
  }

  /** The SMTP server accepted the message. False when this node no longer held the claim. */
  boolean markSent(long id, String node, Instant now) {
    // claimed_by stays: it tells which node sent the message
    return jdbc.update("update mail_outbox set state = 'SENT', sent_at = ?, next_attempt_at = null, "
        + "claimed_until = null, last_error = null where id = ? and state = 'SENDING' and claimed_by = ?",
        at(now), id, node) == 1;
  }

  /** The attempt failed; the message waits until {@code nextAttempt}. */
  boolean markRetry(long id, String node, String error, Instant nextAttempt) {
    return jdbc.update("update mail_outbox set state = 'PENDING', next_attempt_at = ?, last_error = ?, "
        + "claimed_by = null, claimed_until = null where id = ? and state = 'SENDING' and claimed_by = ?",
        at(nextAttempt), cut(error, MAX_ERROR), id, node) == 1;
  }

  /** The message is given up. */
  boolean markFailed(long id, String node, String error) {
    return jdbc.update("update mail_outbox set state = 'FAILED', next_attempt_at = null, last_error = ?, "
        + "claimed_by = null, claimed_until = null where id = ? and state = 'SENDING' and claimed_by = ?",
        cut(error, MAX_ERROR), id, node) == 1;
  }

  /** Ids of messages a poller may claim now, oldest first. */
  List<Long> due(Instant now, int limit) {
    return jdbc.queryForList("select id from mail_outbox where (state = 'PENDING' and next_attempt_at <= ?) "
        + "or (state = 'SENDING' and claimed_until < ?) order by next_attempt_at, id limit ?", Long.class, at(now), at(now), limit);
  }

  Optional<Message> find(long id) {
    return jdbc.query("select " + COLUMNS + " from mail_outbox where id = ?", MESSAGE, id).stream().findFirst();
  }

  /** Newest first, optionally of one state and of one task. */
  List<Message> list(MessageState state, String taskId, int limit) {
    StringBuilder sql = new StringBuilder("select " + COLUMNS + " from mail_outbox where 1 = 1");
    List<Object> args = new ArrayList<>();
    if (state != null) {
      sql.append(" and state = ?");
      args.add(state.name());
    }
    if (taskId != null) {
      sql.append(" and task_id = ?");
      args.add(taskId);
    }
    sql.append(" order by created_at desc, id desc limit ?");
    args.add(limit);
    return jdbc.query(sql.toString(), MESSAGE, args.toArray());
  }

  private static OffsetDateTime at(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  /** Whether a message of the kind about the task was already recorded for the occasion. */
  boolean exists(MessageKind kind, String taskId, String occasion) {
    Integer count = jdbc.queryForObject("select count(*) from mail_outbox where kind = ? and task_id = ? "
        + "and occasion = ?", Integer.class, kind.name(), taskId, occasion);
    return count != null && count > 0;
  }

  static String cut(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  private static final RowMapper<Message> MESSAGE = (ResultSet rs, int row) -> new Message(rs.getLong("id"),
      MessageKind.valueOf(rs.getString("kind")), rs.getString("task_id"), rs.getString("process_instance_id"),
      rs.getString("plan_number"), rs.getString("candidate_group"), rs.getString("recipient"),
      rs.getString("recipient_ref"), rs.getString("subject"), rs.getString("body_text"), rs.getString("body_html"),
      MessageState.valueOf(rs.getString("state")), rs.getInt("attempts"), time(rs, "next_attempt_at"),
      rs.getString("claimed_by"), time(rs, "claimed_until"), rs.getString("last_error"), time(rs, "created_at"),
      time(rs, "last_attempt_at"), time(rs, "sent_at"), rs.getString("occasion"), rs.getString("requested_by"));

  private static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, OffsetDateTime.class);
  }
}
