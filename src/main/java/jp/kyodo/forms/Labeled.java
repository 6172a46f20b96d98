package jp.kyodo.forms;

/** A choice offered in a form: the stored code and the Japanese label people see. */
public interface Labeled {

  /** The stored code; for an enum, its constant name. */
  default String code() {
    return ((Enum<?>) this).name();
  }

  String label();

  static <E extends Enum<E> & Labeled> E fromCode(Class<E> type, String code) {
    for (E e : type.getEnumConstants()) {
      if (e.code().equals(code)) {
        return e;
      }
    }
    throw new IllegalArgumentException("unknown " + type.getSimpleName() + " code: " + code);
  }
}
