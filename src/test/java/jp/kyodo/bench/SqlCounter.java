package jp.kyodo.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * Counts what the application asks of its database, below the engine and Kyodo's own JdbcTemplate alike: every
 * SQL statement executed (a statement in a JDBC batch counts once per set of parameters, the batch itself once as
 * a round trip) and every commit. A commit is an explicit {@code commit()} or a statement run in auto-commit
 * mode. The wrapper is the DataSource bean of the benchmark's application, so Kyodo's engine and the bare engine
 * of the yardstick go through it the same way.
 */
public final class SqlCounter {

  private final AtomicLong statements = new AtomicLong();
  private final AtomicLong roundTrips = new AtomicLong();
  private final AtomicLong commits = new AtomicLong();
  private final AtomicLong rollbacks = new AtomicLong();
  /** While a profile is taken: how often each SQL text ran. */
  private volatile java.util.concurrent.ConcurrentHashMap<String, java.util.concurrent.atomic.LongAdder> profile;

  /** Starts counting statements by their SQL text, for {@link #stopProfile()}. */
  public void startProfile() {
    profile = new java.util.concurrent.ConcurrentHashMap<>();
  }

  /** The SQL texts run since {@link #startProfile()}, most frequent first. */
  public java.util.List<java.util.Map.Entry<String, Long>> stopProfile() {
    var taken = profile;
    profile = null;
    return taken.entrySet().stream().map(e -> java.util.Map.entry(e.getKey(), e.getValue().sum()))
        .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed()).toList();
  }

  private void count(String sql, long times) {
    var taken = profile;
    if (taken != null && sql != null && times > 0) {
      taken.computeIfAbsent(sql.replaceAll("\\s+", " ").trim(), k -> new java.util.concurrent.atomic.LongAdder()).add(times);
    }
  }

  /** The counters at one moment; the difference of two is what happened in between. */
  public record Snapshot(long statements, long roundTrips, long commits, long rollbacks) {
    public Snapshot minus(Snapshot earlier) {
      return new Snapshot(statements - earlier.statements, roundTrips - earlier.roundTrips, commits - earlier.commits,
          rollbacks - earlier.rollbacks);
    }
  }

  public Snapshot snapshot() {
    return new Snapshot(statements.get(), roundTrips.get(), commits.get(), rollbacks.get());
  }

  public DataSource wrap(DataSource target) {
    return proxy(DataSource.class, target, (proxy, method, args) -> {
      Object result = invoke(target, method, args);
      return result instanceof Connection connection ? connection(connection) : result;
    });
  }

  private Connection connection(Connection target) throws java.sql.SQLException {
    boolean[] autoCommit = {target.getAutoCommit()};
    return proxy(Connection.class, target, (proxy, method, args) -> {
      String name = method.getName();
      Object result = invoke(target, method, args);
      switch (name) {
        case "setAutoCommit" -> autoCommit[0] = (Boolean) args[0];
        case "commit" -> commits.incrementAndGet();
        case "rollback" -> rollbacks.incrementAndGet();
        default -> { }
      }
      String sql = name.startsWith("prepare") && args != null && args[0] instanceof String text ? text : null;
      if (result instanceof CallableStatement s) {
        return statement(CallableStatement.class, s, autoCommit, sql);
      }
      if (result instanceof PreparedStatement s) {
        return statement(PreparedStatement.class, s, autoCommit, sql);
      }
      if (result instanceof Statement s) {
        return statement(Statement.class, s, autoCommit, null);
      }
      return result;
    });
  }

  private <S extends Statement> S statement(Class<S> type, S target, boolean[] autoCommit, String prepared) {
    long[] batched = {0};
    return proxy(type, target, (proxy, method, args) -> {
      String name = method.getName();
      if (name.equals("addBatch")) {
        batched[0]++;
      } else if (name.equals("clearBatch")) {
        batched[0] = 0;
      }
      Object result = invoke(target, method, args);
      if (name.equals("executeBatch") || name.equals("executeLargeBatch")) {
        statements.addAndGet(batched[0]);
        count(prepared, batched[0]);
        batched[0] = 0;
        executed(autoCommit[0]);
      } else if (name.startsWith("execute")) {
        statements.incrementAndGet();
        count(args != null && args.length > 0 && args[0] instanceof String text ? text : prepared, 1);
        executed(autoCommit[0]);
      }
      return result;
    });
  }

  private void executed(boolean autoCommit) {
    roundTrips.incrementAndGet();
    if (autoCommit) {
      commits.incrementAndGet();
    }
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> T proxy(Class<T> type, T target, InvocationHandler handler) {
    return (T) Proxy.newProxyInstance(SqlCounter.class.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
      if (method.getName().equals("unwrap") && args != null && args[0] instanceof Class<?> wanted && wanted.isInstance(proxy)) {
        return proxy;
      }
      if (method.getName().equals("isWrapperFor") && args != null && args[0] instanceof Class<?> wanted
          && wanted.isInstance(proxy)) {
        return true;
      }
      return handler.invoke(proxy, method, args);
    });
  }
}
