package vn.pcmt.processowner;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code pcmt.process-owner} settings.
 *
 * @param processes     the diagrams deployed at start-up (a Spring resource pattern); an operator may point it at a
 *                      folder outside the application ({@code file:/srv/pcmt/processes/*.bpmn}) so that a restart
 *                      deploys what the process owners put there, without a new build
 * @param forms         the forms the diagrams reference, likewise ({@code file:/srv/pcmt/forms/*.form})
 * @param bpmnlintHome  a folder holding {@code node_modules/bpmnlint} and
 *                      {@code node_modules/bpmnlint-plugin-camunda-compat} (what {@code .ci/run} installs into
 *                      {@code .ci/lint}); when set and Node.js is installed, every deployment is linted by the real
 *                      bpmnlint, otherwise by the same rules in Java
 */
@ConfigurationProperties("pcmt.process-owner")
record ProcessOwnerProperties(
    @DefaultValue("classpath*:processes/*.bpmn") String processes,
    @DefaultValue("classpath*:forms/*.form") String forms,
    String bpmnlintHome) {
}
