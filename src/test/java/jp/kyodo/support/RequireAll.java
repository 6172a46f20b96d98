package jp.kyodo.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;

/**
 * {@code KYODO_REQUIRE_ALL=true} (set by {@code .ci/run}): every test runs. Tests that need something a developer's
 * machine may lack (PostgreSQL, Chromium) are skipped elsewhere, but in CI a skip would only show up as a number in
 * Maven's summary while the build stays green, so there the missing prerequisite fails the test instead.
 */
public final class RequireAll {

  public static final String VARIABLE = "KYODO_REQUIRE_ALL";

  private RequireAll() {}

  public static boolean set() {
    return "true".equals(System.getenv(VARIABLE));
  }

  /**
   * Skipped with {@code skipped}; under KYODO_REQUIRE_ALL=true a failure saying what is {@code missing} (a condition
   * that throws fails the test).
   */
  public static ConditionEvaluationResult skipOrFail(String skipped, String missing) {
    if (set()) {
      throw new IllegalStateException(VARIABLE + "=true なので飛ばせません。" + missing);
    }
    return ConditionEvaluationResult.disabled(skipped);
  }
}
