package jp.kyodo.registry;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import jp.kyodo.platform.CityCalendar;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The signed, time-based token the public registration form carries (abuse protection without an outside service):
 * issued when the page reads the form, it names the moment of issue and is signed with the server's secret
 * (HMAC-SHA256). A submission is taken from {@value #MIN_SECONDS} seconds to {@value #MAX_MINUTES} minutes after
 * issue: a bot that posts at once, or replays a token copied long ago, is refused; nothing is stored per token, so
 * every node checks it alike as long as the nodes share the secret ({@code kyodo.registration.form-secret}). Without
 * that property each start draws a random secret: fine for one node in development, a form open across a restart is
 * simply read again.
 */
@Component
public class FormTokens {

  static final int MIN_SECONDS = 3;
  static final int MAX_MINUTES = 60;

  /** Why a token was refused, each with the applicant's message. */
  enum Problem {
    MISSING("フォームを読み込み直してから送ってください。"),
    FORGED("フォームを読み込み直してから送ってください（フォームの確認情報が正しくありません）。"),
    TOO_SOON("送信が早すぎます。入力内容を確かめて、数秒たってからもう一度送ってください。"),
    EXPIRED("フォームを開いてから1時間を過ぎました。ページを読み込み直して、もう一度送ってください。");

    final String message;

    Problem(String message) {
      this.message = message;
    }
  }

  private final byte[] secret;

  public FormTokens(@Value("${kyodo.registration.form-secret:}") String secret) {
    if (secret == null || secret.isBlank()) {
      byte[] random = new byte[32];
      new SecureRandom().nextBytes(random);
      this.secret = random;
    } else {
      this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }
  }

  public String issue() {
    byte[] nonce = new byte[9];
    new SecureRandom().nextBytes(nonce);
    String body = CityCalendar.now().toEpochMilli() + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(nonce);
    return body + "." + sign(body);
  }

  /** Null when the token holds now, else why not. */
  Problem check(String token) {
    if (token == null || token.isBlank()) {
      return Problem.MISSING;
    }
    int last = token.lastIndexOf('.');
    int first = token.indexOf('.');
    if (token.length() > 200 || first <= 0 || last <= first) {
      return Problem.FORGED;
    }
    String body = token.substring(0, last);
    if (!MessageDigest.isEqual(sign(body).getBytes(StandardCharsets.US_ASCII),
        token.substring(last + 1).getBytes(StandardCharsets.US_ASCII))) {
      return Problem.FORGED;
    }
    Instant issued;
    try {
      issued = Instant.ofEpochMilli(Long.parseLong(token.substring(0, first)));
    } catch (NumberFormatException e) {
      return Problem.FORGED;
    }
    Duration age = Duration.between(issued, CityCalendar.now());
    if (age.compareTo(Duration.ofSeconds(MIN_SECONDS)) < 0) {
      return Problem.TOO_SOON;
    }
    if (age.compareTo(Duration.ofMinutes(MAX_MINUTES)) > 0) {
      return Problem.EXPIRED;
    }
    return null;
  }

  private String sign(String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }
}
