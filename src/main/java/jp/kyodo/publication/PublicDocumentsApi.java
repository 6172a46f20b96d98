package jp.kyodo.publication;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.kyodo.documents.DocumentApi;
import jp.kyodo.documents.DocumentRepository;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The documents staff marked 公開 (関市 V-5②, 旭川 Q51 事業実施結果の公開), on a published project's page and nowhere
 * else: a document not marked, of another project, or of a project not public is answered 404. No uploader, no task.
 */
@RestController
@RequestMapping("/public/api/projects/{number}/documents")
public class PublicDocumentsApi {

  private final JdbcTemplate jdbc;
  private final DocumentRepository documents;

  public PublicDocumentsApi(JdbcTemplate jdbc, DocumentRepository documents) {
    this.jdbc = jdbc;
    this.documents = documents;
  }

  @GetMapping
  public Map<String, Object> list(@PathVariable String number) {
    publicProject(number);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("projectNumber", number);
    out.put("documents", documents.publishedOf(number).stream().map(d -> {
      Map<String, Object> view = DocumentApi.publicView(d);
      view.put("url", "/public/api/projects/" + number + "/documents/" + d.id());
      return view;
    }).toList());
    return out;
  }

  @GetMapping("/{id}")
  public ResponseEntity<byte[]> content(@PathVariable String number, @PathVariable long id,
      jakarta.servlet.http.HttpServletResponse response) {
    publicProject(number);
    DocumentRepository.Document document = documents.find(id)
        .filter(d -> d.published() && d.projectNumber().equals(number))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "この書類は公開されていません。"));
    byte[] content = documents.content(id)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "この書類は公開されていません。"));
    return DocumentApi.download(document, content, response);
  }

  private void publicProject(String number) {
    List<String> found = jdbc.queryForList("SELECT p.project_number" + PublicResultsApi.PUBLISHED + " AND p.project_number = ?",
        String.class, number);
    if (found.isEmpty()) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "事業「" + (number.length() > 40 ? number.substring(0, 40) + "…"
          : number) + "」は公開されていません。");
    }
  }
}
