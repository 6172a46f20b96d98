package jp.kyodo.registry;

import java.time.Instant;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** The demo partners' registry entries, beside their demo groups and users (kyodo.demo-data). */
@Component
@ConditionalOnProperty(name = "kyodo.demo-data", havingValue = "true", matchIfMissing = true)
public class RegistryDemoData implements ApplicationRunner {

  static final List<Organisation> ORGANISATIONS = List.of(
      new Organisation("org-hikari", "NPO法人ひかり", OrganisationType.NPO_CORPORATION, "光 陽子",
          "info@hikari.example.jp", "0120-000-001", "市内中央1-1", List.of("WELFARE", "CHILDREN"),
          "2015年から高齢者の見守り活動", "令和7年度 収支計算書あり", RegistrationStatus.REGISTERED,
          "デモ用の登録済み団体", "admin", Instant.parse("2026-04-01T00:00:00Z"), List.of("hikari")),
      new Organisation("org-midori", "みどり町内会", OrganisationType.NEIGHBOURHOOD_ASSOCIATION, "緑川 翔",
          "midori@midori.example.jp", "0120-000-002", "市内みどり町2-2", List.of("COMMUNITY", "DISASTER_SAFETY"),
          "町内の清掃と防災訓練を毎年実施", "会費収入による運営", RegistrationStatus.REGISTERED,
          "デモ用の登録済み団体", "admin", Instant.parse("2026-04-01T00:00:00Z"), List.of("midori")));

  private final OrganisationRepository registry;

  public RegistryDemoData(OrganisationRepository registry) {
    this.registry = registry;
  }

  @Override
  public void run(ApplicationArguments args) {
    for (Organisation organisation : ORGANISATIONS) {
      if (registry.find(organisation.id()).isEmpty()) {
        registry.insert(organisation);
      }
    }
  }
}
