package jp.kyodo.examination;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where priority A, B and C begin on the total of the five criteria (必要性・公益性・緊急性・実現性・費用対効果, each 1–5,
 * so 5–25; 旭川 Q37, Q51). The guidelines name the criteria but no cut-offs: these are the city's choice, set as
 * {@code kyodo.rules.priority.a-from} (20) and {@code kyodo.rules.priority.b-from} (13), and handed to the DMN table
 * {@code examination-priority} as {@code priorityAFrom} and {@code priorityBFrom} by the business rule task.
 */
@Component("priorityThresholds")
public class PriorityThresholds {

  static final int LOWEST_TOTAL = 5;
  static final int HIGHEST_TOTAL = 25;

  private final int rankAFrom;
  private final int rankBFrom;

  public PriorityThresholds(@Value("${kyodo.rules.priority.a-from:20}") int rankAFrom,
      @Value("${kyodo.rules.priority.b-from:13}") int rankBFrom) {
    // Refused at start-up: a table whose bands overlap or leave a total without a rank would fail on every assessment.
    if (!(LOWEST_TOTAL < rankBFrom && rankBFrom < rankAFrom && rankAFrom <= HIGHEST_TOTAL)) {
      throw new IllegalArgumentException("kyodo.rules.priority: need " + LOWEST_TOTAL + " < b-from < a-from <= "
          + HIGHEST_TOTAL + " (the total of five criteria of 1-5), got a-from=" + rankAFrom + ", b-from=" + rankBFrom);
    }
    this.rankAFrom = rankAFrom;
    this.rankBFrom = rankBFrom;
  }

  /** The lowest total that is priority A. */
  public int getRankAFrom() {
    return rankAFrom;
  }

  /** The lowest total that is priority B; below it, C. */
  public int getRankBFrom() {
    return rankBFrom;
  }

  /** The defaults, as application.yml documents them. */
  public static PriorityThresholds defaults() {
    return new PriorityThresholds(20, 13);
  }
}
