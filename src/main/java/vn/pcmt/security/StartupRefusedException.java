package vn.pcmt.security;

/** The application refuses to start for a reason the operator must fix; {@link #action()} says how. */
public class StartupRefusedException extends IllegalStateException {

  private final String action;

  public StartupRefusedException(String message, String action) {
    super(message);
    this.action = action;
  }

  public String action() {
    return action;
  }
}
