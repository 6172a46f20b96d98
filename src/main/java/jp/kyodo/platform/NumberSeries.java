package jp.kyodo.platform;

import java.util.function.IntSupplier;
import jp.kyodo.forms.InvalidInputException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Consecutive serial numbers — of projects per proposal year, selections per fiscal year, calls per selection,
 * applications per call, agreements per fiscal year and department — kept in {@code kyodo_number_series} (V7).
 * Taking a number updates the series' row, which the database locks until the transaction ends: numbers taken at the
 * same moment wait for one another instead of colliding. (Reading MAX or COUNT and inserting made two of them take
 * the same number: on PostgreSQL the second transaction then failed as a whole, so a retry inside it could not
 * help; with four clients at once in the benchmark, selections and agreements failed outright.)
 */
public final class NumberSeries {

  private final JdbcTemplate jdbc;

  public NumberSeries(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The next number of {@code series}. A series not kept yet starts after {@code lastUsed} (the highest serial already
   * in the table it numbers); two first numbers of one series at the same moment are the one case left where the
   * second is refused, with {@code sameMoment} telling its user to do it again.
   */
  public int next(String series, IntSupplier lastUsed, String sameMoment) {
    if (jdbc.update("UPDATE kyodo_number_series SET last_value = last_value + 1 WHERE series = ?", series) == 0) {
      int first = lastUsed.getAsInt() + 1;
      try {
        jdbc.update("INSERT INTO kyodo_number_series (series, last_value) VALUES (?, ?)", series, first);
      } catch (DuplicateKeyException meanwhile) {
        throw new InvalidInputException(sameMoment);
      }
      return first;
    }
    Integer value = jdbc.queryForObject("SELECT last_value FROM kyodo_number_series WHERE series = ?", Integer.class,
        series);
    return value == null ? 1 : value;
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
