package vn.pcmt.notification;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Sends freshly recorded messages as soon as the transaction that recorded them committed, on a mail thread, so
 * neither the official's request nor the job executor waits for the SMTP server. Nothing depends on this succeeding:
 * a message not sent here (server down, node stopped, queue full) is still PENDING and the {@link OutboxPoller} sends
 * it. A rolled-back transaction never gets here.
 */
@Component
class AfterCommitSending implements DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(AfterCommitSending.class);
  private static final int QUEUED_BATCHES = 10_000;

  private final OutboxSender sender;
  private final ThreadPoolExecutor executor;

  AfterCommitSending(OutboxSender sender) {
    this.sender = sender;
    AtomicInteger threads = new AtomicInteger();
    this.executor = new ThreadPoolExecutor(2, 2, 1, TimeUnit.MINUTES, new ArrayBlockingQueue<>(QUEUED_BATCHES),
        runnable -> {
          Thread thread = new Thread(runnable, "pcmt-mail-" + threads.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
    this.executor.allowCoreThreadTimeOut(true);
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  void afterCommit(MessagesQueued queued) {
    try {
      executor.execute(() -> send(queued));
    } catch (RejectedExecutionException e) {
      LOG.warn("{} messages left to the poller: the mail thread is busy or stopping", queued.ids().size());
    }
  }

  private void send(MessagesQueued queued) {
    for (long id : queued.ids()) {
      try {
        if (sender.attempt(id).serverUnreachable()) {
          // the rest of the batch stays PENDING, due now: the poller tries again once the server is back
          return;
        }
      } catch (RuntimeException e) {
        LOG.warn("Mail {} left to the poller: {}", id, e.getMessage(), e);
      }
    }
  }

  /** True when no batch is waiting or being sent (tests wait for it). */
  boolean isIdle() {
    return executor.getActiveCount() == 0 && executor.getQueue().isEmpty();
  }

  @Override
  public void destroy() throws InterruptedException {
    executor.shutdown();
    if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
      executor.shutdownNow();
    }
  }
}
