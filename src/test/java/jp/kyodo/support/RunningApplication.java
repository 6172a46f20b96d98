package jp.kyodo.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application on a random port with its demo people, an in-memory database and no job executor (tests run
 * jobs themselves). Every test class with this annotation shares one Spring context, started once.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:kyodo-app-test;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false"})
public @interface RunningApplication {}
