package vn.pcmt.engine;

import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;

/**
 * Runs engine calls with no user authenticated, so the engine checks no authorization, and restores the caller's
 * authentication afterwards. Only for work the application does on its own behalf after it checked who may ask for
 * it (reading the recipients of a mail, a task's form, a document's plan; moving a task for the secretariat).
 */
public final class AsEngine {

  private AsEngine() {
  }

  public static <T> T call(IdentityService identity, Supplier<T> work) {
    var caller = identity.getCurrentAuthentication();
    if (caller == null) {
      return work.get();
    }
    identity.clearAuthentication();
    try {
      return work.get();
    } finally {
      identity.setAuthentication(caller);
    }
  }
}
