package jp.kyodo.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * V9 moves the partnership history written under the title key (V1) over to the project: a database at V8 with the
 * rows the selection and the agreement wrote, migrated to the end, keeps every year held with its project.
 */
class PartnershipMigrationTest {

  @Test
  void movesTheHistoryOverToTheProjectOnH2() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:kyodo-partnership-migration-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    h2.setUser("sa");
    movesTheHistoryOverToTheProject(h2, null);
  }

  /** The same on PostgreSQL, in a schema of its own ({@code kyodo.test.postgres.url}, database {@code kyodo} by default). */
  @Test
  @EnabledIfEnvironmentVariable(named = "KYODO_TEST_POSTGRES", matches = "true")
  void movesTheHistoryOverToTheProjectOnPostgres() {
    String schema = "kyodo_v9_" + UUID.randomUUID().toString().substring(0, 8);
    String url = System.getProperty("kyodo.test.postgres.url", "jdbc:postgresql://localhost:5432/kyodo");
    DriverManagerDataSource admin = new DriverManagerDataSource(url, "kyodo", "kyodo");
    new JdbcTemplate(admin).execute("CREATE SCHEMA " + schema);
    try {
      movesTheHistoryOverToTheProject(new DriverManagerDataSource(url + "?currentSchema=" + schema, "kyodo", "kyodo"), schema);
    } finally {
      new JdbcTemplate(admin).execute("DROP SCHEMA " + schema + " CASCADE");
    }
  }

  void movesTheHistoryOverToTheProject(DataSource dataSource, String schema) {
    var flyway = Flyway.configure().dataSource(dataSource).baselineOnMigrate(true).baselineVersion("0");
    if (schema != null) {
      flyway.schemas(schema);
    }
    flyway.target("8").load().migrate();
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    jdbc.update("INSERT INTO kyodo_organisation (id, name, organisation_type, representative, activity_fields, status,"
        + " created_at, updated_at) VALUES ('org-hikari', 'NPO法人ひかり', 'NPO', '代表', 'WELFARE', 'REGISTERED', ?, ?)",
        at(0), at(0));
    // 2026-001: selected (selection instance pi-s1), its agreement (pi-a1) entered the year again under a changed title.
    jdbc.update("INSERT INTO kyodo_selection (selection_number, process_instance_id, project_number, project_title,"
        + " department_group, fiscal_year, created_at) VALUES ('2027-S001', 'pi-s1', '2026-001', '見守り', 'dept-fukushi', 2027, ?)",
        at(0));
    agreement(jdbc, "2027-fukushi-001", "2026-001", "pi-a1");
    partnership(jdbc, "p1", "見守り", 2027, "pi-s1", 1);
    partnership(jdbc, "p2", "見守りとサロン", 2027, "pi-a1", 2);
    // 2026-002 continued into 2028: only its agreement wrote that year.
    agreement(jdbc, "2028-fukushi-001", "2026-002", "pi-a2");
    partnership(jdbc, "p3", "清掃", 2028, "pi-a2", 3);
    // A selection started on its own (no project number), and a year entered by hand.
    jdbc.update("INSERT INTO kyodo_selection (selection_number, process_instance_id, project_title, department_group,"
        + " fiscal_year, created_at) VALUES ('2026-S001', 'pi-s9', 'サロン', 'dept-fukushi', 2026, ?)", at(0));
    partnership(jdbc, "p4", "サロン", 2026, "pi-s9", 4);
    partnership(jdbc, "p5", "花壇", 2025, null, 5);

    flyway.target("latest").load().migrate();

    assertThat(jdbc.query("SELECT id, project_number, project_key FROM kyodo_partnership ORDER BY id",
        (rs, i) -> tuple(rs.getString(1), rs.getString(2), rs.getString(3))))
        .containsExactly(tuple("p1", "2026-001", "2026-001"), tuple("p3", "2026-002", "2026-002"),
            tuple("p4", null, "instance:pi-s9"), tuple("p5", null, "row:p5"));
    OrganisationRepository registry = new OrganisationRepository(jdbc);
    assertThat(registry.yearsHeld("org-hikari", "dept-fukushi")).containsExactly(2028, 2027, 2026, 2025);
    assertThat(registry.recordPartnership(new Partnership("org-hikari", "dept-fukushi", "2026-001", "見守り", 2027, "pi-x")))
        .as("the year moved over is found under its project").isFalse();
    assertThat(registry.recordPartnership(new Partnership("org-hikari", "dept-fukushi", "2026-003", "見守り", 2027, "pi-y")))
        .as("another project of the same title").isTrue();
  }

  static Timestamp at(int minutes) {
    return Timestamp.from(Instant.parse("2026-04-01T00:00:00Z").plusSeconds(60L * minutes));
  }

  static void partnership(JdbcTemplate jdbc, String id, String title, int year, String instance, int minute) {
    jdbc.update("INSERT INTO kyodo_partnership (id, organisation_id, department_group, project_title, fiscal_year,"
        + " process_instance_id, created_at) VALUES (?, 'org-hikari', 'dept-fukushi', ?, ?, ?, ?)", id, title, year, instance,
        at(minute));
  }

  static void agreement(JdbcTemplate jdbc, String number, String project, String instance) {
    int year = Integer.parseInt(number.substring(0, 4));
    jdbc.update("INSERT INTO kyodo_agreement (agreement_number, fiscal_year, serial_no, project_number, title,"
        + " department_group, department_name, partner_group, partner_name, chosen_form, main_staff, deputy_staff, purpose,"
        + " term_start, term_end, report_rhythm, payment_type, payment_amount, advance_amount, final_amount,"
        + " payment_terms_note, expenditure_total, income_own_funds, income_fees, income_other, clause_confidentiality,"
        + " clause_surplus, clause_results, clause_trouble, status, approved_by, approved_at, process_instance_id)"
        + " VALUES (?, ?, 1, ?, '見守り', 'dept-fukushi', '福祉課', 'org-hikari', 'NPO法人ひかり', 'JOINT_PROJECT', 'suzuki',"
        + " 'yamamoto', '目的', ?, ?, 'QUARTERLY', 'NONE', 0, 0, 0, '', 0, 0, 0, 0, '守秘', '剰余', '成果', '紛争', 'APPROVED',"
        + " 'sato', ?, ?)", number, year, project, java.sql.Date.valueOf(year + "-04-01"),
        java.sql.Date.valueOf((year + 1) + "-03-31"), at(0), instance);
  }
}
