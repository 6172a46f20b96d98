package jp.kyodo.documents;

import java.util.List;
import jp.kyodo.identity.KyodoGroups;
import jp.kyodo.lifecycle.Phase;
import jp.kyodo.lifecycle.ProjectApi;
import jp.kyodo.lifecycle.ProjectRepository;
import org.springframework.stereotype.Component;

/**
 * Who reads a document: the project's people, by the one rule of who reads a project ({@link ProjectApi#readers}) —
 * the office, managers and administrators every project; department staff and partners a project that names one of
 * their groups, as the project row names them now or as the phase named them at the upload (its department, partner
 * and co-partners: a phase started on its own has no project row) — and the evaluators the documents of ⑤, which they
 * take part in (旭川 Q69). Anyone else is answered as if the document did not exist.
 */
@Component
public class DocumentReaders {

  private final ProjectRepository projects;

  public DocumentReaders(ProjectRepository projects) {
    this.projects = projects;
  }

  public boolean reads(List<String> groups, DocumentRepository.Document document) {
    var readers = ProjectApi.readers(groups);
    if (readers.isPresent()) {
      ProjectRepository.Visibility visibility = readers.get();
      if (visibility.all() || document.groups().stream().anyMatch(visibility.groups()::contains)) {
        return true;
      }
      if (projects.find(document.projectNumber()).filter(p -> ProjectApi.visible(visibility, p)).isPresent()) {
        return true;
      }
    }
    return groups.contains(KyodoGroups.EVALUATORS) && Phase.EVALUATION.name().equals(document.phase());
  }

  /** Who may mark a document for publication: the office, or the staff of the project's department (never an upload). */
  public boolean publishes(List<String> groups, DocumentRepository.Document document) {
    return groups.contains(KyodoGroups.COORDINATORS)
        || document.departmentGroup() != null && groups.contains(document.departmentGroup());
  }
}
