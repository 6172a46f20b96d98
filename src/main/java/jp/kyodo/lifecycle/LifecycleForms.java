package jp.kyodo.lifecycle;

import static jp.kyodo.lifecycle.CollaborationProcess.*;

import java.util.List;
import jp.kyodo.forms.FormSpec;
import jp.kyodo.project.Project;

/**
 * Server-side rules of the lifecycle's own forms. Its start event and the 見直し task use ① 事業の検討's proposal
 * form ({@code examination-proposal}), whose rules are {@link jp.kyodo.examination.ExaminationForms#PROPOSAL}.
 */
public final class LifecycleForms {

  private LifecycleForms() {}

  /** The managers' response to an overdue phase; kept on the task (two may be open at once). */
  public static final FormSpec OVERDUE = FormSpec.form(FormIds.OVERDUE)
      .display(Project.PROJECT_NUMBER.name())
      .display(Project.TITLE.name())
      .display(Project.DEPARTMENT_NAME.name())
      .display(Project.PARTNER_NAME.name())
      .display(OVERDUE_PHASE_LABEL.name())
      .display(OVERDUE_DUE_ON.name())
      .display(OVERDUE_DUE_RULE.name())
      .display(OVERDUE_OPEN_TASKS.name())
      .textArea(OVERDUE_ACTION, "対応の内容（担当課・団体への指示、見直した日程など）", 2000).required()
      .taskLocal()
      .build();

  public static final List<FormSpec> ALL = List.of(OVERDUE);
}
