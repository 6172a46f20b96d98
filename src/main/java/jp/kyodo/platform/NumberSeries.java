package jp.kyodo.platform;

import java.util.OptionalInt;
import java.util.function.BooleanSupplier;
import java.util.function.IntPredicate;
import java.util.function.IntSupplier;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Consecutive serial numbers — of projects per proposal year, selections per fiscal year, calls per selection,
 * applications per call, agreements per fiscal year and department — kept in {@code kyodo_number_series} (V7).
 * Taking a number updates the series' row, which the database locks until the transaction ends: numbers taken at the
 * same moment wait for one another instead of colliding. (Reading MAX or COUNT and inserting made two of them take
 * the same number; with four clients at once in the benchmark, selections and agreements failed outright.) The
 * tables keep their unique constraints as the guard, and the writers also keep an idempotency key
 * ({@code source_key}, V8) so that a step run again finds the row it wrote instead of numbering a second one.
 */
public final class NumberSeries {

  private final JdbcTemplate jdbc;

  public NumberSeries(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The next number of {@code series}. A series not kept yet starts after {@code lastUsed} (the highest serial already
   * in the table it numbers). Two first numbers of one series at the same moment: the loser's insert is undone under a
   * savepoint ({@link UniqueInsert}, so its transaction stays usable on PostgreSQL) and it takes the next number from
   * the row the winner wrote, waiting for the winner's transaction to end.
   */
  public int next(String series, IntSupplier lastUsed) {
    if (jdbc.update("UPDATE kyodo_number_series SET last_value = last_value + 1 WHERE series = ?", series) == 0) {
      int first = lastUsed.getAsInt() + 1;
      if (UniqueInsert.tryInsert(jdbc,
          () -> jdbc.update("INSERT INTO kyodo_number_series (series, last_value) VALUES (?, ?)", series, first))) {
        return first;
      }
      jdbc.update("UPDATE kyodo_number_series SET last_value = last_value + 1 WHERE series = ?", series);
    }
    Integer value = jdbc.queryForObject("SELECT last_value FROM kyodo_number_series WHERE series = ?", Integer.class,
        series);
    return value == null ? 1 : value;
  }

  /** How often a number refused by a unique constraint is passed over before giving up. */
  static final int MAX_ATTEMPTS = 50;

  /**
   * Writes a row with the next number of {@code series}. {@code insert} writes the row for a serial and answers false
   * when a unique constraint refused it (run it under {@link UniqueInsert}, so that the transaction stays usable);
   * {@code settled} then tells whether the refusal means the row is there already (the same step wrote it, or a rule
   * refuses a second one by throwing): if not, the number was taken by a row written outside the series, and the
   * next one is tried. Returns the serial written, or empty when settled.
   */
  public OptionalInt insertNext(String series, IntSupplier lastUsed, IntPredicate insert, BooleanSupplier settled) {
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      int serial = next(series, lastUsed);
      if (insert.test(serial)) {
        return OptionalInt.of(serial);
      }
      if (settled.getAsBoolean()) {
        return OptionalInt.empty();
      }
    }
    throw new IllegalStateException("no free number in " + series + " after " + MAX_ATTEMPTS + " attempts");
  }

  /** The serial at the end of a number such as {@code 2027-S003} or {@code 2027-S003-K1-A02}; 0 without one. */
  public static int trailingSerial(String number) {
    int end = number.length();
    int start = end;
    while (start > 0 && Character.isDigit(number.charAt(start - 1))) {
      start--;
    }
    return start == end ? 0 : Integer.parseInt(number.substring(start));
  }
}
