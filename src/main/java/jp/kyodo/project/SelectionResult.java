package jp.kyodo.project;

/**
 * What ② パートナーの選定 decided for a project and fiscal year, as the later phases read it: how the partner was
 * chosen (a public call or a sole source a manager approved, 旭川 Q43, Q45), with whom, and — for a call — the winning
 * application, which ③ takes as the base of the agreement (旭川 Q51: 「選定された団体の提案内容をベースに…協議・調整しながら
 * 決定」). Read from ②'s tables ({@link SelectionResultRepository}); the phase that writes them is not named here, so
 * that every phase may read the result without depending on ②'s code.
 *
 * @param proposal the selected application of a public call; null for a sole source (there was no application)
 */
public record SelectionResult(String selectionNumber, String projectNumber, String departmentGroup, int fiscalYear,
    String method, String outcome, String organisationId, String reason, Proposal proposal) {

  /** ② ended with a partner: by a public call, or by a sole source once a manager approved it. */
  public static final String SELECTED = "SELECTED";
  public static final String PUBLIC_CALL = "PUBLIC_CALL";
  public static final String SOLE_SOURCE = "SOLE_SOURCE";

  /** The application that won the call: what the organisation proposed to do and how it planned the money. */
  public record Proposal(String applicationId, String callNumber, String title, String plan, String budgetPlan) {}

  /** Whether ② chose a partner (an approved sole source counts: it ends as SELECTED only after the approval). */
  public boolean selected() {
    return SELECTED.equals(outcome) && organisationId != null;
  }

  public boolean soleSource() {
    return SOLE_SOURCE.equals(method);
  }
}
