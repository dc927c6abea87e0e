package vn.pcmt.processowner;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The deployments being attempted by the engine command running on this thread: the validation records what it
 * found here, and the history writes it down once the command has committed or rolled back.
 */
final class DeploymentAttempts {

  /**
   * One deployment as the engine received it.
   *
   * @param by        the user who deployed, {@code startup} for the application's own start-up deployment, or
   *                  {@code application} for code deploying without a user (tests)
   * @param validated whether the validation ran (it runs for users and for the start-up deployment)
   */
  record Attempt(Instant at, String by, String name, String source, List<String> resources, boolean validated,
      List<Finding> findings) {
  }

  private static final ThreadLocal<List<Attempt>> CURRENT = new ThreadLocal<>();

  private DeploymentAttempts() {
  }

  /** Starts collecting; false when an outer command on this thread already does. */
  static boolean begin() {
    if (CURRENT.get() != null) {
      return false;
    }
    CURRENT.set(new ArrayList<>());
    return true;
  }

  static void add(Attempt attempt) {
    List<Attempt> attempts = CURRENT.get();
    if (attempts != null) {
      attempts.add(attempt);
    }
  }

  /** Stops collecting and returns what was attempted. */
  static List<Attempt> end() {
    List<Attempt> attempts = CURRENT.get();
    CURRENT.remove();
    return attempts == null ? List.of() : attempts;
  }
}
