package vn.pcmt.engine;

import org.camunda.bpm.engine.delegate.VariableScope;

/** The rule every approve/return form shares: a decision is required, and a return needs a reason. */
public final class Decisions {

  private Decisions() {
  }

  /**
   * Checks the decision and stores it as a boolean (forms may submit "true"/"false"); returns it, or null when missing.
   */
  public static Boolean require(VariableScope scope, Var<Boolean> decision, Var<String> comment, FormValues problems,
      String returnLabel) {
    Object raw = scope.getVariable(decision.name());
    Boolean value = raw instanceof Boolean b ? b
        : raw instanceof String s && (s.equals("true") || s.equals("false")) ? Boolean.valueOf(s) : null;
    if (value == null) {
      problems.add(decision.name(), "Chưa chọn quyết định (đồng ý hoặc trả lại).");
      return null;
    }
    decision.set(scope, value);
    String text = comment.get(scope);
    if (!value && (text == null || text.isBlank())) {
      problems.add(comment.name(), "Cần ghi rõ lý do khi " + returnLabel + ".");
    }
    return value;
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

  public static void requireText(VariableScope scope, Var<String> field, String label, int maxLength,
      FormValues problems) {
    String text = field.get(scope);
    if (text == null || text.isBlank()) {
      problems.add(field.name(), "Chưa nhập " + label + ".");
    } else if (text.length() > maxLength) {
      problems.add(field.name(), label.substring(0, 1).toUpperCase() + label.substring(1) + " dài quá " + maxLength
          + " ký tự.");
    }
  }
}
