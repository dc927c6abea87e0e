package vn.pcmt.web;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The address officials reach the application at, for every link that leaves a request's context: mail, the monitor's
 * cells. {@code PCMT_PUBLIC_URL} (e.g. {@code https://pcmt.sonla.gov.vn}, behind the province's reverse proxy) when
 * set; otherwise this server's own host name and the port it really listens on, learnt when the web server starts.
 */
@Component
public class PublicUrl {

  private static final Logger LOG = LoggerFactory.getLogger(PublicUrl.class);

  private final String configured;
  private final String address;
  private final String contextPath;
  private volatile String base;

  PublicUrl(@Value("${pcmt.public-url:}") String configured, @Value("${server.address:}") String address,
      @Value("${server.port:8080}") int port, @Value("${server.servlet.context-path:}") String contextPath) {
    this.configured = strip(configured);
    this.address = address;
    this.contextPath = strip(contextPath);
    this.base = this.configured.isEmpty() ? ownAddress(port) : this.configured;
  }

  /** The web server's real port (a random one in tests, another one per node) replaces the configured guess. */
  @EventListener
  void serverStarted(WebServerInitializedEvent event) {
    if (configured.isEmpty() && event.getApplicationContext().getServerNamespace() == null) {
      base = ownAddress(event.getWebServer().getPort());
      LOG.info("Liên kết trong thư và trang theo dõi trỏ tới {} (đặt PCMT_PUBLIC_URL để đổi)", base);
    }
  }

  /** The root, without a trailing slash: {@code https://pcmt.sonla.gov.vn}. */
  public String base() {
    return base;
  }

  /** Tasklist's start page. */
  public String tasklist() {
    return base + "/camunda/app/tasklist/default/";
  }

  /** A task opened in Tasklist. */
  public String tasklistTask(String taskId) {
    return tasklist() + "#/?task=" + taskId;
  }

  /** Cockpit's start page. */
  public String cockpit() {
    return base + "/camunda/app/cockpit/default/";
  }

  private String ownAddress(int port) {
    String host = address == null || address.isBlank() || "0.0.0.0".equals(address) || "::".equals(address)
        ? hostName() : address;
    return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + contextPath;
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }

  private static String strip(String url) {
    String value = url == null ? "" : url.strip();
    return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
  }
}
