package vn.pcmt.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.passay.CharacterCharacteristicsRule;
import org.passay.CharacterRule;
import org.passay.EnglishCharacterData;
import org.passay.EnglishSequenceData;
import org.passay.IllegalSequenceRule;
import org.passay.LengthRule;
import org.passay.PasswordData;
import org.passay.PasswordValidator;
import org.passay.RepeatCharactersRule;
import org.passay.RuleResult;
import org.passay.UsernameRule;
import org.passay.WhitespaceRule;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Outside the demo profile the first administrator comes from the environment ({@code PCMT_ADMIN_USER},
 * {@code PCMT_ADMIN_PASSWORD}) and nowhere else: no default, no demo user. Runs before any bean exists, so a
 * missing or weak administrator stops the start-up with a message an operator can act on (shown by
 * {@link StartupRefusedFailureAnalyzer}) instead of an engine that starts without an administrator.
 */
public class AdministratorCheck implements EnvironmentPostProcessor {

  static final String USER = "PCMT_ADMIN_USER";
  static final String PASSWORD = "PCMT_ADMIN_PASSWORD";
  static final int MIN_LENGTH = 12;

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (environment.matchesProfiles("demo")) {
      return;
    }
    List<String> problems = problems(environment.getProperty(USER), environment.getProperty(PASSWORD));
    if (!problems.isEmpty()) {
      throw new StartupRefusedException("Không khởi động: tài khoản quản trị đầu tiên chưa đạt yêu cầu "
          + "(the first administrator is missing or weak).\n - " + String.join("\n - ", problems),
          "Đặt biến môi trường " + USER + " và " + PASSWORD + " (mật khẩu ít nhất " + MIN_LENGTH + " ký tự, có chữ "
              + "hoa, chữ thường, chữ số và ký tự đặc biệt, không chứa tên tài khoản), rồi khởi động lại. "
              + "Tài khoản demo chỉ có ở hồ sơ demo (SPRING_PROFILES_ACTIVE=demo).");
    }
  }

  /** What is wrong with the administrator the environment gives, in Vietnamese; empty when nothing. */
  static List<String> problems(String user, String password) {
    List<String> problems = new ArrayList<>();
    if (user == null || user.isBlank()) {
      problems.add("Thiếu biến môi trường " + USER + " (tên tài khoản quản trị).");
    }
    if (password == null || password.isEmpty()) {
      problems.add("Thiếu biến môi trường " + PASSWORD + " (mật khẩu quản trị).");
      return problems;
    }
    PasswordValidator policy = new PasswordValidator(
        new LengthRule(MIN_LENGTH, 128),
        new CharacterCharacteristicsRule(4, new CharacterRule(EnglishCharacterData.UpperCase, 1),
            new CharacterRule(EnglishCharacterData.LowerCase, 1), new CharacterRule(EnglishCharacterData.Digit, 1),
            new CharacterRule(EnglishCharacterData.Special, 1)),
        new UsernameRule(true, true),
        new IllegalSequenceRule(EnglishSequenceData.Alphabetical, 5, false),
        new IllegalSequenceRule(EnglishSequenceData.Numerical, 5, false),
        new IllegalSequenceRule(EnglishSequenceData.USQwerty, 5, false),
        new RepeatCharactersRule(4),
        new WhitespaceRule());
    RuleResult result = policy.validate(new PasswordData(user == null ? "" : user, password));
    if (!result.isValid()) {
      // the summary of the character classes repeats the missing classes, each already named
      result.getDetails().stream().map(detail -> detail.getErrorCode())
          .filter(code -> !code.equals(CharacterCharacteristicsRule.ERROR_CODE))
          .map(AdministratorCheck::vietnamese).distinct().forEach(problems::add);
    }
    return problems;
  }

  private static String vietnamese(String code) {
    return switch (code) {
      case LengthRule.ERROR_CODE_MIN -> PASSWORD + " quá ngắn: cần ít nhất " + MIN_LENGTH + " ký tự.";
      case LengthRule.ERROR_CODE_MAX -> PASSWORD + " quá dài: tối đa 128 ký tự.";
      case "INSUFFICIENT_UPPERCASE" -> PASSWORD + " cần có chữ hoa.";
      case "INSUFFICIENT_LOWERCASE" -> PASSWORD + " cần có chữ thường.";
      case "INSUFFICIENT_DIGIT" -> PASSWORD + " cần có chữ số.";
      case "INSUFFICIENT_SPECIAL" -> PASSWORD + " cần có ký tự đặc biệt (như ! @ # %).";
      case UsernameRule.ERROR_CODE, UsernameRule.ERROR_CODE_REVERSED -> PASSWORD + " không được chứa tên tài khoản.";
      case "ILLEGAL_ALPHABETICAL_SEQUENCE", "ILLEGAL_NUMERICAL_SEQUENCE", "ILLEGAL_QWERTY_SEQUENCE" ->
          PASSWORD + " không được chứa dãy ký tự liền nhau dễ đoán (abcde, 12345, qwert).";
      case RepeatCharactersRule.ERROR_CODE -> PASSWORD + " không được lặp một ký tự nhiều lần.";
      case WhitespaceRule.ERROR_CODE -> PASSWORD + " không được có khoảng trắng.";
      default -> PASSWORD + " chưa đạt yêu cầu (" + code.toLowerCase(Locale.ROOT) + ").";
    };
  }
}
