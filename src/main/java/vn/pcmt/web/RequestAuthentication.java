package vn.pcmt.web;

/**
 * Marks a request whose user an earlier filter already authenticated (the monitor's filter reads the Camunda webapps'
 * login session): HTTP Basic is then not asked for. Only filters of this application set it.
 */
public final class RequestAuthentication {

  /** Request attribute holding the id of the user authenticated by an earlier filter. */
  public static final String AUTHENTICATED_USER = "vn.pcmt.web.authenticatedUser";

  private RequestAuthentication() {
  }
}
