package jp.kyodo.documents;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.kyodo.identity.KyodoGroups;
import jp.kyodo.lifecycle.ProjectApi;
import jp.kyodo.lifecycle.ProjectRepository;
import jp.kyodo.platform.CityCalendar;
import jp.kyodo.platform.WebappLogin;
import jp.kyodo.project.Project;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * 添付書類 over HTTP, on the webapps' login like the person's other pages ({@code /account/api/documents}; a write needs
 * the session's CSRF token, see {@code platform.SessionWriteGuard}):
 * <ul>
 * <li>{@code GET /tasks} the open tasks the reader may work now that take documents, with what is attached (the upload
 * page; the forms link to it);</li>
 * <li>{@code GET ?project=} a project's documents, for its people ({@link DocumentReaders});</li>
 * <li>{@code POST} (multipart {@code task}, {@code kind}, {@code file}) attaches one file to an open task its sender
 * may work now;</li>
 * <li>{@code GET /{id}/content} the file, always as a download of the type read from its content;</li>
 * <li>{@code PUT /{id}/published} {@code {"published": true|false}} 公開, by the office or the project's department;</li>
 * <li>{@code DELETE /{id}} by its uploader while the task is open, or by the office.</li>
 * </ul>
 * A document, task or project the reader may not see is answered 404, as if it did not exist.
 */
@RestController
@RequestMapping("/account/api/documents")
public class DocumentApi {

  static final String NO_TASK = "このタスクは見つかりません。既に完了したか、あなたが作業できるタスクではありません。";
  static final String NO_DOCUMENT = "この書類は見つかりません。";

  private final DocumentRepository documents;
  private final DocumentReaders readers;
  private final ProjectRepository projects;
  private final ProcessEngine engine;
  private final long maxSize;
  private final int maxPerTask;

  public DocumentApi(DocumentRepository documents, DocumentReaders readers, ProjectRepository projects, ProcessEngine engine,
      @Value("${kyodo.documents.max-size:10MB}") DataSize maxSize, @Value("${kyodo.documents.max-per-task:20}") int maxPerTask) {
    this.documents = documents;
    this.readers = readers;
    this.projects = projects;
    this.engine = engine;
    this.maxSize = maxSize.toBytes();
    this.maxPerTask = maxPerTask;
  }

  @GetMapping("/tasks")
  public Map<String, Object> tasks(HttpServletRequest request) {
    WebappLogin.User user = user(request);
    List<Map<String, Object>> tasks = new ArrayList<>();
    for (Task task : engine.getTaskService().createTaskQuery().taskDefinitionKeyIn(
            AttachmentPoints.BY_TASK.keySet().toArray(String[]::new)).active()
        .or().taskAssignee(user.id()).taskCandidateUser(user.id()).taskCandidateGroupIn(groupsOrNone(user)).endOr()
        .orderByTaskCreateTime().asc().listPage(0, 100)) {
      try {
        Optional<AttachmentPoints.Point> point = point(task);
        if (point.isEmpty() || !mayWork(user, task)) {
          continue;
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("taskId", task.getId());
        view.put("taskName", task.getName());
        view.put("projectNumber", projectNumber(task));
        view.put("title", engine.getTaskService().getVariable(task.getId(), Project.TITLE.name()));
        view.put("kinds", point.get().kinds().stream().map(k -> Map.of("code", k.name(), "label", k.label())).toList());
        view.put("statementRequired", AttachmentPoints.STATEMENT_REQUIRED.contains(task.getTaskDefinitionKey()));
        view.put("documents", documents.ofTask(task.getId()).stream().map(d -> view(d)).toList());
        tasks.add(view);
      } catch (org.camunda.bpm.engine.exception.NullValueException completedMeanwhile) {
        // the task was completed (by its colleague, on another node) between the list and this read: not open any more
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("user", user.id());
    out.put("maxSize", maxSize);
    out.put("maxPerTask", maxPerTask);
    out.put("tasks", tasks);
    return out;
  }

  @GetMapping
  public Map<String, Object> ofProject(@RequestParam String project, HttpServletRequest request) {
    WebappLogin.User user = user(request);
    List<Map<String, Object>> visible = documents.ofProject(project).stream().filter(d -> readers.reads(user.groups(), d))
        .map(d -> view(d)).toList();
    boolean projectReader = ProjectApi.readers(user.groups())
        .flatMap(v -> projects.find(project).filter(p -> ProjectApi.visible(v, p))).isPresent();
    if (visible.isEmpty() && !projectReader) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "事業「" + abbreviate(project) + "」の書類は見つかりません。");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("projectNumber", project);
    out.put("documents", visible);
    return out;
  }

  @PostMapping
  public ResponseEntity<Map<String, Object>> upload(@RequestParam(required = false) String task,
      @RequestParam(required = false) String kind, @RequestParam(required = false) MultipartFile file,
      HttpServletRequest request) {
    WebappLogin.User user = user(request);
    Task open = workable(user, task);
    AttachmentPoints.Point point = point(open)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "このタスクには書類を添付できません。"));
    DocumentKind chosen = Arrays.stream(DocumentKind.values()).filter(k -> k.name().equals(kind)).findFirst()
        .filter(point.kinds()::contains).orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST,
            "書類の種類を選んでください（このタスクでは " + String.join("、", point.kinds().stream().map(DocumentKind::label).toList())
                + "）。"));
    if (file == null) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "添付するファイルを選んでください。");
    }
    if (documents.count(open.getId()) >= maxPerTask) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "1つのタスクに添付できる書類は " + maxPerTask + " 件までです。");
    }
    try {
      String name = ContentCheck.cleanName(file.getOriginalFilename());
      byte[] content = bounded(file);
      ContentCheck.FileType type = ContentCheck.check(content, name, file.getContentType());
      Map<String, Object> variables = engine.getTaskService().getVariables(open.getId(), List.of(Project.PROJECT_NUMBER.name(),
          Project.FISCAL_YEAR.name(), Project.DEPARTMENT_GROUP.name(), Project.PARTNER_GROUP.name(),
          Project.CO_PARTNER_GROUPS.name()));
      Object year = variables.get(Project.FISCAL_YEAR.name());
      String coPartners = (String) variables.get(Project.CO_PARTNER_GROUPS.name());
      long id = documents.insert(new DocumentRepository.NewDocument(projectNumber(open),
          year instanceof Number n ? n.intValue() : null, point.phase().name(), open.getProcessInstanceId(), open.getId(),
          open.getTaskDefinitionKey(), open.getName(), (String) variables.get(Project.DEPARTMENT_GROUP.name()),
          (String) variables.get(Project.PARTNER_GROUP.name()),
          coPartners == null || coPartners.isBlank() ? List.of() : Arrays.stream(coPartners.split(",")).map(String::strip).toList(),
          chosen, name, type.mediaType, content, sha256(content)), user.id(), CityCalendar.now());
      return ResponseEntity.status(HttpStatus.CREATED).body(view(documents.find(id).orElseThrow()));
    } catch (ContentCheck.Refused e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
    }
  }

  @GetMapping("/{id}/content")
  public ResponseEntity<byte[]> content(@PathVariable long id, HttpServletRequest request,
      jakarta.servlet.http.HttpServletResponse response) {
    WebappLogin.User user = user(request);
    DocumentRepository.Document document = readable(user, id);
    byte[] content = documents.content(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, NO_DOCUMENT));
    return download(document, content, response);
  }

  @PutMapping("/{id}/published")
  public Map<String, Object> publish(@PathVariable long id, @RequestBody(required = false) Map<String, Object> body,
      HttpServletRequest request) {
    WebappLogin.User user = user(request);
    DocumentRepository.Document document = readable(user, id);
    if (!readers.publishes(user.groups(), document)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "公開するかどうかは、市民協働課か担当課の職員が決めます。");
    }
    if (body == null || !(body.get("published") instanceof Boolean published) || body.size() != 1) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "{\"published\": true} か {\"published\": false} を送ってください。");
    }
    if (published != document.published()) {
      documents.publish(id, published, user.id(), CityCalendar.now());
    }
    return view(documents.find(id).orElseThrow());
  }

  @DeleteMapping("/{id}")
  public ResponseEntity<Void> delete(@PathVariable long id, HttpServletRequest request) {
    WebappLogin.User user = user(request);
    DocumentRepository.Document document = readable(user, id);
    if (!mayDelete(user, document)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN,
          "書類を削除できるのは、タスクが終わる前の添付した人か、市民協働課です。");
    }
    documents.delete(id, user.id(), CityCalendar.now());
    return ResponseEntity.noContent().build();
  }

  // --- who

  private WebappLogin.User user(HttpServletRequest request) {
    return WebappLogin.of(request, engine.getName())
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, WebappLogin.loginFirst()));
  }

  private DocumentRepository.Document readable(WebappLogin.User user, long id) {
    return documents.find(id).filter(d -> readers.reads(user.groups(), d))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, NO_DOCUMENT));
  }

  private boolean mayDelete(WebappLogin.User user, DocumentRepository.Document document) {
    return user.groups().contains(KyodoGroups.COORDINATORS) || user.id().equals(document.uploadedBy())
        && engine.getTaskService().createTaskQuery().taskId(document.taskId()).count() == 1;
  }

  /** The open task, when the user may work it now: its assignee, or one it is offered to while nobody has it. */
  private Task workable(WebappLogin.User user, String taskId) {
    if (taskId == null || taskId.isBlank() || taskId.length() > 64) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, NO_TASK);
    }
    Task task = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult();
    if (task == null || !mayWork(user, task)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, NO_TASK);
    }
    if (task.isSuspended()) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, "このタスクは一時停止中のため、書類を添付できません。");
    }
    return task;
  }

  private boolean mayWork(WebappLogin.User user, Task task) {
    if (task.getAssignee() != null) {
      return task.getAssignee().equals(user.id());
    }
    for (IdentityLink link : engine.getTaskService().getIdentityLinksForTask(task.getId())) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && (user.id().equals(link.getUserId())
          || link.getGroupId() != null && user.groups().contains(link.getGroupId()))) {
        return true;
      }
    }
    return false;
  }

  private Optional<AttachmentPoints.Point> point(Task task) {
    String processKey = engine.getRepositoryService().getProcessDefinition(task.getProcessDefinitionId()).getKey();
    return AttachmentPoints.of(processKey, task.getTaskDefinitionKey());
  }

  /** The project the task belongs to: its number, or for a phase started on its own the phase's business key. */
  private String projectNumber(Task task) {
    Object number = engine.getTaskService().getVariable(task.getId(), Project.PROJECT_NUMBER.name());
    if (number instanceof String text && !text.isBlank()) {
      return text;
    }
    String business = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
        .singleResult().getBusinessKey();
    if (business != null && !business.isBlank()) {
      return business;
    }
    Object agreement = engine.getTaskService().getVariable(task.getId(), Project.AGREEMENT_NUMBER.name());
    return agreement instanceof String text ? text : task.getProcessInstanceId();
  }

  private static List<String> groupsOrNone(WebappLogin.User user) {
    return user.groups().isEmpty() ? List.of("-") : user.groups();
  }

  // --- bytes

  /** The file's bytes, read up to the limit: a larger one is refused as soon as it passes it (413). */
  private byte[] bounded(MultipartFile file) {
    if (file.getSize() > maxSize) {
      throw tooLarge(maxSize);
    }
    try (InputStream in = file.getInputStream()) {
      byte[] content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxSize + 1));
      if (content.length > maxSize) {
        throw tooLarge(maxSize);
      }
      return content;
    } catch (IOException e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "送られたファイルを読み取れませんでした。もう一度送ってください。");
    }
  }

  static ResponseStatusException tooLarge(long maxSize) {
    return new ResponseStatusException(HttpStatus.PAYLOAD_TOO_LARGE,
        "ファイルが大きすぎます（1件 " + DataSize.ofBytes(maxSize).toMegabytes() + " MB まで）。");
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The file as a download, never shown in the browser: {@code attachment} with the name in UTF-8 (RFC 5987/6266) and
   * an ASCII stand-in, the type read from the content at the upload, and no sniffing.
   */
  public static ResponseEntity<byte[]> download(DocumentRepository.Document document, byte[] content,
      jakarta.servlet.http.HttpServletResponse response) {
    String ascii = document.fileName().replaceAll("[^\\x20-\\x7E]|[\"\\\\]", "_");
    String encoded = URLEncoder.encode(document.fileName(), StandardCharsets.UTF_8).replace("+", "%20");
    // Set on the response itself, replacing what the security headers' filter set for every page.
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Content-Security-Policy", "default-src 'none'; sandbox");
    response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(document.mediaType()))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded)
        .body(content);
  }

  static Map<String, Object> view(DocumentRepository.Document d) {
    Map<String, Object> view = publicView(d);
    view.put("projectNumber", d.projectNumber());
    view.put("taskId", d.taskId());
    view.put("taskName", d.taskName());
    view.put("sha256", d.sha256());
    view.put("uploadedBy", d.uploadedBy());
    view.put("uploadedAt", d.uploadedAt());
    view.put("publishedBy", d.publishedBy());
    view.put("publishedAt", d.publishedAt());
    view.put("url", "/account/api/documents/" + d.id() + "/content");
    return view;
  }

  /** What may be shown of a published document to anyone: no person, no task. */
  public static Map<String, Object> publicView(DocumentRepository.Document d) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", d.id());
    view.put("fiscalYear", d.fiscalYear());
    view.put("phase", d.phase());
    view.put("phaseLabel", jp.kyodo.lifecycle.Phase.valueOf(d.phase()).label());
    view.put("kind", d.kind().name());
    view.put("kindLabel", d.kind().label());
    view.put("fileName", d.fileName());
    view.put("mediaType", d.mediaType());
    view.put("size", d.size());
    view.put("published", d.published());
    return view;
  }

  private static String abbreviate(String text) {
    return text.length() > 40 ? text.substring(0, 40) + "…" : text;
  }
}
