package jp.kyodo.lifecycle;

import jp.kyodo.support.DecisionTables;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import jp.kyodo.examination.ExaminationChoices.CalendarPattern;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableRuleImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every row of {@code phase-due-date} (旭川 Q52 年間スケジュール), a check that the cases reach every row, and that
 * every pattern and phase a project can be in has exactly one row.
 */
class PhaseDueDateTableTest {

  static final String TABLE = CollaborationProcess.Decisions.PHASE_DUE_DATE;
  static final DecisionTables TABLES = new DecisionTables();
  static final DmnEngine engine = TABLES.engine();
  static final DmnDecision decision = TABLES.parse(TABLE);
  static final List<String> matched = TABLES.matched();

  /** The table as the lifecycle reads it (the same mapping as EnterPhaseDelegate's). */
  static PhaseDueDateRule.Calendar calendar() {
    return (pattern, step) -> {
      DmnDecisionResult result = engine.evaluateDecision(decision,
          Variables.createVariables().putValue("calendarPattern", pattern).putValue("phase", step));
      return result.isEmpty() ? Optional.empty() : Optional.of(PhaseDueDateRule.CalendarEntry.of(result.getSingleResult().getEntryMap()));
    };
  }

  record Case(String rule, String pattern, String step, int yearOffset, int month, int day, String source) {
    Case(String rule, String pattern, Phase phase, int yearOffset, int month, int day, String source) {
      this(rule, pattern, phase.name(), yearOffset, month, day, source);
    }

    @Override
    public String toString() {
      return rule + " " + pattern + " " + step + " → " + yearOffset + "/" + month + "/" + day;
    }
  }

  static final List<Case> CASES = List.of(
      // 翌年度実施型: 4～6月 課題・協働形態の決定, 7～9月 公募・選定, 4月 締結 (旭川 Q52)
      new Case("r1", "NEXT_YEAR", Phase.EXAMINATION, -1, 6, 30, "4～6月"),
      new Case("r2", "NEXT_YEAR", Phase.SELECTION, -1, 9, 30, "7～9月"),
      new Case("r3", "NEXT_YEAR", Phase.AGREEMENT, 0, 4, 30, "4月"),
      // 当年度実施型: 9～10月 決定, 2～3月 公募・4～5月 選定, 6月 締結
      new Case("r4", "CURRENT_YEAR", Phase.EXAMINATION, -1, 10, 31, "9～10月"),
      new Case("r5", "CURRENT_YEAR", Phase.SELECTION, 0, 5, 31, "4～5月"),
      new Case("r6", "CURRENT_YEAR", Phase.AGREEMENT, 0, 6, 30, "6月"),
      // before the pattern is chosen: the later of the two
      new Case("r7", "UNDECIDED", Phase.EXAMINATION, -1, 10, 31, "遅い方"),
      // both patterns: execute to March, report and inspect, evaluate in 3～4月, then decide
      new Case("r8", "NEXT_YEAR", Phase.EXECUTION, 1, 4, 15, "3～4月に実施報告と検査"),
      new Case("r8", "CURRENT_YEAR", Phase.EXECUTION, 1, 4, 15, "年度末（3月31日）まで"),
      new Case("r9", "NEXT_YEAR", Phase.EVALUATION, 1, 4, 30, "評価"),
      new Case("r9", "CURRENT_YEAR", Phase.EVALUATION, 1, 4, 30, "評価"),
      new Case("r10", "NEXT_YEAR", Phase.IMPROVEMENT, 1, 5, 31, "関市 V-6"),
      new Case("r10", "CURRENT_YEAR", Phase.IMPROVEMENT, 1, 5, 31, "関市 V-6"),
      // 11～12月 予算要求 in the year before, for a first, continued or re-called year alike
      new Case("r11", "NEXT_YEAR", Phase.BUDGET, -1, 12, 31, "11～12月"),
      new Case("r11", "CURRENT_YEAR", Phase.BUDGET, -1, 12, 31, "11～12月"),
      // while a year runs, next year is decided in time for its call (7～9月) or its budget request (11～12月)
      new Case("r12", "NEXT_YEAR", PhaseDueDateRule.NEXT_YEAR_PLAN, 0, 6, 30, "7～9月"),
      new Case("r13", "CURRENT_YEAR", PhaseDueDateRule.NEXT_YEAR_PLAN, 0, 10, 31, "11～12月"));

  static Stream<Case> cases() {
    return CASES.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void eachRowGivesTheCalendarsDay(Case c) {
    PhaseDueDateRule.CalendarEntry entry = calendar().entry(c.pattern(), c.step()).orElseThrow();
    assertThat(matched).containsExactly("phase_due_date-" + c.rule());
    assertThat(entry.yearOffset()).isEqualTo(c.yearOffset());
    assertThat(entry.month()).isEqualTo(c.month());
    assertThat(entry.day()).isEqualTo(c.day());
    assertThat(entry.rule()).contains(c.source());
  }

  @Test
  void theCasesReachEveryRow() {
    DmnDecisionTableImpl logic = (DmnDecisionTableImpl) decision.getDecisionLogic();
    Set<String> rows = new TreeSet<>(logic.getRules().stream().map(DmnDecisionTableRuleImpl::getId).toList());
    Set<String> covered = new TreeSet<>(CASES.stream().map(c -> "phase_due_date-" + c.rule()).toList());
    assertThat(covered).isEqualTo(rows);
  }

  @Test
  void everyPatternAndPhaseAProjectCanBeInHasOneRowAndAnUndecidedPatternOnlyTheExamination() {
    for (CalendarPattern pattern : CalendarPattern.values()) {
      for (Phase phase : Phase.values()) {
        assertThat(calendar().entry(pattern.code(), phase.name())).as(pattern + " " + phase).isPresent();
      }
      assertThat(calendar().entry(pattern.code(), PhaseDueDateRule.NEXT_YEAR_PLAN)).as(pattern + " plan").isPresent();
    }
    for (Phase phase : Phase.values()) {
      assertThat(calendar().entry(PhaseDueDateRule.UNDECIDED, phase.name()).isPresent()).as(phase.toString())
          .isEqualTo(phase == Phase.EXAMINATION);
    }
  }
}
