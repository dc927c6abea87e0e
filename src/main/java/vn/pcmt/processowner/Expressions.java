package vn.pcmt.processowner;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.FunctionNode;
import org.camunda.bpm.impl.juel.IdentifierNode;
import org.camunda.bpm.impl.juel.Tree;
import org.camunda.bpm.impl.juel.jakarta.el.ELException;

/**
 * Reads JUEL expressions as the engine parses them (the engine's own JUEL, method calls allowed): which names an
 * expression looks up ({@code ${deadlines.workingDaysFromNow(5)}} looks up {@code deadlines},
 * {@code ${!subPlanAccepted}} looks up {@code subPlanAccepted}) and which functions it calls.
 */
final class Expressions {

  private static final Builder JUEL = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS);

  private Expressions() {
  }

  /** The names an expression reads, or a syntax error. */
  record Parsed(Set<String> identifiers, Set<String> functions, String error) {
    boolean valid() {
      return error == null;
    }
  }

  static boolean isExpression(String text) {
    return text != null && (text.contains("${") || text.contains("#{"));
  }

  static Parsed parse(String text) {
    try {
      Tree tree = JUEL.build(text);
      Set<String> identifiers = new LinkedHashSet<>();
      for (IdentifierNode node : tree.getIdentifierNodes()) {
        identifiers.add(node.getName());
      }
      Set<String> functions = new LinkedHashSet<>();
      for (FunctionNode node : tree.getFunctionNodes()) {
        functions.add(node.getName());
      }
      return new Parsed(identifiers, functions, null);
    } catch (ELException e) {
      return new Parsed(Set.of(), Set.of(), e.getMessage());
    }
  }

  /**
   * The items of a comma-separated list such as {@code camunda:candidateGroups}; commas inside an expression
   * ({@code ${groups.of(a, b)}}) do not split.
   */
  static List<String> listItems(String text) {
    List<String> items = new ArrayList<>();
    if (text == null) {
      return items;
    }
    int depth = 0;
    StringBuilder item = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c == '$' || c == '#') && i + 1 < text.length() && text.charAt(i + 1) == '{') {
        depth++;
        item.append(c).append('{');
        i++;
        continue;
      }
      if (c == '}' && depth > 0) {
        depth--;
      }
      if (c == ',' && depth == 0) {
        items.add(item.toString().strip());
        item.setLength(0);
      } else {
        item.append(c);
      }
    }
    items.add(item.toString().strip());
    items.removeIf(String::isEmpty);
    return items;
  }

  /** Levenshtein distance, for "did you mean" suggestions. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = Character.toLowerCase(a.charAt(i - 1)) == Character.toLowerCase(b.charAt(j - 1)) ? 0 : 1;
        current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  /** The closest of the candidates to a misspelt name, if one is close enough to be what was meant. */
  static String closest(String name, Iterable<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int d = distance(name, candidate);
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    return best != null && bestDistance <= Math.max(2, name.length() / 4) ? best : null;
  }
}
