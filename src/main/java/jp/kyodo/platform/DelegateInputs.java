package jp.kyodo.platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The input parameters a delegate reads from its service task. Its element template in
 * {@code processes/.camunda/element-templates/} must offer exactly these, which a test checks;
 * a delegate without this annotation takes no inputs.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface DelegateInputs {
  String[] value();
}
