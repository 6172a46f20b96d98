package jp.kyodo.bench;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code --name=value} arguments with defaults. */
record Options(Map<String, String> values) {

  static Options parse(String... args) {
    Map<String, String> values = new HashMap<>();
    for (String arg : args) {
      if (!arg.startsWith("--") || !arg.contains("=")) {
        throw new IllegalArgumentException("expected --name=value, got " + arg);
      }
      values.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
    }
    return new Options(values);
  }

  String get(String name, String fallback) {
    return values.getOrDefault(name, fallback);
  }

  int integer(String name, int fallback) {
    return Integer.parseInt(get(name, String.valueOf(fallback)));
  }

  List<Integer> integers(String name, String fallback) {
    return Arrays.stream(get(name, fallback).split(",")).map(String::trim).map(Integer::parseInt).toList();
  }
}
