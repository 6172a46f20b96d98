package jp.kyodo.identity;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;

/**
 * Demo people for trying Kyodo out (password = user id). On by default; a real city turns it off
 * with {@code kyodo.demo-data=false} and maintains its people in the Admin webapp.
 */
public class DemoData {

  record Person(String id, String lastName, String firstName, List<String> groups) {}

  static final List<String[]> DEPARTMENTS = List.of(
      new String[] {"dept-fukushi", "福祉課"},
      new String[] {"dept-kankyo", "環境政策課"},
      new String[] {"dept-kosodate", "子育て支援課"},
      new String[] {"dept-bosai", "危機管理課"});

  static final List<String[]> ORGANISATIONS = List.of(
      new String[] {"org-hikari", "NPO法人ひかり"},
      new String[] {"org-midori", "みどり町内会"});

  static final List<Person> PEOPLE = List.of(
      new Person("admin", "管理者", "Kyodo", List.of(KyodoGroups.ADMIN)),
      new Person("tanaka", "田中", "花子", List.of(KyodoGroups.COORDINATORS)),
      new Person("suzuki", "鈴木", "一郎", List.of(KyodoGroups.DEPARTMENTS, "dept-fukushi")),
      new Person("sato", "佐藤", "健", List.of(KyodoGroups.MANAGERS)),
      // 福祉課 has more than one clerk: a project always has a main and a deputy, and staff change (旭川 Q57).
      new Person("yamamoto", "山本", "さくら", List.of(KyodoGroups.DEPARTMENTS, "dept-fukushi")),
      new Person("kobayashi", "小林", "大輔", List.of(KyodoGroups.DEPARTMENTS, "dept-fukushi")),
      new Person("takahashi", "高橋", "美咲", List.of(KyodoGroups.REVIEWERS)),
      new Person("ito", "伊藤", "誠", List.of(KyodoGroups.REVIEWERS)),
      new Person("hikari", "光", "陽子", List.of(KyodoGroups.PARTNERS, "org-hikari")),
      new Person("midori", "緑川", "翔", List.of(KyodoGroups.PARTNERS, "org-midori")),
      new Person("sora", "青空", "広志", List.of(KyodoGroups.PARTNERS)),
      new Person("watanabe", "渡辺", "直子", List.of(KyodoGroups.EVALUATORS)));

  /**
   * A demo person's e-mail address, so that the demo and the tests send mail: the city's staff at
   * {@code city.example.jp}, partners, reviewers and evaluators (people outside the city) at {@code example.org}.
   */
  static String address(Person person) {
    boolean outside = person.groups().stream().anyMatch(g -> g.equals(KyodoGroups.PARTNERS)
        || g.equals(KyodoGroups.REVIEWERS) || g.equals(KyodoGroups.EVALUATORS));
    return person.id() + (outside ? "@example.org" : "@city.example.jp");
  }

  private final ProcessEngine engine;

  public DemoData(ProcessEngine engine) {
    this.engine = engine;
  }

  public void apply() {
    IdentityService identity = engine.getIdentityService();
    DEPARTMENTS.forEach(d -> AccessPolicy.group(identity, d[0], d[1], KyodoGroups.TYPE_DEPARTMENT));
    ORGANISATIONS.forEach(o -> AccessPolicy.group(identity, o[0], o[1], KyodoGroups.TYPE_ORGANISATION));
    for (Person person : PEOPLE) {
      if (identity.createUserQuery().userId(person.id()).count() > 0) {
        continue;
      }
      User user = identity.newUser(person.id());
      user.setLastName(person.lastName());
      user.setFirstName(person.firstName());
      user.setPassword(person.id());
      user.setEmail(address(person));
      identity.saveUser(user);
      person.groups().forEach(group -> identity.createMembership(person.id(), group));
    }
  }
}
