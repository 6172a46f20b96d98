package jp.kyodo.forms;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import jp.kyodo.agreement.AgreementForms;
import jp.kyodo.evaluation.EvaluationForms;
import jp.kyodo.examination.ExaminationForms;
import jp.kyodo.execution.ExecutionForms;
import jp.kyodo.improvement.ImprovementForms;
import jp.kyodo.lifecycle.LifecycleForms;
import jp.kyodo.registry.RegistrationForms;
import jp.kyodo.selection.CallApplicationForms;
import jp.kyodo.selection.SelectionForms;

/** Every form the application knows, by form id. A form without a spec cannot be deployed. */
public final class FormSpecs {

  private static final Map<String, FormSpec> BY_ID = new LinkedHashMap<>();

  static {
    Stream.of(ExaminationForms.ALL, RegistrationForms.ALL, SelectionForms.ALL, CallApplicationForms.ALL,
        AgreementForms.ALL, ExecutionForms.ALL, EvaluationForms.ALL, ImprovementForms.ALL,
        LifecycleForms.ALL).flatMap(Collection::stream).forEach(spec -> {
      if (BY_ID.put(spec.formId(), spec) != null) {
        throw new IllegalStateException("two specs for form " + spec.formId());
      }
    });
  }

  private FormSpecs() {}

  public static Optional<FormSpec> find(String formId) {
    return Optional.ofNullable(BY_ID.get(formId));
  }

  public static Collection<FormSpec> all() {
    return BY_ID.values();
  }
}
