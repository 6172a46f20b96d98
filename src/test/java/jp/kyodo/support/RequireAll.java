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

  /** Skipped with {@code reason}; under KYODO_REQUIRE_ALL=true a failure with it (a condition that throws fails). */
  public static ConditionEvaluationResult skipOrFail(String reason) {
    if (set()) {
      throw new IllegalStateException(VARIABLE + "=true なので飛ばせません: " + reason);
    }
    return ConditionEvaluationResult.disabled(reason);
  }
}
