package jp.kyodo.forms;

/** A choice offered in a form: the stored code and the Japanese label people see. */
public interface Labeled {

  /** The stored code; for an enum, its constant name. */
  default String code() {
    return ((Enum<?>) this).name();
  }

  String label();
}
