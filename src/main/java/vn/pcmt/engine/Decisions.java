package vn.pcmt.engine;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * What every approve/return cycle shares. That a decision is required and a return needs its reason is said by the
 * forms themselves (the reason is required and shown only when returning) and checked by {@link FormRules}.
 */
public final class Decisions {

  private Decisions() {
  }

  /**
   * A new draft starts a fresh review: the decisions and comments of the earlier round, already shown on the draft
   * form, are removed so the reviewer's form does not come pre-filled with them.
   */
  public static void startFreshReview(VariableScope scope, Var<?>... decisionsAndComments) {
    for (Var<?> variable : decisionsAndComments) {
      variable.remove(scope);
    }
  }
}
