package vn.pcmt.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Vietnamese translation of Camunda's webapps ({@code app/<app>/locales/vi.json}) against the English locale
 * of the Camunda webjar on the classpath: after a Camunda upgrade this test names every key that is new, gone or
 * changed its placeholders. How to update the translation: docs/translation.md.
 */
class TasklistTranslationTest {

  private static final String WEBAPPS = "META-INF/resources/webjars/camunda/app/";

  /** Values that are the same in both languages: symbols, and names that are not English words. */
  private static final Set<String> SAME_IN_BOTH_LANGUAGES = Set.of("Camunda", "BPMN", "CMMN", "DMN", "JSON",
      "XML", "ID", "OK", "LDAP", "Optimize", "%s", "%d", "{{name}}", "{{ name }}");

  private static final Pattern ANGULAR_PLACEHOLDER = Pattern.compile("\\{\\{\\s*(.*?)\\s*}}");
  private static final Pattern PRINTF_PLACEHOLDER = Pattern.compile("%[sd]");
  private static final Pattern HTML_TAG =
      Pattern.compile("</?(a|b|br|code|div|em|i|li|p|span|strong|ul)\\b[^>]*>", Pattern.CASE_INSENSITIVE);
  private static final Pattern LETTER = Pattern.compile("\\p{L}");

  private final ObjectMapper json = new ObjectMapper();

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"tasklist", "welcome", "admin"})
  void everyEnglishKeyHasAVietnameseValue(String app) {
    Map<String, String> english = englishLocale(app);
    Map<String, String> vietnamese = vietnameseLocale(app);

    List<String> missing = english.entrySet().stream()
        .filter(entry -> isBlank(vietnamese.get(entry.getKey())) && !isBlank(entry.getValue()))
        .map(entry -> entry.getKey() + " = " + entry.getValue())
        .toList();
    assertThat(missing)
        .as("%s: %d keys of Camunda's en.json have no Vietnamese value in %s (English would show instead)",
            app, missing.size(), vietnamesePath(app))
        .isEmpty();

    // Beyond en.json, vi.json translates strings that Camunda's code passes to the translate filter as they are
    // (the filter criteria of Tasklist: "Business Key Like"...); such a key must still be a string of that code.
    String code = text(resource(WEBAPPS + app + "/camunda-" + app + "-bootstrap.js"));
    List<String> unknown = vietnamese.keySet().stream()
        .filter(key -> !english.containsKey(key))
        .filter(key -> !key.startsWith("labels.") || !code.contains('"' + key.substring("labels.".length()) + '"'))
        .toList();
    assertThat(unknown)
        .as("%s: keys of %s that are neither in Camunda's en.json nor a string of its code any more (remove them)",
            app, vietnamesePath(app))
        .isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"tasklist", "welcome", "admin"})
  void placeholdersAndMarkupAreKept(String app) {
    Map<String, String> english = englishLocale(app);
    Map<String, String> vietnamese = vietnameseLocale(app);

    List<String> changed = new ArrayList<>();
    english.forEach((key, englishValue) -> {
      String vietnameseValue = vietnamese.get(key);
      if (vietnameseValue == null) {
        return;
      }
      for (Pattern pattern : List.of(ANGULAR_PLACEHOLDER, PRINTF_PLACEHOLDER, HTML_TAG)) {
        List<String> expected = occurrences(pattern, englishValue);
        List<String> actual = occurrences(pattern, vietnameseValue);
        if (!expected.equals(actual)) {
          changed.add(key + ": English has " + expected + ", Vietnamese has " + actual);
        }
      }
    });
    assertThat(changed)
        .as("%s: placeholders ({{x}}, %%s) and HTML tags must be kept exactly in %s", app, vietnamesePath(app))
        .isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"tasklist", "welcome", "admin"})
  void nothingIsLeftInEnglish(String app) {
    Map<String, String> english = englishLocale(app);
    Map<String, String> vietnamese = vietnameseLocale(app);

    List<String> untranslated = english.entrySet().stream()
        .filter(entry -> !isDateFormat(entry.getKey()))
        .filter(entry -> LETTER.matcher(entry.getValue()).find())
        .filter(entry -> !SAME_IN_BOTH_LANGUAGES.contains(entry.getValue().strip()))
        .filter(entry -> entry.getValue().equals(vietnamese.get(entry.getKey())))
        .map(entry -> entry.getKey() + " = " + entry.getValue())
        .toList();
    assertThat(untranslated)
        .as("%s: values of %s copied from English instead of translated", app, vietnamesePath(app))
        .isEmpty();
  }

  @Test
  void datesAreDayMonthYear() {
    for (String app : List.of("tasklist", "admin")) {
      JsonNode formats = read(resource(vietnamesePath(app))).path("dateLocales").path("longDateFormat");
      assertThat(formats.path("L").asText()).as("%s: L", app).isEqualTo("DD/MM/YYYY");
      assertThat(formats.path("LL").asText()).as("%s: LL", app).isEqualTo("DD/MM/YYYY");
      assertThat(formats.path("LLL").asText()).as("%s: LLL", app).isEqualTo("DD/MM/YYYY HH:mm");
    }
    String tasklistConfig = text(resource(WEBAPPS + "tasklist/scripts/config.js"));
    assertThat(tasklistConfig).contains("normal: 'DD/MM/YYYY HH:mm'").contains("short: 'DD/MM/YYYY'");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"tasklist", "welcome", "admin"})
  void everyAppIsVietnameseByDefaultWithEnglishInTheUserMenu(String app) {
    String config = text(resource(WEBAPPS + app + "/scripts/config.js"));
    assertThat(config)
        .as("%s/scripts/config.js must take its language from pcmt/locale.js (Vietnamese unless English was chosen)",
            app)
        .contains("from '../../pcmt/locale.js'")
        .contains("locales: locales()")
        .contains("customScripts: ['../pcmt/header', '../pcmt/dates'")
        .contains("vendor: 'Kế hoạch");
    assertThat(text(resource(WEBAPPS + "pcmt/locale.js"))).contains("DEFAULT_LANGUAGE = 'vi'");
  }

  @Test
  void tasklistTranslatesTheOwnTextsOfCamundaForms() {
    assertThat(text(resource(WEBAPPS + "tasklist/scripts/config.js"))).contains("'../pcmt/forms'");
    // pcmt/forms.js matches these texts of form-js (bundled in Camunda's lib/deps.js): if an upgrade rewords them,
    // this fails and pcmt/forms.js needs the new wording
    String formJs = text(resource("META-INF/resources/webjars/camunda/lib/deps.js"));
    assertThat(formJs).contains("\"Field is required.\"", "`Field must have minimum value of ${", "\"Add new\"",
        "\"Value is not a number.\"", "\"Nothing to show.\"");
  }

  @Test
  void welcomePageLinksToTheSecretariatsMonitoringPage() {
    String config = text(resource(WEBAPPS + "welcome/scripts/config.js"));
    assertThat(config).contains("label: 'Theo dõi tiến độ kế hoạch'").contains("href: '/monitor/'");
  }

  private Map<String, String> englishLocale(String app) {
    URL url = resource(WEBAPPS + app + "/locales/en.json");
    assertThat(url.getProtocol())
        .as("%s/locales/en.json must be Camunda's own, from the webjar, not a copy in src/main/resources", app)
        .isEqualTo("jar");
    return flatten(read(url));
  }

  private Map<String, String> vietnameseLocale(String app) {
    return flatten(read(resource(vietnamesePath(app))));
  }

  private static String vietnamesePath(String app) {
    return WEBAPPS + app + "/locales/vi.json";
  }

  private static URL resource(String path) {
    URL url = TasklistTranslationTest.class.getClassLoader().getResource(path);
    assertThat(url).as("%s on the classpath", path).isNotNull();
    return url;
  }

  private JsonNode read(URL url) {
    // Camunda's locale files start with a byte order mark; Jackson skips it when reading bytes
    try (InputStream in = url.openStream()) {
      return json.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + url, e);
    }
  }

  private static String text(URL url) {
    try (InputStream in = url.openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + url, e);
    }
  }

  /** {"labels": {"A": "x"}, "dateLocales": {"months": ["January"]}} -> labels.A = x, dateLocales.months[0] = January. */
  static Map<String, String> flatten(JsonNode root) {
    Map<String, String> flat = new LinkedHashMap<>();
    flatten("", root, flat);
    return flat;
  }

  private static void flatten(String path, JsonNode node, Map<String, String> flat) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        flatten(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), flat);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        flatten(path + "[" + i + "]", node.get(i), flat);
      }
    } else {
      flat.put(path, node.isNull() ? null : node.asText());
    }
  }

  private static List<String> occurrences(Pattern pattern, String value) {
    List<String> found = new ArrayList<>();
    Matcher matcher = pattern.matcher(value);
    while (matcher.find()) {
      found.add(pattern == HTML_TAG ? matcher.group().replaceAll("\\s+", " ") : matcher.group(matcher.groupCount()));
    }
    found.sort(null);
    return found;
  }

  /** moment.js format patterns (L, DD/MM/YYYY, HH:mm) are not words to translate. */
  private static boolean isDateFormat(String key) {
    return key.startsWith("dateLocales.longDateFormat.") || key.equals("dateLocales.calendar.sameElse");
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
