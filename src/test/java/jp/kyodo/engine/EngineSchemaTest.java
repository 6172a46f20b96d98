package jp.kyodo.engine;

/** {@link EngineSchemaContract} on H2, a new in-memory database per test. */
class EngineSchemaTest extends EngineSchemaContract {

  private static int databases;
  private String url;

  @Override
  protected void resetDatabase() {
    url = "jdbc:h2:mem:engine-schema-" + (++databases) + ";DB_CLOSE_DELAY=-1";
  }

  @Override
  protected String url() {
    return url;
  }

  @Override
  protected String user() {
    return "sa";
  }

  @Override
  protected String password() {
    return "";
  }
}
