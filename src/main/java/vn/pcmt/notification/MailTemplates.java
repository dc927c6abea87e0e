package vn.pcmt.notification;

import java.util.Locale;
import java.util.Map;

import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.templateresolver.SpringResourceTemplateResolver;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * Renders a kind of message from its two templates, {@code <kind>.txt} (plain text) and {@code <kind>.html}, in
 * {@code pcmt.mail.template-location}. The subject is the first line of the text template, written
 * {@code Tiêu đề: ...}, so whoever edits the wording finds subject and body in one file.
 *
 * <p>A private template engine, apart from the one Spring MVC may use for pages: mail needs a plain-text mode, and
 * edited templates are picked up within a minute.
 */
@Component
class MailTemplates {

  static final String SUBJECT_PREFIX = "Tiêu đề:";
  static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");
  private static final long CACHE_MILLIS = 60_000;

  private final SpringTemplateEngine text = new SpringTemplateEngine();
  private final SpringTemplateEngine html = new SpringTemplateEngine();

  MailTemplates(ApplicationContext context, NotificationProperties properties) {
    text.setTemplateResolver(resolver(context, properties.templateLocation(), ".txt", TemplateMode.TEXT));
    html.setTemplateResolver(resolver(context, properties.templateLocation(), ".html", TemplateMode.HTML));
  }

  /** One rendered message. */
  record Rendered(String subject, String text, String html) {
  }

  /**
   * Renders the kind with the values; fails with a message naming the template when it cannot be read or has no
   * subject line.
   */
  Rendered render(MessageKind kind, Map<String, Object> values) {
    Context context = new Context(VIETNAMESE, values);
    String fullText = text.process(kind.template(), context).replace("\r\n", "\n").stripLeading();
    int endOfLine = fullText.indexOf('\n');
    String firstLine = endOfLine < 0 ? fullText : fullText.substring(0, endOfLine);
    if (!firstLine.startsWith(SUBJECT_PREFIX)) {
      throw new IllegalStateException("The template " + kind.template() + ".txt must start with a line '"
          + SUBJECT_PREFIX + " ...' (the subject of the message), not '" + MailOutbox.cut(firstLine, 80) + "'");
    }
    String subject = firstLine.substring(SUBJECT_PREFIX.length()).strip();
    String body = endOfLine < 0 ? "" : fullText.substring(endOfLine + 1).strip() + "\n";
    return new Rendered(subject, body, html.process(kind.template(), context));
  }

  private static SpringResourceTemplateResolver resolver(ApplicationContext context, String location, String suffix,
      TemplateMode mode) {
    SpringResourceTemplateResolver resolver = new SpringResourceTemplateResolver();
    resolver.setApplicationContext(context);
    resolver.setPrefix(location.endsWith("/") ? location : location + "/");
    resolver.setSuffix(suffix);
    resolver.setTemplateMode(mode);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCacheable(true);
    resolver.setCacheTTLMs(CACHE_MILLIS);
    resolver.setCheckExistence(true);
    return resolver;
  }
}
