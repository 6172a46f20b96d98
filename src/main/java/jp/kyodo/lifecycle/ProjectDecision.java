package jp.kyodo.lifecycle;

import java.time.Instant;

/**
 * One decision in a project's life: which phase, round and fiscal year, what was decided (a code and its
 * label), why, who and when (docs/domain.md 原則: every decision keeps its reason and who made it).
 */
public record ProjectDecision(Phase phase, long round, Long fiscalYear, String decision, String label, String reason,
    String decidedBy, Instant decidedAt) {

  /** Decision code of a manager's response to an overdue phase (not a phase outcome). */
  public static final String OVERDUE_HANDLED = "OVERDUE_HANDLED";
}
