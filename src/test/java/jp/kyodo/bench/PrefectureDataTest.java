package jp.kyodo.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * How {@link PrefectureData} makes a clone's rows from a template's, without a database: a few rows as a lifecycle
 * writes them (the engine's ids, an id inside a JSON variable, a definition's id that is not the lifecycle's, a
 * project number, times, a removal time, a date as text) and what one clone makes of them.
 */
class PrefectureDataTest {

  static final String ROOT = "6786810a-f03f-11f1-98fa-02fc00000001";
  static final String PHASE = "64d1e905-f03f-11f1-98fa-02fc00000001";
  static final String DEFINITION = "collaboration:1:639215c5-f03f-11f1-98fa-02fc00000001";
  static final LocalDateTime END = LocalDateTime.of(2028, 6, 30, 10, 0);

  static final TableRows.Table PROCINST = new TableRows.Table("ACT_HI_PROCINST",
      List.of("ID_", "PROC_INST_ID_", "ROOT_PROC_INST_ID_", "BUSINESS_KEY_", "PROC_DEF_ID_", "END_TIME_", "REMOVAL_TIME_"),
      new int[] {12, 12, 12, 12, 12, 93, 93}, List.of(0), Map.of());
  static final TableRows.Table BYTES = new TableRows.Table("ACT_GE_BYTEARRAY", List.of("ID_", "BYTES_"),
      new int[] {12, -2}, List.of(0), Map.of());
  static final TableRows.Table PROJECT = new TableRows.Table("kyodo_project",
      List.of("project_number", "proposal_year", "serial_no", "title", "department_group", "partner_group"),
      new int[] {12, 4, 4, 12, 12, 12}, List.of(0), Map.of());

  static PrefectureData.Clone clone(int number) {
    Map<TableRows.Table, List<Object[]>> rows = new LinkedHashMap<>();
    rows.put(PROCINST, List.of(
        new Object[] {ROOT, ROOT, ROOT, "2026-001", DEFINITION, END, END.plusDays(3650)},
        new Object[] {PHASE, PHASE, ROOT, "2026-001", DEFINITION, END.minusDays(40), END.plusDays(3650)}));
    rows.put(BYTES, List.<Object[]>of(new Object[] {"7854e034-f03f-11f1-98fa-02fc00000001",
        ("{\"instance\":\"" + PHASE + "\",\"project\":\"2026-001\",\"termStart\":\"2027-04-01\"}")
            .getBytes(StandardCharsets.UTF_8)}));
    rows.put(PROJECT, List.<Object[]>of(new Object[] {"2026-001", 2026, 1, "高齢者の見守りと居場所づくり 第1号",
        "dept-fukushi", "org-hikari"}));
    var template = new LifecycleTemplates.Template(LifecycleTemplates.Kind.ENDED, 42, "2026-001",
        "高齢者の見守りと居場所づくり 第1号", rows, END, null, "ENDED");
    var plan = new PrefectureData.Plan(template, Set.of("639215c5-f03f-11f1-98fa-02fc00000001"), "福祉課");
    List<String[]> departments = List.<String[]>of(new String[] {"dept-kankyo", "環境政策課", "kankyo1", "kankyo2"});
    return new PrefectureData.Clone(number, plan, false, 1_000, false, 20, departments,
        Map.of("kyodo_project", new AtomicLong(1)));
  }

  @Test
  void theEnginesIdsAreTheClonesOwnEverywhereTheyOccurAndDefinitionsStay() {
    var clone = clone(0);
    List<Object[]> instances = clone.rows("ACT_HI_PROCINST");
    String root = (String) instances.get(0)[0];
    assertThat(root).isNotEqualTo(ROOT).matches("[0-9a-f-]{36}");
    assertThat(instances.get(0)[1]).isEqualTo(root);
    assertThat(instances.get(1)[2]).as("the phase's root is the clone's root").isEqualTo(root);
    assertThat(instances.get(1)[0]).isNotEqualTo(PHASE).isNotEqualTo(root);
    assertThat(instances.get(0)[4]).as("the definition is shared").isEqualTo(DEFINITION);
    assertThat(instances.get(0)[3]).as("business key = project number").isEqualTo(clone.projectNumber);
    String json = new String((byte[]) clone.rows("ACT_GE_BYTEARRAY").get(0)[1], StandardCharsets.UTF_8);
    assertThat(json).contains((String) instances.get(1)[0]).doesNotContain(PHASE).doesNotContain("2026-001")
        .contains(clone.projectNumber);
    assertThat(clone(1).rows("ACT_HI_PROCINST").get(0)[0]).as("another clone, other ids").isNotEqualTo(root);
  }

  @Test
  void timesMoveTogetherSoThatTheOldestOfElevenYearsIsPastItsRetention() {
    var oldest = clone(0);
    List<Object[]> instances = oldest.rows("ACT_HI_PROCINST");
    LocalDateTime end = (LocalDateTime) instances.get(0)[5];
    LocalDateTime removal = (LocalDateTime) instances.get(0)[6];
    assertThat(java.time.Duration.between(end, removal).toDays()).isEqualTo(3650);
    assertThat(removal).as("expired today").isBefore(PrefectureData.NOW);
    assertThat(end).isAfter(PrefectureData.NOW.minusYears(11).minusDays(3));
    var recent = clone(999);
    assertThat((LocalDateTime) recent.rows("ACT_HI_PROCINST").get(0)[6]).as("kept").isAfter(PrefectureData.NOW);
    Object[] project = oldest.rows("kyodo_project").get(0);
    int year = (Integer) project[1];
    assertThat((String) project[0]).isEqualTo(year + "-100000").matches("^[0-9]{4}-[0-9]{3,6}$");
    assertThat(project[2]).isEqualTo(100_000);
    assertThat(year).as("proposed two years before it ended, as its template").isBetween(2012, 2014);
    String json = new String((byte[]) oldest.rows("ACT_GE_BYTEARRAY").get(0)[1], StandardCharsets.UTF_8);
    assertThat(json).as("a date as text moves with the clone").doesNotContain("2027-04-01")
        .contains("\"termStart\":\"" + java.time.LocalDate.of(2027, 4, 1).plusDays(
            Math.floorDiv(oldest.shiftSeconds, 86_400L)) + "\"");
  }

  @Test
  void theCloneHasItsOwnTitleDepartmentAndPartner() {
    Object[] project = clone(5).rows("kyodo_project").get(0);
    assertThat(project[3]).asString().endsWith("第100005号").doesNotContain("第1号");
    assertThat(project[4]).isEqualTo("dept-kankyo");
    assertThat(project[5]).isEqualTo(PrefectureData.orgGroup(1 + (5 * 37) % 20));
  }
}
