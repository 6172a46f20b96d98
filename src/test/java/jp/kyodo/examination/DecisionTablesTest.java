package jp.kyodo.examination;

import jp.kyodo.support.DecisionTables;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableRuleImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every row of every decision table of ① 事業の検討, one case per row (named by the guideline it
 * encodes), plus a check per table that the cases reach every row, so a row added without a case
 * fails the build.
 */
class DecisionTablesTest {

  static final DecisionTables TABLES = new DecisionTables();
  static final DmnEngine engine = TABLES.engine();
  static final List<String> matched = TABLES.matched();

  static DmnDecision decision(String key) {
    return TABLES.parse(key);
  }

  /** One row: which rule should match, the inputs, the outputs expected of the first match. */
  record Case(String table, String rule, Map<String, Object> inputs, Map<String, Object> outputs) {
    @Override
    public String toString() {
      return table + " " + rule + " " + inputs;
    }
  }

  static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  static Map<String, Object> eligibility(boolean publicInterest, boolean nonProfit, boolean nonPolitical, boolean publicOrder) {
    return map("voluntaryPublicInterest", publicInterest, "notForProfit", nonProfit,
        "notPoliticalOrReligious", nonPolitical, "notAgainstPublicOrder", publicOrder);
  }

  static Map<String, Object> domainInputs(boolean authority, boolean privateInterest, String leadership) {
    return map("exercisesPublicAuthority", authority, "privateOrValuePromoting", privateInterest, "leadership", leadership);
  }

  static Map<String, Object> formInputs(int domain, boolean funding, boolean event, boolean jointBody, boolean facility) {
    return map("domain", domain, "cityFunding", funding, "eventBased", event, "jointBody", jointBody, "publicFacility", facility);
  }

  /** The five criteria, with the city's cut-offs as application.yml sets them by default (A from 20, B from 13). */
  static Map<String, Object> scores(int necessity, int benefit, int urgency, int feasibility, int costEffect) {
    return cutOffs(necessity, benefit, urgency, feasibility, costEffect, PriorityThresholds.defaults());
  }

  /** The five criteria and the cut-offs the business rule task hands over from {@link PriorityThresholds}. */
  static Map<String, Object> cutOffs(int necessity, int benefit, int urgency, int feasibility, int costEffect,
      PriorityThresholds thresholds) {
    return map("necessity", (long) necessity, "publicBenefit", (long) benefit, "urgency", (long) urgency,
        "feasibility", (long) feasibility, "costEffectiveness", (long) costEffect,
        "priorityAFrom", thresholds.getRankAFrom(), "priorityBFrom", thresholds.getRankBFrom());
  }

  static final List<Case> CASES = List.of(
      // 小金井市 協働推進基本指針 第2章(2): one row per criterion that fails
      new Case("activity-eligibility", "activity_eligibility-r1", eligibility(false, true, true, true),
          map("reason", "自主的に行う公益性のある活動ではないため、協働の対象となりません。")),
      new Case("activity-eligibility", "activity_eligibility-r2", eligibility(true, false, true, true),
          map("reason", "営利を目的とする活動は、協働の対象となりません。")),
      new Case("activity-eligibility", "activity_eligibility-r3", eligibility(true, true, false, true),
          map("reason", "政治活動・宗教活動を目的とする活動は、協働の対象となりません。")),
      new Case("activity-eligibility", "activity_eligibility-r4", eligibility(true, true, true, false),
          map("reason", "公序良俗に反する活動は、協働の対象となりません。")),
      // 関市 指針 6 図1: the five domains
      new Case("collaboration-domain", "collaboration_domain-r1", domainInputs(true, false, "EQUAL"),
          map("domain", 5, "domainLabel", "⑤ 行政主体")),
      new Case("collaboration-domain", "collaboration_domain-r2", domainInputs(false, true, "EQUAL"),
          map("domain", 1, "domainLabel", "① 市民主体")),
      new Case("collaboration-domain", "collaboration_domain-r3", domainInputs(false, false, "CITIZEN_ALONE"),
          map("domain", 1, "domainLabel", "① 市民主体")),
      new Case("collaboration-domain", "collaboration_domain-r4", domainInputs(false, false, "CITIZEN_LED"),
          map("domain", 2, "domainLabel", "② 市民主導")),
      new Case("collaboration-domain", "collaboration_domain-r5", domainInputs(false, false, "EQUAL"),
          map("domain", 3, "domainLabel", "③ 市民行政協力")),
      new Case("collaboration-domain", "collaboration_domain-r6", domainInputs(false, false, "CITY_LED"),
          map("domain", 4, "domainLabel", "④ 行政主導")),
      new Case("collaboration-domain", "collaboration_domain-r7", domainInputs(false, false, "CITY_ALONE"),
          map("domain", 5, "domainLabel", "⑤ 行政主体")),
      // 関市 指針 7 and 図1 具体的な手法, 東久留米 II-7, 旭川 Q51
      new Case("collaboration-form", "collaboration_form-r1", formInputs(2, true, false, false, false),
          map("recommendedForm", "SUBSIDY")),
      new Case("collaboration-form", "collaboration_form-r2", formInputs(2, false, true, false, false),
          map("recommendedForm", "SPONSORSHIP")),
      new Case("collaboration-form", "collaboration_form-r3", formInputs(2, false, false, false, false),
          map("recommendedForm", "FACILITY_PROVISION")),
      // 関市 II-7③: an executive committee is the joint body both sides organise, for an event or not
      new Case("collaboration-form", "collaboration_form-r4", formInputs(3, false, true, true, false),
          map("recommendedForm", "EXECUTIVE_COMMITTEE")),
      new Case("collaboration-form", "collaboration_form-r4", formInputs(3, true, false, true, false),
          map("recommendedForm", "EXECUTIVE_COMMITTEE")),
      new Case("collaboration-form", "collaboration_form-r5", formInputs(3, true, true, false, false),
          map("recommendedForm", "CO_HOSTING")),
      new Case("collaboration-form", "collaboration_form-r6", formInputs(3, true, false, false, false),
          map("recommendedForm", "JOINT_PROJECT")),
      new Case("collaboration-form", "collaboration_form-r7", formInputs(4, true, false, false, true),
          map("recommendedForm", "FACILITY_MANAGEMENT")),
      new Case("collaboration-form", "collaboration_form-r8", formInputs(4, true, false, false, false),
          map("recommendedForm", "COMMISSION")),
      new Case("collaboration-form", "collaboration_form-r9", formInputs(4, false, true, false, false),
          map("recommendedForm", "COOPERATION")),
      // 旭川 Q20, 千葉県 マニュアル: a commission on the city's own specification is outsourcing
      new Case("collaboration-character", "collaboration_character-r1", map("chosenForm", "COMMISSION", "specAuthor", "CITY_ALONE"),
          map("notCollaboration", true)),
      new Case("collaboration-character", "collaboration_character-r2", map("chosenForm", "COMMISSION", "specAuthor", "TOGETHER"),
          map("notCollaboration", false, "notCollaborationReason", null)),
      new Case("collaboration-character", "collaboration_character-r3", map("chosenForm", "JOINT_PROJECT", "specAuthor", null),
          map("notCollaboration", false, "notCollaborationReason", null)),
      // 旭川 Q37, Q51: five criteria of 1–5, boundaries of each band
      new Case("examination-priority", "examination_priority-r1", scores(5, 5, 5, 5, 5), map("priorityRank", "A")),
      new Case("examination-priority", "examination_priority-r1", scores(4, 4, 4, 4, 4), map("priorityRank", "A")),
      new Case("examination-priority", "examination_priority-r2", scores(4, 4, 4, 4, 3), map("priorityRank", "B", "priorityLabel", "B（優先度中）")),
      new Case("examination-priority", "examination_priority-r2", scores(3, 3, 3, 2, 2), map("priorityRank", "B")),
      new Case("examination-priority", "examination_priority-r3", scores(3, 3, 2, 2, 2), map("priorityRank", "C")),
      new Case("examination-priority", "examination_priority-r3", scores(1, 1, 1, 1, 1), map("priorityRank", "C", "priorityLabel", "C（優先度低）")),
      // The cut-offs are the city's (kyodo.rules.priority.*): moved, the same total ranks differently
      new Case("examination-priority", "examination_priority-r2", cutOffs(4, 4, 4, 4, 4, new PriorityThresholds(22, 15)),
          map("priorityRank", "B")),
      new Case("examination-priority", "examination_priority-r3", cutOffs(3, 3, 3, 3, 2, new PriorityThresholds(22, 15)),
          map("priorityRank", "C")),
      new Case("examination-priority", "examination_priority-r1", cutOffs(3, 3, 3, 3, 3, new PriorityThresholds(15, 10)),
          map("priorityRank", "A")));

  static Stream<Case> cases() {
    return CASES.stream();
  }

  static Stream<Arguments> tables() {
    return CASES.stream().map(Case::table).distinct().map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void eachRowDecidesAsTheGuidelineSays(Case c) {
    DmnDecisionTableResult result = engine.evaluateDecisionTable(decision(c.table()), Variables.fromMap(c.inputs()));
    assertThat(matched).as("rows matched").containsExactly(c.rule());
    Map<String, Object> first = result.getFirstResult().getEntryMap();
    c.outputs().forEach((name, value) -> assertThat(first).as(name).containsEntry(name, value));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tables")
  void theCasesReachEveryRow(String table) {
    DmnDecisionTableImpl logic = (DmnDecisionTableImpl) decision(table).getDecisionLogic();
    Set<String> rows = new TreeSet<>(logic.getRules().stream().map(DmnDecisionTableRuleImpl::getId).toList());
    Set<String> covered = new TreeSet<>(CASES.stream().filter(c -> c.table().equals(table)).map(Case::rule).toList());
    assertThat(covered).isEqualTo(rows);
  }

  @org.junit.jupiter.api.Test
  void anActivityMeetingEveryCriterionIsEligibleAndEveryFailureIsListed() {
    assertThat(engine.evaluateDecisionTable(decision("activity-eligibility"),
        Variables.fromMap(eligibility(true, true, true, true)))).isEmpty();
    List<Object> reasons = engine.evaluateDecisionTable(decision("activity-eligibility"),
        Variables.fromMap(eligibility(true, false, false, true))).collectEntries("reason");
    assertThat(reasons).hasSize(2);
    assertThat(matched).containsExactly("activity_eligibility-r2", "activity_eligibility-r3");
  }

  @org.junit.jupiter.api.Test
  void everyDomainMatchesExactlyOneRowForEveryLeadership() {
    Map<String, Integer> domains = new HashMap<>();
    for (String leadership : List.of("CITIZEN_ALONE", "CITIZEN_LED", "EQUAL", "CITY_LED", "CITY_ALONE")) {
      for (boolean authority : List.of(true, false)) {
        for (boolean privateInterest : List.of(true, false)) {
          DmnDecisionTableResult result = engine.evaluateDecisionTable(decision("collaboration-domain"),
              Variables.fromMap(domainInputs(authority, privateInterest, leadership)));
          assertThat(result).as(leadership + authority + privateInterest).hasSize(1);
          domains.put(leadership + authority + privateInterest, (Integer) result.getSingleResult().getEntry("domain"));
        }
      }
    }
    assertThat(domains.values()).contains(1, 2, 3, 4, 5);
  }

  @org.junit.jupiter.api.Test
  void everyAnswerInTheDomainsOfCollaborationGetsExactlyOneRecommendedForm() {
    for (int domain = 2; domain <= 4; domain++) {
      for (int bits = 0; bits < 16; bits++) {
        Map<String, Object> inputs = formInputs(domain, (bits & 1) != 0, (bits & 2) != 0, (bits & 4) != 0, (bits & 8) != 0);
        assertThat(engine.evaluateDecisionTable(decision("collaboration-form"), Variables.fromMap(inputs)))
            .as(inputs.toString()).hasSize(1);
      }
    }
  }
}
