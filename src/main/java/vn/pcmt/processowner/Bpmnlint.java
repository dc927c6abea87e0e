package vn.pcmt.processowner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

/**
 * Camunda Modeler's linter itself: bpmnlint's recommended rules with bpmnlint-plugin-camunda-compat's
 * camunda-platform-7-24 rules, run by Node.js over a diagram being deployed. Used when
 * {@code pcmt.process-owner.bpmnlint-home} names a folder where both npm packages are installed and {@code node} runs;
 * otherwise (the production image has no Node.js) {@link LintRules} checks the same error rules in Java.
 */
@Component
class Bpmnlint {

  private static final Logger LOG = LoggerFactory.getLogger(Bpmnlint.class);
  static final String CONFIG = "{ \"extends\": [\"bpmnlint:recommended\", "
      + "\"plugin:camunda-compat/camunda-platform-7-24\"] }";
  /** {@code   Task_X  error  Element is missing label/name  label-required}. */
  private static final Pattern PROBLEM =
      Pattern.compile("^\\s+(\\S+)\\s+(error|warning|warn|info)\\s+(.+?)\\s+(\\S+)\\s*$");
  private static final long TIMEOUT_SECONDS = 60;

  private final Path home;
  private volatile Boolean available;

  Bpmnlint(ProcessOwnerProperties properties) {
    this.home = properties.bpmnlintHome() == null || properties.bpmnlintHome().isBlank() ? null
        : Path.of(properties.bpmnlintHome()).toAbsolutePath();
  }

  /** The linter installed in a folder (tests). */
  static Bpmnlint at(Path home) {
    return new Bpmnlint(new ProcessOwnerProperties(null, null, home.toString()));
  }

  /** Whether the real linter can run here: configured, installed, and Node.js on the path. */
  boolean available() {
    if (available == null) {
      boolean installed = home != null && Files.isRegularFile(script())
          && Files.isDirectory(home.resolve("node_modules/bpmnlint-plugin-camunda-compat"));
      boolean node = installed && run(List.of("node", "--version"), home).exitCode() == 0;
      if (home != null && !node) {
        LOG.warn("bpmnlint is configured at {} but bpmnlint or Node.js is missing there; diagrams are linted by the"
            + " Java rules", home);
      }
      available = node;
    }
    return available;
  }

  /** The linter for the validator: bpmnlint's errors as findings, in Vietnamese where the rule is known. */
  DiagramValidator.Linter linter() {
    return this::lint;
  }

  List<Finding> lint(String file, BpmnModelInstance model, byte[] xml) {
    Path work = null;
    try {
      work = Files.createTempDirectory("pcmt-bpmnlint");
      Files.writeString(work.resolve(".bpmnlintrc"), CONFIG);
      String base = file.substring(file.lastIndexOf('/') + 1);
      Path diagram = work.resolve(base.endsWith(".bpmn") ? base : base + ".bpmn");
      Files.write(diagram, xml);
      Result result = run(List.of("node", script().toString(), diagram.toString()), work);
      List<Finding> findings = new ArrayList<>();
      for (String line : result.output().split("\\R")) {
        Matcher problem = PROBLEM.matcher(line);
        if (problem.matches() && "error".equals(problem.group(2))) {
          findings.add(finding(file, model, problem.group(1), problem.group(4), problem.group(3)));
        }
      }
      if (result.exitCode() != 0 && findings.isEmpty()) {
        LOG.warn("bpmnlint failed on {} ({}); the Java rules lint it instead", file, result.output().strip());
        return LintRules.lint(file, model);
      }
      return findings;
    } catch (IOException e) {
      LOG.warn("Cannot run bpmnlint on {} ({}); the Java rules lint it instead", file, e.getMessage());
      return LintRules.lint(file, model);
    } finally {
      if (work != null) {
        FileSystemUtils.deleteRecursively(work.toFile());
      }
    }
  }

  private Finding finding(String file, BpmnModelInstance model, String elementId, String rule, String message) {
    ModelElementInstance element = model.getModelElementById(elementId);
    Finding java = TRANSLATIONS.get(rule);
    String problem = java != null ? java.problem() : message + " (bpmnlint)";
    String fix = java != null ? java.fix()
        : "Mở tệp trong Camunda Modeler, xem bảng Problems (quy tắc " + rule + ") và sửa theo hướng dẫn ở đó.";
    return new Finding(file, elementId, LintRules.name(element), "lint:" + rule, problem, fix);
  }

  /** The Vietnamese wording of the rules {@link LintRules} knows, by bpmnlint rule name. */
  private static final Map<String, Finding> TRANSLATIONS = LintRules.wording();

  private Path script() {
    return home.resolve("node_modules/bpmnlint/bin/bpmnlint.js");
  }

  private record Result(int exitCode, String output) {
  }

  private Result run(List<String> command, Path directory) {
    try {
      ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
      builder.environment().put("NODE_PATH", home.resolve("node_modules").toString());
      builder.environment().put("NO_COLOR", "1");
      java.lang.Process process = builder.start();
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return new Result(-1, "timed out");
      }
      return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    } catch (IOException e) {
      return new Result(-1, e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(-1, "interrupted");
    }
  }
}
