package dev.cairn.wallet.account;

import dev.cairn.wallet.http.ProblemException;
import dev.cairn.wallet.http.ProblemType;
import java.util.Locale;
import java.util.regex.Pattern;

/** What makes an email and a password acceptable for a built-in account. */
final class AccountRules {
  static final int MIN_PASSWORD_LENGTH = 12;
  static final int MAX_PASSWORD_LENGTH = 1024;
  private static final int MAX_EMAIL_LENGTH = 254;
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");

  private AccountRules() {}

  /** Trimmed and lower-cased, so one person cannot hold two accounts that differ only in case. */
  static String normaliseEmail(String email) {
    return email.trim().toLowerCase(Locale.ROOT);
  }

  static String validEmail(String email) {
    String normalised = normaliseEmail(email);
    if (normalised.length() > MAX_EMAIL_LENGTH || !EMAIL.matcher(normalised).matches()) {
      throw new ProblemException(ProblemType.INVALID_REQUEST, "Field 'email' is not an email address");
    }
    return normalised;
  }

  static String validPassword(String password) {
    int length = password.codePointCount(0, password.length());
    if (length < MIN_PASSWORD_LENGTH) {
      throw new ProblemException(ProblemType.INVALID_REQUEST,
          "Field 'password' must have at least " + MIN_PASSWORD_LENGTH + " characters");
    }
    if (length > MAX_PASSWORD_LENGTH) {
      throw new ProblemException(ProblemType.INVALID_REQUEST,
          "Field 'password' must have at most " + MAX_PASSWORD_LENGTH + " characters");
    }
    return password;
  }

  /** An organisation's display name: what learners see when an employer asks them for proof. */
  static String validOrganisation(String organisation) {
    if (organisation == null || organisation.isBlank() || organisation.strip().length() > 200) {
      throw new ProblemException(ProblemType.INVALID_REQUEST,
          "Field 'organisation' must be the organisation's name (1–200 characters)");
    }
    return organisation.strip();
  }
}
