package jp.kyodo.lifecycle;

import static jp.kyodo.lifecycle.CollaborationProcess.*;

import java.util.List;
import jp.kyodo.forms.FormRules;

/**
 * Server-side rules of the lifecycle's own forms. Its start event and the 見直し task use ① 事業の検討's proposal
 * form ({@code examination-proposal}), whose rules are {@link jp.kyodo.examination.ExaminationForms#PROPOSAL}.
 */
public final class LifecycleForms {

  private LifecycleForms() {}

  /** The managers' response to an overdue phase; kept on the task (two may be open at once). */
  public static final FormRules OVERDUE = FormRules.forForm(FormIds.OVERDUE)
      .taskLocal()
      .build();

  public static final List<FormRules> ALL = List.of(OVERDUE);
}
