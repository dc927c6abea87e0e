package vn.pcmt.notification;

import java.util.List;

/** Published in the transaction that recorded PENDING messages; handled once that transaction committed. */
record MessagesQueued(List<Long> ids) {
}
