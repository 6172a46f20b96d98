package jp.kyodo.lifecycle;

import java.util.Arrays;
import java.util.Date;
import java.util.Optional;
import jp.kyodo.evaluation.EvaluationProcess;
import jp.kyodo.execution.ExecutionChoices;
import jp.kyodo.execution.ExecutionProcess;
import jp.kyodo.forms.Labeled;
import jp.kyodo.improvement.ImprovementProcess;
import jp.kyodo.platform.CityCalendar;
import jp.kyodo.platform.Decision;
import jp.kyodo.project.Project;
import jp.kyodo.selection.SelectionProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The six phases of a collaboration project (関市 V(2), 旭川 Q51) and the year's budget request (旭川 Q50), each a
 * call activity (the budget: a subprocess) of the lifecycle or of its fiscal year, and what each one decided as read
 * from the variables the phase handed back.
 */
public enum Phase implements Labeled {
  EXAMINATION("① 事業の検討", CollaborationProcess.Elements.EXAMINATION) {
    @Override
    Decision decided(DelegateExecution execution) {
      return CollaborationProcess.EXAMINATION_DECISION_VARIABLES.read(execution);
    }
  },
  SELECTION("② パートナーの選定", FiscalYearProcess.Elements.SELECTION) {
    @Override
    Decision decided(DelegateExecution execution) {
      return SelectionProcess.DECISION_VARIABLES.read(execution);
    }
  },
  /** 予算要求 (旭川 Q50, Q52): what the department asked for and what the city's budget granted. */
  BUDGET("予算要求", FiscalYearProcess.Elements.BUDGET) {
    @Override
    Decision decided(DelegateExecution execution) {
      return FiscalYearProcess.BUDGET_DECISION_VARIABLES.read(execution);
    }
  },
  AGREEMENT("③ 協定・契約", FiscalYearProcess.Elements.AGREEMENT) {
    @Override
    Decision decided(DelegateExecution execution) {
      if (DECLINED.equals(FiscalYearProcess.AGREEMENT_OUTCOME.get(execution))) {
        // The partner declined (旭川 Q51: the content is agreed by consultation, which can fail): ② again.
        return new Decision(DECLINED, "団体が協定を辞退した", FiscalYearProcess.PARTNER_DECLINE_REASON.get(execution),
            FiscalYearProcess.PARTNER_DECLINED_BY.get(execution), CityCalendar.now());
      }
      return Decision.now("CONCLUDED", "協定を締結した", "協定番号 " + Project.AGREEMENT_NUMBER.get(execution) + "（締結日 "
          + FiscalYearProcess.AGREEMENT_SIGNED_ON.get(execution) + "）", execution);
    }
  },
  EXECUTION("④ 事業の実施", FiscalYearProcess.Elements.EXECUTION) {
    @Override
    Decision decided(DelegateExecution execution) {
      if (ExecutionChoices.ExecutionOutcome.TERMINATED.name().equals(ExecutionProcess.EXECUTION_OUTCOME.get(execution))) {
        // 旭川 Q76: ended early by the manager's decision, with the settlement as the record ⑤ reads.
        return Decision.now(ExecutionChoices.ExecutionOutcome.TERMINATED.name(), ExecutionProcess.EXECUTION_OUTCOME_LABEL.get(execution),
            ExecutionProcess.SETTLEMENT_SUMMARY.get(execution), execution);
      }
      return Decision.now("COMPLETED", "事業を実施し、実施報告の検査を終えた",
          "協定番号 " + Project.AGREEMENT_NUMBER.get(execution) + " の実施報告が検査に合格し、支払を終えた（旭川 Q51）", execution);
    }
  },
  EVALUATION("⑤ 事業の評価", FiscalYearProcess.Elements.EVALUATION) {
    @Override
    Decision decided(DelegateExecution execution) {
      // The department drew up the evaluation in the joint review; the partner's agreement is part of the reason.
      Date recordedAt = EvaluationProcess.EVALUATION_RECORDED_AT.get(execution);
      return new Decision(EvaluationProcess.EVALUATION_GRADE.get(execution),
          EvaluationProcess.EVALUATION_GRADE_LABEL.get(execution),
          EvaluationProcess.EVALUATION_RECOMMENDATION_LABEL.get(execution) + "（協働パートナーの確認: "
              + EvaluationProcess.EVALUATION_CONFIRMED_BY.get(execution) + "）",
          EvaluationProcess.JOINT_REVIEWED_BY.get(execution), recordedAt == null ? null : recordedAt.toInstant());
    }
  },
  IMPROVEMENT("⑥ 事業の改善", FiscalYearProcess.Elements.IMPROVEMENT) {
    @Override
    Decision decided(DelegateExecution execution) {
      return ImprovementProcess.DECISION_VARIABLES.read(execution);
    }
  };

  /** ③'s outcome when the partner declined to sign. */
  public static final String DECLINED = "DECLINED";

  private final String label;
  private final String callActivityId;

  Phase(String label, String callActivityId) {
    this.label = label;
    this.callActivityId = callActivityId;
  }

  @Override
  public String label() {
    return label;
  }

  public String callActivityId() {
    return callActivityId;
  }

  /** What the phase decided, read from the variables it handed back to the lifecycle. */
  abstract Decision decided(DelegateExecution execution);

  /** What the phase decided, in that round and fiscal year; a phase that kept no time decided now. */
  ProjectDecision decided(DelegateExecution execution, long round, Long fiscalYear) {
    Decision d = decided(execution);
    return new ProjectDecision(this, round, fiscalYear, d.decidedAt() != null ? d
        : new Decision(d.outcome(), d.label(), d.reason(), d.decidedBy(), CityCalendar.now()));
  }

  public static Optional<Phase> ofCallActivity(String activityId) {
    return Arrays.stream(values()).filter(p -> p.callActivityId.equals(activityId)).findFirst();
  }

  public static Optional<Phase> ofCode(String code) {
    return Arrays.stream(values()).filter(p -> p.name().equals(code)).findFirst();
  }
}
