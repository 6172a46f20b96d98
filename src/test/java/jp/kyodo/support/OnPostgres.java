package jp.kyodo.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test against a local PostgreSQL (database, user and password {@code kyodo}, or SPRING_DATASOURCE_URL,
 * SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD): runs when KYODO_TEST_POSTGRES=true, which
 * {@code .ci/run} sets once PostgreSQL answers; otherwise skipped, and failed under {@link RequireAll}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(OnPostgres.Condition.class)
public @interface OnPostgres {

  String VARIABLE = "KYODO_TEST_POSTGRES";

  final class Condition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      if ("true".equals(System.getenv(VARIABLE))) {
        return ConditionEvaluationResult.enabled(VARIABLE + "=true");
      }
      String needs = "PostgreSQL のテストには " + VARIABLE + "=true と localhost:5432 の PostgreSQL（データベース kyodo）が要ります。";
      return RequireAll.skipOrFail(needs, needs);
    }
  }
}
