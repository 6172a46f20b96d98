package jp.kyodo.registry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The tokens of the account links (confirm an address, set a password): 256 random bits, sent once in a mail, kept
 * only as their SHA-256 — a copy of the database does not open anyone's account.
 */
final class Secrets {

  private static final SecureRandom RANDOM = new SecureRandom();

  private Secrets() {}

  static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String hash(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A password nobody knows, for an account that exists before its holder sets one (an approved registration, an
   * invitation): it meets Camunda's default policy (upper and lower case, digit, symbol, length), so the account is
   * created whether or not the policy is on, and it is never sent anywhere.
   */
  static String unusablePassword() {
    return "Kz9!" + newToken();
  }
}
