package jp.kyodo.lifecycle;

import jp.kyodo.platform.Decision;

/** One decision in a project's life, with where it was taken: which phase, round and fiscal year. */
public record ProjectDecision(Phase phase, long round, Long fiscalYear, Decision decision) {

  /** Decision code of a manager's response to an overdue phase (not a phase outcome). */
  public static final String OVERDUE_HANDLED = "OVERDUE_HANDLED";

  /** Decision code of a confirmed staff handover (担当者の交代, recorded under the phase the project is in). */
  public static final String STAFF_HANDOVER = "STAFF_HANDOVER";
}
