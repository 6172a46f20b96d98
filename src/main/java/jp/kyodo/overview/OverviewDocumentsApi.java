package jp.kyodo.overview;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.kyodo.documents.DocumentApi;
import jp.kyodo.documents.DocumentRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The overview's documents section: every project's attached documents, per project, for the office and managers. */
@RestController
@RequestMapping("/overview/api/documents")
public class OverviewDocumentsApi {

  static final int SHOWN = 500;

  private final OverviewApi overview;
  private final DocumentRepository documents;

  public OverviewDocumentsApi(OverviewApi overview, DocumentRepository documents) {
    this.overview = overview;
    this.documents = documents;
  }

  @GetMapping
  public Map<String, Object> byProject(HttpServletRequest request) {
    overview.officeUser(request);
    Map<String, List<Map<String, Object>>> projects = new LinkedHashMap<>();
    for (DocumentRepository.Document d : documents.latest(SHOWN)) {
      Map<String, Object> view = DocumentApi.publicView(d);
      view.put("taskName", d.taskName());
      view.put("uploadedBy", d.uploadedBy());
      view.put("uploadedAt", d.uploadedAt());
      view.put("url", "/account/api/documents/" + d.id() + "/content");
      projects.computeIfAbsent(d.projectNumber(), k -> new java.util.ArrayList<>()).add(view);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("shownAtMost", SHOWN);
    out.put("projects", projects.entrySet().stream().map(e -> Map.of("projectNumber", e.getKey(), "documents", e.getValue()))
        .toList());
    return out;
  }
}
