package jp.kyodo.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which calls the race filter looks at: completing a task, on /engine-rest and on the webapps' engine API. */
class TaskRaceFilterTest {

  @Test
  void taskCompletionsAreRecognisedWithTheirEngineAndTask() {
    var rest = TaskRaceFilter.TASK_ACTION.matcher("task/abc-1/submit-form");
    assertThat(rest.matches()).isTrue();
    assertThat(rest.group(1)).isNull();
    assertThat(rest.group(2)).isEqualTo("abc-1");
    var webapp = TaskRaceFilter.TASK_ACTION.matcher("engine/default/task/abc-2/complete");
    assertThat(webapp.matches()).isTrue();
    assertThat(webapp.group(1)).isEqualTo("default");
    assertThat(webapp.group(2)).isEqualTo("abc-2");
    assertThat(TaskRaceFilter.TASK_ACTION.matcher("/task/x/resolve").matches()).isTrue();
    assertThat(TaskRaceFilter.TASK_ACTION.matcher("task/x/claim").matches()).isFalse();
    assertThat(TaskRaceFilter.TASK_ACTION.matcher("process-definition/key/x/submit-form").matches()).isFalse();
  }
}
