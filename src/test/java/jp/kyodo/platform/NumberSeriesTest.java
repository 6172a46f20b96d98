package jp.kyodo.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** Serial numbers: consecutive per series, starting after what a table already holds, first numbers at the same moment. */
class NumberSeriesTest {

  JdbcTemplate jdbc;
  NumberSeries series;

  @BeforeEach
  void setUp() {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:number-series-test;DB_CLOSE_DELAY=-1");
    Flyway.configure().dataSource(dataSource).load().migrate();
    jdbc = new JdbcTemplate(dataSource);
    jdbc.update("DELETE FROM kyodo_number_series");
    series = new NumberSeries(jdbc);
  }

  @Test
  void eachSeriesCountsOnFromWhatItsTableHolds() {
    assertThat(series.next("selection:2027", () -> 4)).isEqualTo(5);
    assertThat(series.next("selection:2027", () -> 99)).as("kept from now on").isEqualTo(6);
    assertThat(series.next("selection:2028", () -> 0)).isEqualTo(1);
    assertThat(series.next("selection:2027", () -> 0)).isEqualTo(7);
  }

  @Test
  void ofTwoFirstNumbersOfASeriesAtTheSameMomentTheSecondTakesTheNumberAfterTheFirst() {
    assertThat(series.next("agreement:2027:dept-fukushi", () -> 0)).isEqualTo(1);
    // This one found no row to update, then the other wrote the first number before its own insert.
    JdbcTemplate meanwhile = org.mockito.Mockito.spy(jdbc);
    org.mockito.Mockito.doReturn(0).doCallRealMethod().when(meanwhile).update(
        org.mockito.ArgumentMatchers.startsWith("UPDATE"), org.mockito.ArgumentMatchers.<Object>any());
    assertThat(new NumberSeries(meanwhile).next("agreement:2027:dept-fukushi", () -> 0)).isEqualTo(2);
    assertThat(series.next("agreement:2027:dept-fukushi", () -> 0)).isEqualTo(3);
  }

  @Test
  void aRefusedInsertTakesTheNextNumberUnlessTheRowIsThereAlready() {
    java.util.List<Integer> tried = new java.util.ArrayList<>();
    // The first number is taken by a row written outside the series: the next one is written.
    assertThat(series.insertNext("call:2027-S001", () -> 0, serial -> tried.add(serial) && serial > 1, () -> false))
        .hasValue(2);
    assertThat(tried).containsExactly(1, 2);
    // Refused because this step's row is there already: no further number is taken.
    assertThat(series.insertNext("call:2027-S001", () -> 0, serial -> false, () -> true)).isEmpty();
    assertThat(series.next("call:2027-S001", () -> 0)).isEqualTo(4);
  }

  @Test
  void theSerialIsTheNumberAtTheEnd() {
    assertThat(NumberSeries.trailingSerial("2027-S003")).isEqualTo(3);
    assertThat(NumberSeries.trailingSerial("2027-S003-K12")).isEqualTo(12);
    assertThat(NumberSeries.trailingSerial("2027-S003-K1-A02")).isEqualTo(2);
    assertThat(NumberSeries.trailingSerial("x")).isZero();
  }
}
