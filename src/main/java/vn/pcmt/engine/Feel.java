package vn.pcmt.engine;

import java.util.Map;

import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;
import org.camunda.feel.syntaxtree.ParsedExpression;

/**
 * FEEL expressions of a Camunda Form ({@code conditional.hide}, a {@code validate.min} written as {@code =...}),
 * evaluated as form-js evaluates them in Tasklist: against the form's data, a failed evaluation counting as no value.
 * The engine is the FEEL Scala engine that Camunda ships (its public Java API), not the JavaScript one of form-js; for
 * the comparisons and null checks forms use, both give the same answer.
 */
final class Feel {

  private static final FeelEngineApi ENGINE = FeelEngineBuilder.forJava().build();

  private Feel() {
  }

  /** Whether the text is a FEEL expression in form-js's sense: it starts with '='. */
  static boolean isExpression(Object value) {
    return value instanceof String text && text.startsWith("=");
  }

  /** Parses an expression ("=a != false", the '=' optional); throws {@link IllegalArgumentException} if invalid. */
  static Expression parse(String text) {
    String body = text.startsWith("=") ? text.substring(1) : text;
    ParseResult parsed = ENGINE.parseExpression(body);
    if (!parsed.isSuccess()) {
      throw new IllegalArgumentException("biểu thức FEEL '" + text + "' viết sai: " + parsed.failure().message());
    }
    return new Expression(text, parsed.parsedExpression());
  }

  /** A parsed expression; parsing once per form file, evaluating per submission. */
  record Expression(String text, ParsedExpression parsed) {

    /** The value, or null when the evaluation fails (form-js shows the field then, and so does the server). */
    Object evaluate(Map<String, Object> context) {
      EvaluationResult result = ENGINE.evaluate(parsed, context);
      return result.isSuccess() ? result.result() : null;
    }

    boolean isTrue(Map<String, Object> context) {
      return Boolean.TRUE.equals(evaluate(context));
    }
  }
}
